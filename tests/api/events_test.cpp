// Live events over a real WebSocket: a lead assigned by a rule reaches its new owner's open
// connection, and only theirs; the upgrade needs a session and a page of this site.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "harness.h"

namespace sen::testing {
namespace {

using json = nlohmann::json;
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
  // The next event, or null when none came within `wait`.
  json Next(std::chrono::milliseconds wait = std::chrono::seconds(2)) {
    json event;
    ws_.async_read(buffer_, [&](beast::error_code ec, std::size_t) {
      if (!ec) event = json::parse(beast::buffers_to_string(buffer_.data()));
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

// How long to listen for an event that must not come.
constexpr std::chrono::milliseconds kQuiet{300};

TEST(EventsApi, ANewOwnerHearsOfTheirLeadAtOnceAndNobodyElseDoes) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const auto an = CreateUser(admin, "agent.ws1", "agent");
  CreateUser(admin, "agent.ws2", "agent");
  ASSERT_EQ(admin.Post("/api/assignment-rules", {{"name", "Live"}, {"method", "round_robin"},
                                                 {"members", {{{"user_id", an}}}}}).status, 201);
  Client an_client(server.port()), other_client(server.port());
  an_client.Login("agent.ws1", "user-pass-123");
  other_client.Login("agent.ws2", "user-pass-123");
  LiveEvents an_events(server.port(), an_client.session_cookie);
  LiveEvents other_events(server.port(), other_client.session_cookie);
  ASSERT_EQ(an_events.Open(), 101);
  ASSERT_EQ(other_events.Open(), 101);

  auto lead = admin.Post("/api/leads", {{"full_name", "Khách Trực Tuyến"}, {"mobile", UniqueMobile()}});
  ASSERT_EQ(lead.json["owner_id"], an) << lead.body;
  auto event = an_events.Next();
  ASSERT_FALSE(event.is_null());
  EXPECT_EQ(event["type"], "lead_assigned");
  EXPECT_EQ(event["data"]["lead_id"], lead.json["id"]);
  EXPECT_EQ(event["data"]["full_name"], "Khách Trực Tuyến");
  EXPECT_EQ(event["data"]["reason"], "rule");
  EXPECT_TRUE(other_events.Next(kQuiet).is_null());

  // A lead an agent gives themselves is no news to them.
  an_client.Post("/api/leads", {{"full_name", "Của Tôi"}, {"mobile", UniqueMobile()}});
  EXPECT_TRUE(an_events.Next(kQuiet).is_null());

  // Open WebSockets do not hold up a shutdown.
  EXPECT_EQ(server.Stop(), 0) << server.Log();
}

TEST(EventsApi, TheUpgradeNeedsASessionAndAPageOfThisSite) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const std::map<std::string, std::string> upgrade = {{"Connection", "Upgrade"},
                                                      {"Upgrade", "websocket"},
                                                      {"Sec-WebSocket-Version", "13"},
                                                      {"Sec-WebSocket-Key", "x3JJHMbDL1EzLkh9GBhXDw=="}};
  Client anonymous(server.port());
  EXPECT_EQ(anonymous.Send("GET", "/api/ws", std::nullopt, upgrade).status, 401);
  auto foreign = upgrade;
  foreign["Origin"] = "https://evil.example";
  EXPECT_EQ(admin.Send("GET", "/api/ws", std::nullopt, foreign).status, 403);
  EXPECT_EQ(admin.Get("/api/ws").status, 400);
  EXPECT_EQ(LiveEvents(server.port(), admin.session_cookie, "http://127.0.0.1:" + std::to_string(server.port())).Open(),
            101);
}

}  // namespace
}  // namespace sen::testing
