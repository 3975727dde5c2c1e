// Beast sessions read the header first (to pick the body limit), then the body, run the handler
// inline and write the answer. Shutdown closes the listener, drops idle connections and lets busy
// ones finish their current request.
#include <utility>  // before Asio: GCC 12 + Boost 1.74 need std::exchange declared

#include "http/server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <limits>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>

namespace sen::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = net::ip::tcp;

namespace {

constexpr auto kIdleTimeout = std::chrono::seconds(60);
constexpr auto kRequestTimeout = std::chrono::seconds(300);
constexpr auto kShutdownGrace = std::chrono::seconds(20);
constexpr std::size_t kHeaderLimit = 16 * 1024;
// A WebSocket client this far behind is cut off rather than queued for without end.
constexpr std::size_t kMaxQueuedEvents = 1000;
// The largest message a WebSocket client may send: the server reads none, so a client saying
// more is cut off rather than given a buffer of Beast's 16 MB default to keep.
constexpr std::size_t kMaxClientMessage = 4096;

// A request's method, path, query and headers (names in lower case), without its body.
template <class Fields>
Request HeadOf(const bhttp::header<true, Fields>& header) {
  Request request;
  request.method = std::string(header.method_string());
  std::string_view target = header.target();
  size_t qmark = target.find('?');
  auto path = UrlDecode(target.substr(0, qmark), false);
  request.path = path ? std::move(*path) : std::string(target.substr(0, qmark));
  if (qmark != std::string_view::npos) request.query = ParseQuery(target.substr(qmark + 1));
  for (const auto& field : header) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  return request;
}

// What shutdown needs of a connection, HTTP or WebSocket.
class Connection {
 public:
  virtual ~Connection() = default;
  // An idle connection is closed now, a busy one after its answer.
  virtual void CloseIfIdle() = 0;
  // The grace period is over: pending reads and writes end with operation_aborted.
  virtual void ForceClose() = 0;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  // Declared before the contexts so that they outlive them: a connection destroyed with its
  // context still unregisters itself.
  std::mutex sessions_mutex;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> sessions;
  // One io_context per thread, each connection pinned to one: no locking inside Asio and no
  // wake-ups of the other thread for every completion (a shared context costs ~10% in futexes).
  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;
  std::size_t next_context = 0;
  net::io_context& ioc;  // the first: listener, signals, shutdown timer
  tcp::acceptor acceptor{ioc};
  net::signal_set signals{ioc, SIGINT, SIGTERM};
  net::steady_timer shutdown_deadline{ioc};
  std::atomic<bool> stopping{false};
  std::atomic<bool> finished{false};  // Run() has returned: nothing may be posted to the contexts
  std::string id_prefix;
  std::atomic<std::uint64_t> next_id{0};

  static net::io_context& First(std::vector<std::unique_ptr<net::io_context>>& contexts, int threads) {
    for (int i = 0; i < std::max(threads, 1); ++i) contexts.push_back(std::make_unique<net::io_context>(1));
    return *contexts.front();
  }

  explicit Impl(ServerOptions o) : options(std::move(o)), ioc(First(contexts, options.threads)) {
    for (auto& c : contexts) keep_running.push_back(net::make_work_guard(*c));
    std::random_device rd;
    id_prefix = fmt::format("{:06x}", rd() & 0xffffff);
  }

  std::string NextRequestId() { return fmt::format("{}-{}", id_prefix, ++next_id); }

  void Accept();
  void BeginShutdown();
  void CloseRemaining();
  std::vector<std::shared_ptr<Connection>> LiveSessions();
  void Register(Connection* s, std::weak_ptr<Connection> w);
  void Unregister(Connection* s);
};

namespace {

// A WebSocket taken over from an HTTP session after GET /api/ws was accepted: pushes what the
// application sends, reads only to notice the close (and to answer pings, which Beast does).
class WsSession : public Connection, public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(beast::tcp_stream&& stream, Server::Impl& server) : ws_(std::move(stream)), server_(server) {}
  ~WsSession() override {
    if (on_close_) on_close_();
    server_.Unregister(this);
  }

  void Start(bhttp::request<bhttp::string_body> request, decltype(Response::websocket) open) {
    server_.Register(this, weak_from_this());
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.read_message_max(kMaxClientMessage);  // the server reads nothing the client says
    auto req = std::make_shared<bhttp::request<bhttp::string_body>>(std::move(request));
    // Subscribed before the answer leaves: an event published once the client has its 101 is
    // never missed; what comes before the handshake ends waits in the queue.
    auto send = [weak = weak_from_this(), executor = ws_.get_executor()](std::string text) {
      net::post(executor, [weak, text = std::move(text)]() mutable {
        if (auto s = weak.lock()) s->Send(std::move(text));
      });
    };
    auto close = [weak = weak_from_this()] {
      if (auto s = weak.lock()) s->Close(websocket::close_code::policy_error);
    };
    on_close_ = open(std::move(send), std::move(close));
    ws_.async_accept(*req, [self = shared_from_this(), req](beast::error_code ec) {
      if (ec) return;
      self->accepted_ = true;
      if (!self->queue_.empty()) self->Write();
      self->Read();
    });
  }

