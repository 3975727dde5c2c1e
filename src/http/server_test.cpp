#include <utility>  // before Asio: GCC 12 + Boost 1.74 need std::exchange declared

#include "http/server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

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

}  // namespace
}  // namespace sen::http
