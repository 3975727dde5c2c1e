// How long a live event takes to reach connected clients: opens CLIENTS WebSockets to
// GET /api/ws as one agent (every event then goes to all of them), creates EVENTS leads that a
// rule gives to that agent, one every GAP ms, and measures, per client and event, the time from
// just before the POST was sent to the event's arrival. Prints p50/p95/p99/max. Driven by
// bench/events.sh, which starts the server and makes the agent, the rule and the token.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Samples {
  std::mutex mutex;
  std::unordered_map<std::string, Clock::time_point> sent;  // full name -> just before its POST
  std::vector<double> ms;
  std::size_t unknown = 0;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, Samples& samples) : ws_(ioc), samples_(samples) {}

  void Open(const tcp::endpoint& server, const std::string& cookie) {
    ws_.next_layer().connect(server);
    ws_.set_option(websocket::stream_base::decorator(
        [cookie](websocket::request_type& req) { req.set(http::field::cookie, "sen_session=" + cookie); }));
    ws_.handshake(fmt::format("{}:{}", server.address().to_string(), server.port()), "/api/ws");
  }

  void Read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;
      const auto arrived = Clock::now();
      auto event = nlohmann::json::parse(beast::buffers_to_string(self->buffer_.data()));
      self->buffer_.consume(self->buffer_.size());
      {
        std::lock_guard lock(self->samples_.mutex);
        auto it = self->samples_.sent.find(event["data"].value("full_name", ""));
        if (it == self->samples_.sent.end()) {
          ++self->samples_.unknown;
        } else {
          self->samples_.ms.push_back(std::chrono::duration<double, std::milli>(arrived - it->second).count());
        }
      }
      self->Read();
    });
  }

  void Close() {
    beast::error_code ec;
    ws_.next_layer().close(ec);
  }

 private:
  websocket::stream<tcp::socket> ws_;
  beast::flat_buffer buffer_;
  Samples& samples_;
};

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

}  // namespace

int main() {
  const auto port = static_cast<unsigned short>(std::stoi(Env("PORT", "18080")));
  const std::string token = Env("SEN_TOKEN", "");
  const std::string cookie = Env("AGENT_COOKIE", "");
  const int clients = std::stoi(Env("CLIENTS", "1000"));
  const int events = std::stoi(Env("EVENTS", "200"));
  const auto gap = std::chrono::milliseconds(std::stoi(Env("GAP", "20")));
  const tcp::endpoint server(net::ip::make_address("127.0.0.1"), port);

  Samples samples;
  net::io_context ioc;
  std::vector<std::shared_ptr<Listener>> listeners;
  for (int i = 0; i < clients; ++i) {
    listeners.push_back(std::make_shared<Listener>(ioc, samples));
    listeners.back()->Open(server, cookie);
    listeners.back()->Read();
  }
  std::thread reader([&ioc] { ioc.run(); });
  std::cout << clients << " clients connected\n";

  tcp::socket api(ioc);
  api.connect(server);
  for (int i = 0; i < events; ++i) {
    const std::string name = fmt::format("Sự kiện {}", i);
    http::request<http::string_body> req{http::verb::post, "/api/leads", 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::authorization, "Bearer " + token);
    req.set(http::field::content_type, "application/json");
    req.body() = nlohmann::json{{"full_name", name}, {"mobile", fmt::format("0939{:06}", (std::time(nullptr) * 7 + i) % 1000000)},
                                {"allow_duplicate", true}}
                     .dump();
    req.prepare_payload();
    {
      std::lock_guard lock(samples.mutex);
      samples.sent[name] = Clock::now();
    }
    http::write(api, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(api, buffer, res);
    if (res.result_int() != 201) {
      std::cerr << "POST /api/leads: " << res.result_int() << " " << res.body() << "\n";
      return 1;
    }
    std::this_thread::sleep_for(gap);
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));
  for (auto& l : listeners) net::post(ioc, [l] { l->Close(); });
  reader.join();

  std::sort(samples.ms.begin(), samples.ms.end());
  const auto at = [&](double q) { return samples.ms.empty() ? 0.0 : samples.ms[static_cast<std::size_t>(q * (samples.ms.size() - 1))]; };
  const std::size_t expected = static_cast<std::size_t>(clients) * events;
  std::cout << fmt::format("events received {} of {} ({} unknown); p50={:.1f}ms p95={:.1f}ms p99={:.1f}ms max={:.1f}ms\n",
                           samples.ms.size(), expected, samples.unknown, at(0.5), at(0.95), at(0.99),
                           samples.ms.empty() ? 0.0 : samples.ms.back());
  return samples.ms.size() == expected ? 0 : 1;
}