  void CloseIfIdle() override { Close(websocket::close_code::going_away); }

  void ForceClose() override {
    net::post(ws_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      beast::get_lowest_layer(self->ws_).socket().close(ec);
    });
  }

 private:
  void Close(websocket::close_code code) {
    net::post(ws_.get_executor(), [self = shared_from_this(), code] {
      if (!self->accepted_) return self->ForceClose();
      // A client that does not answer the close frame is not waited for beyond a second.
      auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
      timeouts.handshake_timeout = std::chrono::seconds(1);
      self->ws_.set_option(timeouts);
      self->ws_.async_close(code, [self](beast::error_code) {});
    });
  }

  void Send(std::string text) {
    if (queue_.size() >= kMaxQueuedEvents) return ForceClose();
    queue_.push_back(std::move(text));
    if (accepted_ && queue_.size() == 1) Write();
  }

  void Write() {
    ws_.text(true);
    ws_.async_write(net::buffer(queue_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;
      self->queue_.pop_front();
      if (!self->queue_.empty()) self->Write();
    });
  }

  void Read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;  // closed; the last owner's release unsubscribes
      self->buffer_.consume(self->buffer_.size());
      self->Read();
    });
  }

  websocket::stream<beast::tcp_stream> ws_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
  std::function<void()> on_close_;
  bool accepted_ = false;  // the handshake's answer has left; writes wait for it
};

