#include <utility>  // before Asio: GCC 12 + Boost 1.74 need std::exchange declared

#include "http/server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "http/router.h"

namespace sen::http {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// One request per connection, as a client without keep-alive does.
void RequestOnce(std::uint16_t port) {
  net::io_context io;
  tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect({net::ip::make_address("127.0.0.1"), port}, ec);
  if (ec) return;
  // A connection the server forgot would otherwise block this client for ever.
  timeval timeout{2, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string request = "GET /x HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
  net::write(socket, net::buffer(request), ec);
  std::string answer;
  net::read(socket, net::dynamic_buffer(answer), ec);
}

// Connections accepted while the server begins to stop used to be handed to a connection thread
// that had already finished, so Run() waited for the whole grace period and then crashed.
TEST(Server, StopsPromptlyWhileNewConnectionsKeepArriving) {
  for (int round = 0; round < 30; ++round) {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.handler = [](Request, std::function<void(Response)> respond) {
      respond(Response::Json(200, {{"ok", true}}));
    };
    Server server(options);
    std::uint16_t port = server.Listen();
    auto ran = std::async(std::launch::async, [&server] { server.Run(); });

    std::atomic<bool> done{false};
    std::vector<std::thread> clients;
    for (int i = 0; i < 4; ++i) {
      clients.emplace_back([&] {
        while (!done) RequestOnce(port);
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + round % 7));
    server.Stop();
    bool stopped = ran.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    done = true;
    for (auto& c : clients) c.join();
    ASSERT_TRUE(stopped) << "Run() did not return after Stop() in round " << round;
  }
}

// Sends `request` on a new connection and returns everything the server answers until it closes.
std::string Exchange(std::uint16_t port, const std::string& request) {
  net::io_context io;
  tcp::socket socket(io);
  socket.connect({net::ip::make_address("127.0.0.1"), port});
  timeval timeout{5, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  boost::system::error_code ec;
  net::write(socket, net::buffer(request), ec);
  std::string answer;
  net::read(socket, net::dynamic_buffer(answer), ec);
  return answer;
}

class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) : server_(std::move(options)) {
    port_ = server_.Listen();
    ran_ = std::async(std::launch::async, [this] { server_.Run(); });
  }
  ~RunningServer() {
    server_.Stop();
    ran_.wait();
  }
  std::uint16_t port() const { return port_; }

 private:
  Server server_;
  std::uint16_t port_ = 0;
  std::future<void> ran_;
};

std::string Post(const std::string& path, std::size_t body_size) {
  return "POST " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: " +
         std::to_string(body_size) + "\r\n\r\n" + std::string(body_size, 'x');
}

// The upload prefix used to be refused above the ordinary limit: Beast checks Content-Length
// against the parser's limit while it reads the header, before the path's own limit was set.
// Only a POST to the upload path itself, by someone allowed to upload, gets the larger limit: a
// 500 MB body to any other path under it, or from a stranger, is refused before it is read.
TEST(Server, UploadPathsTakeTheirLargerBodyLimit) {
  ServerOptions options;
  options.port = 0;
  options.body_limit = 1024;
  options.upload_path = "/upload";
  options.upload_limit = 8 << 20;
  options.may_upload = [](const Request& head) { return head.Header("x-test-key") == "yes"; };
  options.handler = [](Request req, std::function<void(Response)> respond) {
    respond(Response::Json(200, {{"size", req.body.size()}}));
  };
  RunningServer server(options);
  auto signed_in = [](std::string request) { return request.insert(request.find("\r\n") + 2, "X-Test-Key: yes\r\n"); };
  auto big = Exchange(server.port(), signed_in(Post("/upload", 3 << 20)));
  EXPECT_NE(big.find("{\"size\":3145728}"), std::string::npos) << big.substr(0, 300);
  EXPECT_NE(Exchange(server.port(), Post("/other", 2048)).find("413"), std::string::npos);
  EXPECT_NE(Exchange(server.port(), signed_in(Post("/upload", 9 << 20))).find("413"), std::string::npos);
  EXPECT_NE(Exchange(server.port(), signed_in(Post("/upload/1", 2048))).find("413"), std::string::npos);
  auto stranger = Exchange(server.port(), Post("/upload", 2048));
  EXPECT_NE(stranger.find("401"), std::string::npos) << stranger.substr(0, 300);
}

// What a client reads of a GET whose answer the server streams from `maker`'s pieces.
std::string StreamedAnswer(std::function<void(const EmitPiece& emit)> maker) {
  ServerOptions options;
  options.port = 0;
  options.handler = [maker](Request, std::function<void(Response)> respond) {
    Response r;
    r.content_type = "text/csv";
    r.stream = *StartPipe(maker);
    respond(std::move(r));
  };
  RunningServer server(options);
  return Exchange(server.port(), "GET /export HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
}

TEST(Server, StreamedBodiesGoOutChunked) {
  std::string answer = StreamedAnswer([](const EmitPiece& emit) {
    for (int i = 0; i < 3; ++i) emit("row " + std::to_string(i) + "\n");
  });
  EXPECT_NE(answer.find("Transfer-Encoding: chunked"), std::string::npos) << answer;
  EXPECT_NE(answer.find("6\r\nrow 0\n\r\n6\r\nrow 1\n\r\n6\r\nrow 2\n\r\n0\r\n\r\n"), std::string::npos) << answer;
}

// An empty piece is no chunk: as a chunk of size 0 it would end the body early, and the rest
// would reach the client as garbage after it.
TEST(Server, AnEmptyPieceDoesNotEndTheStream) {
  std::string answer = StreamedAnswer([](const EmitPiece& emit) {
    emit("row 0\n");
    emit("");
    emit("row 1\n");
  });
  EXPECT_NE(answer.find("\r\n\r\n6\r\nrow 0\n\r\n6\r\nrow 1\n\r\n0\r\n\r\n"), std::string::npos) << answer;
}

TEST(Server, AStreamThatFailsIsCutShortNotCompleted) {
  std::string answer = StreamedAnswer([](const EmitPiece& emit) {
    emit("row 0\n");
    throw std::runtime_error("the database went away");
  });
  EXPECT_NE(answer.find("row 0"), std::string::npos) << answer;
  EXPECT_EQ(answer.find("0\r\n\r\n"), std::string::npos) << "no last chunk: " << answer;
}

// A request that takes seconds (reading a whole file, waiting on a run) holds up neither its
// I/O thread's other connections nor the listener: here the only I/O thread answers the fast
// request that the slow one waits for.
TEST(Server, ASlowRouteHoldsUpNoOtherRequest) {
  std::promise<void> slow_entered, fast_answered;
  auto fast_seen = fast_answered.get_future().share();
  Router router;
  router.Add("GET", "/slow", [fast_seen, &slow_entered](Request&) {
    slow_entered.set_value();
    const bool seen = fast_seen.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
    return Response::Json(200, {{"fast_first", seen}});
  }, Access::kPublic, Execution::kSlow);
  router.Add("GET", "/fast", [&fast_answered](Request&) {
    fast_answered.set_value();
    return Response::Json(200, {{"ok", true}});
  }, Access::kPublic);
  net::thread_pool slow_lane(1);
  router.SetSlowLane(&slow_lane);
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.handler = [&router](Request req, std::function<void(Response)> respond) {
    router.Handle(std::move(req), std::move(respond));
  };
  RunningServer server(options);
  auto slow = std::async(std::launch::async, [&] {
    return Exchange(server.port(), "GET /slow HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  });
  slow_entered.get_future().wait();
  EXPECT_NE(Exchange(server.port(), "GET /fast HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").find("200 OK"),
            std::string::npos);
  EXPECT_NE(slow.get().find("{\"fast_first\":true}"), std::string::npos);
}

// Sends `method` /export, whose body's maker waits up to 5 s for a request to /fast, then
// /fast, to a server with one I/O thread; true when the maker saw /fast answered first.
bool FastAnsweredWhileAnExportWaits(const std::string& method) {
  std::promise<void> fast_answered;
  auto fast_seen = fast_answered.get_future().share();
  std::promise<void> waiting;
  std::promise<void> made;  // a HEAD's answer comes before its maker ends
  std::atomic<bool> seen_first{false};
  net::thread_pool pool(1);
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.wait = [&pool](std::function<void()> work) { net::post(pool, std::move(work)); };
  options.handler = [&](Request req, std::function<void(Response)> respond) {
    if (req.path == "/fast") {
      fast_answered.set_value();
      return respond(Response::Json(200, {{"ok", true}}));
    }
    Response r;
    r.content_type = "text/csv";
    r.stream = *StartPipe([&, fast_seen](const EmitPiece& emit) {
      waiting.set_value();
      seen_first = fast_seen.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
      made.set_value();
      emit("rows\n");
    });
    respond(std::move(r));
  };
  RunningServer server(options);
  auto slow = std::async(std::launch::async, [&] {
    return Exchange(server.port(), method + " /export HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  });
  waiting.get_future().wait();
  EXPECT_NE(Exchange(server.port(), "GET /fast HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").find("200 OK"),
            std::string::npos);
  slow.get();
  made.get_future().wait();
  return seen_first;
}

// A streamed body's next piece may be long in coming (an xlsx is built whole before its first
// piece): it is waited for on the `wait` threads, so the only I/O thread answers meanwhile.
TEST(Server, AStreamWaitingForItsNextPieceHoldsUpNoOtherRequest) {
  EXPECT_TRUE(FastAnsweredWhileAnExportWaits("GET"));
}

// A HEAD request drops the body unread: its maker is stopped (and waited for) off the I/O thread.
TEST(Server, AHeadRequestOnAStreamHoldsUpNoOtherRequest) {
  EXPECT_TRUE(FastAnsweredWhileAnExportWaits("HEAD"));
}

// A client that stops reading a download is cut off after `stream_stall`, which stops the maker
// and gives its slot back, rather than after the 5 minutes a request may take.
TEST(Server, AStalledDownloadIsCutOff) {
  std::promise<void> stopped;
  ServerOptions options;
  options.port = 0;
  options.stream_stall = std::chrono::seconds(1);
  options.handler = [&stopped](Request, std::function<void(Response)> respond) {
    Response r;
    r.content_type = "text/csv";
    r.stream = *StartPipe([&stopped](const EmitPiece& emit) {
      while (emit(std::string(kPieceBytes, 'x'))) {
      }
      stopped.set_value();
    });
    respond(std::move(r));
  };
  RunningServer server(options);
  net::io_context io;
  tcp::socket socket(io);
  socket.connect({net::ip::make_address("127.0.0.1"), server.port()});
  const int small = 4096;
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
  std::string request = "GET /export HTTP/1.1\r\nHost: t\r\n\r\n";
  net::write(socket, net::buffer(request));
  // Never read: the socket's buffers fill and the server's write waits.
  EXPECT_EQ(stopped.get_future().wait_for(std::chrono::seconds(15)), std::future_status::ready);
}

}  // namespace
}  // namespace sen::http
