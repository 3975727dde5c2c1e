// A WebSocket client of GET /api/ws for the API tests: opens with a session cookie, reads the
// next event with a time limit.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

namespace sen::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

// A WebSocket to GET /api/ws with the client's session cookie.
class LiveEvents {
 public:
  LiveEvents(std::uint16_t port, const std::string& cookie, const std::string& origin = "") : ws_(ioc_) {
    net::ip::tcp::resolver resolver(ioc_);
    net::connect(ws_.next_layer(), resolver.resolve("127.0.0.1", std::to_string(port)));
    ws_.set_option(websocket::stream_base::decorator([cookie, origin](websocket::request_type& req) {
      if (!cookie.empty()) req.set(beast::http::field::cookie, "sen_session=" + cookie);
      if (!origin.empty()) req.set(beast::http::field::origin, origin);
    }));
    host_ = "127.0.0.1:" + std::to_string(port);
  }
  // The HTTP status of the handshake (101 when accepted).
  int Open() {
    websocket::response_type res;
    beast::error_code ec;
    ws_.handshake(res, host_, "/api/ws", ec);
    return static_cast<int>(res.result_int());
  }
  // Whether the server closed the connection within `wait` (events that come first are skipped).
  bool Closed(std::chrono::milliseconds wait = std::chrono::seconds(2)) {
    const auto until = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < until) {
      beast::error_code failed;
      ws_.async_read(buffer_, [&](beast::error_code ec, std::size_t) {
        failed = ec;
        buffer_.consume(buffer_.size());
      });
      ioc_.restart();
      ioc_.run_for(std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()));
      if (!ioc_.stopped()) {
        beast::error_code ec;
        ws_.next_layer().cancel(ec);
        ioc_.run();
        return false;
      }
      if (failed) return true;
    }
    return false;
  }
  // Sends a text message of `size` bytes; false when it could not be written.
  bool Say(std::size_t size) {
    beast::error_code ec;
    ws_.write(net::buffer(std::string(size, 'x')), ec);
    return !ec;
  }
  // The next event, or null when none came within `wait` (long: a loaded machine is slow to
  // deliver; a test that expects silence passes a short one).
  nlohmann::json Next(std::chrono::milliseconds wait = std::chrono::seconds(10)) {
    nlohmann::json event;
    ws_.async_read(buffer_, [&](beast::error_code ec, std::size_t) {
      if (!ec) event = nlohmann::json::parse(beast::buffers_to_string(buffer_.data()));
      buffer_.consume(buffer_.size());
    });
    ioc_.restart();
    ioc_.run_for(wait);
    if (!ioc_.stopped()) {  // nothing came: give the read up (its handler runs with an error)
      beast::error_code ec;
      ws_.next_layer().cancel(ec);
      ioc_.run();
    }
    return event;
  }

 private:
  net::io_context ioc_;
  websocket::stream<net::ip::tcp::socket> ws_;
  beast::flat_buffer buffer_;
  std::string host_;
};

}  // namespace sen::testing