class Session : public Connection, public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = endpoint.address().to_string();
  }
  ~Session() override { server_.Unregister(this); }

  void Start() {
    server_.Register(this, weak_from_this());
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }

  void CloseIfIdle() override {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

  void ForceClose() override {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
  }

 private:
  void ReadHeader() {
    if (server_.stopping) return Close();
    busy_ = false;
    upgrade_.reset();
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // Beast checks Content-Length against the body limit while it reads the header, before the
    // path is known; OnHeader sets the path's limit and answers 413 itself. (Not boost::none:
    // Boost 1.74 compares the length with the empty optional and refuses every body.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(kIdleTimeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    busy_ = true;
    const auto& header = parser_->get();
    const auto& options = server_.options;
    std::size_t limit = options.body_limit;
    if (!options.upload_path.empty() && header.method() == bhttp::verb::post) {
      if (Request head = HeadOf(header); head.path == options.upload_path) {
        if (options.may_upload && !options.may_upload(head)) {
          return Reply(ErrorResponse(ErrorCode::kUnauthenticated, "sign in before uploading a file"), false, false, true);
        }
        limit = options.upload_limit;
      }
    }
    parser_->body_limit(limit);
    if (auto length = parser_->content_length(); length && *length > limit) {
      return Reply(ErrorResponse(ErrorCode::kPayloadTooLarge, fmt::format("the request body is larger than the limit of {} bytes", limit)), false, false, true);
    }
    stream_.expires_after(kRequestTimeout);
    if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
      auto cont = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
      return bhttp::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code wec, std::size_t) {
        if (wec) return self->Close();
        self->ReadBody();
      });
    }
    ReadBody();
  }

  void ReadBody() {
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) {
      return Reply(ErrorResponse(ErrorCode::kPayloadTooLarge, "the request body is larger than the limit"), false, false, true);
    }
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == beast::error::timeout || ec == net::error::connection_reset || ec == net::error::eof) {
      return Close();
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
      return Reply(ErrorResponse(ErrorCode::kBadRequest, "malformed HTTP request: " + ec.message()), false);
    }
    Close();
  }

  static Response ErrorResponse(ErrorCode code, std::string message) {
    return Response::FromError(Error{code, std::move(message)});
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    auto started = std::chrono::steady_clock::now();
    auto message = parser_->release();

    Request request = HeadOf(message);
    request.body = std::move(message.body());
    if (websocket::is_upgrade(message)) upgrade_ = std::move(message);
    request.remote_ip = remote_ip_;
    request.request_id = server_.NextRequestId();
    const bool head = request.method == "HEAD";
    if (head) request.method = "GET";

    // The work guard keeps this connection's context running until a late answer (from the write
    // batcher) has been handed back to it, also during shutdown.
    auto respond = [self = shared_from_this(), work = net::make_work_guard(stream_.get_executor()), started, head,
                    keep_alive = message.keep_alive(),
                    method = std::string(message.method_string()), path = request.path,
                    id = request.request_id](Response response) mutable {
      // Runs inline when the answer is ready at once, else hops back onto this connection's strand.
      net::dispatch(self->stream_.get_executor(), [self, started, head, keep_alive, method = std::move(method),
                                                    path = std::move(path), id = std::move(id),
                                                    response = std::move(response)]() mutable {
        auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        auto level = response.status >= 500 ? spdlog::level::err : spdlog::level::info;
        spdlog::log(level, "request_id={} method={} path={} status={} ms={:.2f} user={} ip={}", id, method, path,
                    response.status, elapsed, response.user_id, self->remote_ip_);
        response.headers.emplace_back("X-Request-Id", id);
        if (response.websocket && self->upgrade_) return self->Upgrade(std::move(response.websocket));
        self->Reply(std::move(response), keep_alive && !self->server_.stopping, head);
      });
    };
    server_.options.handler(std::move(request), std::move(respond));
  }

  // `drain`: the client may still be sending a body we refused; read and drop it before closing,
  // or the kernel resets the connection and the client never sees the answer.
  void Reply(Response response, bool keep_alive, bool head = false, bool drain = false) {
    if (response.stream && !head) return ReplyStreamed(std::move(response), keep_alive);
    // Dropping a body unread stops its maker and waits for it (an xlsx export stops only after
    // its build): not on this thread.
    if (response.stream && server_.options.wait) {
      server_.options.wait([body = std::move(response.stream)]() mutable { body = nullptr; });
    }
    auto msg = std::make_shared<bhttp::response<bhttp::string_body>>();
    msg->version(11);
    msg->result(static_cast<unsigned>(response.status));
    if (!response.content_type.empty()) {
      std::string type = response.content_type;
      if (type == "application/json") type += "; charset=utf-8";
      msg->set(bhttp::field::content_type, type);
    }
    msg->set("X-Content-Type-Options", "nosniff");
    for (auto& [name, value] : response.headers) msg->insert(name, value);
    msg->keep_alive(keep_alive);
    const std::size_t size = response.body.size();
    if (!head) msg->body() = std::move(response.body);
    msg->prepare_payload();
    if (head) msg->content_length(size);
    bhttp::async_write(stream_, *msg, [self = shared_from_this(), msg, keep_alive, drain](beast::error_code ec, std::size_t) {
      if (ec) return self->Close();
      if (drain) {
        beast::error_code ignored;
        self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        self->drained_ = 0;
        return self->Drain();
      }
      if (!keep_alive) return self->Close();
      self->ReadHeader();
    });
  }

  // A body made while it is sent (exports), in chunked transfer encoding.
  void ReplyStreamed(Response response, bool keep_alive) {
    auto msg = std::make_shared<bhttp::response<bhttp::empty_body>>();
    msg->version(11);
    msg->result(static_cast<unsigned>(response.status));
    msg->set(bhttp::field::content_type, response.content_type);
    msg->set("X-Content-Type-Options", "nosniff");
    for (auto& [name, value] : response.headers) msg->insert(name, value);
    msg->keep_alive(keep_alive);
    msg->chunked(true);
    auto serializer = std::make_shared<bhttp::response_serializer<bhttp::empty_body>>(*msg);
    stream_.expires_after(server_.options.stream_stall);
    bhttp::async_write_header(stream_, *serializer, [self = shared_from_this(), msg, serializer, keep_alive,
                                                     next = std::move(response.stream)](beast::error_code ec, std::size_t) {
      if (ec) return self->Close();
      self->WriteChunks(next, keep_alive);
    });
  }

  // The next piece may be long in coming (an xlsx is built whole before its first): it is
  // waited for where the server's options say, off the I/O thread, then written from this one.
  void WriteChunks(NextPiece next, bool keep_alive) {
    auto fetch = [self = shared_from_this(), next = std::move(next), keep_alive,
                  work = net::make_work_guard(stream_.get_executor())]() mutable {
      auto piece = std::make_shared<std::string>();
      bool more = false;
      bool failed = false;
      try {
        do {  // a chunk of size 0 would end the body
          more = next(*piece);
        } while (more && piece->empty());
      } catch (const std::exception&) {
        failed = true;
      }
      net::dispatch(self->stream_.get_executor(),
                    [self, next = std::move(next), piece, more, failed, keep_alive]() mutable {
                      self->WritePiece(std::move(next), piece, more, failed, keep_alive);
                    });
    };
    if (!server_.options.wait) return fetch();
    server_.options.wait(std::move(fetch));
  }

  void WritePiece(NextPiece next, const std::shared_ptr<std::string>& piece, bool more, bool failed,
                  bool keep_alive) {
    if (failed) return Close();  // no last chunk: the client sees the body was cut short
    stream_.expires_after(server_.options.stream_stall);
    if (!more) {
      auto last = std::make_shared<decltype(bhttp::make_chunk_last())>(bhttp::make_chunk_last());
      return net::async_write(stream_, *last, [self = shared_from_this(), last, keep_alive](beast::error_code ec, std::size_t) {
        if (ec || !keep_alive) return self->Close();
        self->ReadHeader();
      });
    }
    auto chunk = std::make_shared<decltype(bhttp::make_chunk(net::const_buffer()))>(
        bhttp::make_chunk(net::const_buffer(piece->data(), piece->size())));
    net::async_write(stream_, *chunk, [self = shared_from_this(), piece, chunk, next = std::move(next),
                                       keep_alive](beast::error_code ec, std::size_t) mutable {
      if (ec) return self->Close();
      self->WriteChunks(std::move(next), keep_alive);
    });
  }

  // The connection becomes a WebSocket; this session ends here.
  void Upgrade(decltype(Response::websocket) open) {
    busy_ = false;
    auto request = std::move(*upgrade_);
    upgrade_.reset();
    std::make_shared<WsSession>(std::move(stream_), server_)->Start(std::move(request), std::move(open));
  }

  void Drain() {
    constexpr std::size_t kMaxDrain = 64 << 20;
    stream_.expires_after(std::chrono::seconds(10));
    stream_.async_read_some(net::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > kMaxDrain) return self->Close();
      self->Drain();
    });
  }

  void Close() {
    busy_ = false;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::request<bhttp::string_body>> upgrade_;  // a WebSocket handshake, until answered
  std::string remote_ip_;
  bool busy_ = false;
  std::array<char, 16384> scratch_;
  std::size_t drained_ = 0;
};

}  // namespace

void Server::Impl::Register(Connection* s, std::weak_ptr<Connection> w) {
  std::lock_guard lock(sessions_mutex);
  sessions.emplace(s, std::move(w));
}

void Server::Impl::Unregister(Connection* s) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(s);
  if (stopping && sessions.empty() && !finished) {
    net::post(ioc, [this] { shutdown_deadline.cancel(); });
  }
}

void Server::Impl::Accept() {
  auto& context = *contexts[next_context++ % contexts.size()];
  acceptor.async_accept(context, [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
      spdlog::warn("accept failed: {}", ec.message());
    } else if (stopping) {
      // Accepted just before the listener closed; the connection's context may have finished.
      socket.close(ec);
      return;
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), *this)->Start();
    }
    Accept();
  });
}

void Server::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  spdlog::info("shutting down: finishing requests in flight");
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  auto live = LiveSessions();
  for (auto& s : live) s->CloseIfIdle();
  // Only now, with every CloseIfIdle posted: a context that ran out of work before would have
  // returned from run() and never run it, keeping its connection until the grace period.
  for (auto& guard : keep_running) guard.reset();  // each context ends when its connections have
  if (live.empty()) return;
  shutdown_deadline.expires_after(kShutdownGrace);
  shutdown_deadline.async_wait([this](beast::error_code wec) {
    if (!wec) CloseRemaining();
  });
}

std::vector<std::shared_ptr<Connection>> Server::Impl::LiveSessions() {
  std::vector<std::shared_ptr<Connection>> live;
  std::lock_guard lock(sessions_mutex);
  for (auto& [ptr, weak] : sessions) {
    if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  return live;
}

// Closing the sockets lets every context run out of work by itself; a handler that never answers
// is the only thing left to stop the hard way.
void Server::Impl::CloseRemaining() {
  auto live = LiveSessions();
  spdlog::warn("shutdown grace period over; closing {} remaining connections", live.size());
  for (auto& s : live) s->ForceClose();
  shutdown_deadline.expires_after(kShutdownGrace);
  shutdown_deadline.async_wait([this](beast::error_code wec) {
    if (wec) return;
    spdlog::error("requests still unanswered after closing their connections; stopping");
    for (auto& c : contexts) c->stop();
  });
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

std::uint16_t Server::Listen() {
  auto& a = impl_->acceptor;
  tcp::endpoint endpoint{net::ip::make_address(impl_->options.host), impl_->options.port};
  a.open(endpoint.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(endpoint);
  a.listen(net::socket_base::max_listen_connections);
  return a.local_endpoint().port();
}

void Server::Run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->BeginShutdown();
  });
  impl_->Accept();
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < impl_->contexts.size(); ++i) {
    threads.emplace_back([this, i] { impl_->contexts[i]->run(); });
  }
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  impl_->finished = true;
  spdlog::info("server stopped");
}

void Server::Stop() {
  net::post(impl_->ioc, [this] { impl_->BeginShutdown(); });
}

}  // namespace sen::http
