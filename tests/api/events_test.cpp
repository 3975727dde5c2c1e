// Live events over a real WebSocket: a lead assigned by a rule reaches its new owner's open
// connection, and only theirs; the upgrade needs a session and a page of this site.
#include "harness.h"
#include "live_events.h"

#include <memory>
#include <set>
#include <vector>

namespace sen::testing {
namespace {

using json = nlohmann::json;

// How long to listen for an event that must not come.
constexpr std::chrono::milliseconds kQuiet{300};

// Two agents `prefix`1 and `prefix`2, and a rule that gives every new lead to the first; its id.
std::int64_t TwoAgentsOneRule(Client& admin, const std::string& prefix) {
  const auto first = CreateUser(admin, prefix + "1", "agent");
  CreateUser(admin, prefix + "2", "agent");
  EXPECT_EQ(admin.Post("/api/assignment-rules", {{"name", prefix}, {"method", "round_robin"},
                                                 {"members", {{{"user_id", first}}}}}).status, 201);
  return first;
}

// The headers of a WebSocket upgrade, sent by the plain client to see how the server answers.
const std::map<std::string, std::string> kUpgrade = {{"Connection", "Upgrade"},
                                                     {"Upgrade", "websocket"},
                                                     {"Sec-WebSocket-Version", "13"},
                                                     {"Sec-WebSocket-Key", "x3JJHMbDL1EzLkh9GBhXDw=="}};

TEST(EventsApi, ANewOwnerHearsOfTheirLeadAtOnceAndNobodyElseDoes) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const auto an = TwoAgentsOneRule(admin, "agent.ws");
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

// R1: a switch someone else makes reaches the user's open pages, so the header's switch shows
// what assignment goes by.
TEST(EventsApi, AnAgentSwitchedOffByTheirManagerHearsOfItAtOnce) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const auto team = CreateTeam(admin, "Tư vấn");
  const auto agent = CreateUser(admin, "agent.onoff", "agent", team);
  CreateUser(admin, "manager.onoff", "manager", team);
  Client agent_client(server.port()), manager(server.port());
  agent_client.Login("agent.onoff", "user-pass-123");
  manager.Login("manager.onoff", "user-pass-123");
  LiveEvents agent_events(server.port(), agent_client.session_cookie);
  ASSERT_EQ(agent_events.Open(), 101);

  const std::string presence = "/api/users/" + std::to_string(agent) + "/presence";
  ASSERT_EQ(manager.Send("PUT", presence, json{{"online", false}}).status, 200);
  auto event = agent_events.Next();
  ASSERT_FALSE(event.is_null());
  EXPECT_EQ(event["type"], "presence");
  EXPECT_EQ(event["data"]["online"], false);
  EXPECT_EQ(event["data"]["by"], "User manager.onoff") << event.dump();
  // The user's own switch reaches their other pages, with nobody named; no change, no event.
  ASSERT_EQ(agent_client.Send("PUT", presence, json{{"online", true}}).status, 200);
  event = agent_events.Next();
  EXPECT_EQ(event["data"], (json{{"online", true}, {"by", nullptr}})) << event.dump();
  ASSERT_EQ(agent_client.Send("PUT", presence, json{{"online", true}}).status, 200);
  EXPECT_TRUE(agent_events.Next(kQuiet).is_null());
}

// What a user was told while none of their pages was open waits in the bell, theirs only.
TEST(EventsApi, WhatArrivedWithNoPageOpenWaitsInTheBell) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const auto an = TwoAgentsOneRule(admin, "agent.bell");
  auto lead = admin.Post("/api/leads", {{"full_name", "Khách Khi Vắng"}, {"mobile", UniqueMobile()}});
  ASSERT_EQ(lead.json["owner_id"], an) << lead.body;

  Client an_client(server.port()), other_client(server.port());
  an_client.Login("agent.bell1", "user-pass-123");
  other_client.Login("agent.bell2", "user-pass-123");
  auto bell = an_client.Get("/api/notifications");
  ASSERT_EQ(bell.status, 200) << bell.body;
  EXPECT_EQ(bell.json["unread"], 1);
  ASSERT_EQ(bell.json["items"].size(), 1u);
  const auto& kept = bell.json["items"][0];
  EXPECT_EQ(kept["type"], "lead_assigned");
  EXPECT_EQ(kept["data"]["lead_id"], lead.json["id"]);
  EXPECT_EQ(kept["data"]["full_name"], "Khách Khi Vắng");
  EXPECT_TRUE(kept["read_at"].is_null());
  EXPECT_EQ(other_client.Get("/api/notifications").json["unread"], 0);

  // Another user's ids change nothing; bad ones and limits are named.
  auto others = other_client.Post("/api/notifications/read", {{"ids", {kept["id"]}}});
  ASSERT_EQ(others.status, 200) << others.body;
  EXPECT_EQ(an_client.Get("/api/notifications").json["unread"], 1);
  auto bad = an_client.Post("/api/notifications/read", {{"ids", {"one"}}, {"colour", "red"}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  for (const auto& d : bad.json["error"]["details"]) fields.insert(d["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"ids", "colour"}));
  EXPECT_EQ(an_client.Get("/api/notifications?limit=0").status, 422);
  EXPECT_EQ(an_client.Get("/api/notifications?limit=101").json["error"]["details"][0]["field"], "limit");
  // An empty list marks nothing (no ids at all marks every one).
  auto none = an_client.Post("/api/notifications/read", {{"ids", json::array()}});
  EXPECT_EQ(none.json["unread"], 1) << none.body;

  auto read = an_client.Post("/api/notifications/read", {{"ids", {kept["id"]}}});
  EXPECT_EQ(read.json["unread"], 0) << read.body;
  EXPECT_FALSE(an_client.Get("/api/notifications").json["items"][0]["read_at"].is_null());
  Client anonymous(server.port());
  EXPECT_EQ(anonymous.Get("/api/notifications").status, 401);
}

TEST(EventsApi, TheUpgradeNeedsASessionAndAPageOfThisSite) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  Client anonymous(server.port());
  EXPECT_EQ(anonymous.Send("GET", "/api/ws", std::nullopt, kUpgrade).status, 401);
  auto foreign = kUpgrade;
  foreign["Origin"] = "https://evil.example";
  EXPECT_EQ(admin.Send("GET", "/api/ws", std::nullopt, foreign).status, 403);
  EXPECT_EQ(admin.Get("/api/ws").status, 400);
  EXPECT_EQ(LiveEvents(server.port(), admin.session_cookie, "http://127.0.0.1:" + std::to_string(server.port())).Open(),
            101);
}

// A socket is only as good as the sign-in that opened it: signing out, a new password, a
// deactivation or a revoked token ends it, where before it went on hearing the user's events.
TEST(EventsApi, ALiveSocketEndsWithTheSignInThatOpenedIt) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const auto agent = CreateUser(admin, "agent.ws.end", "agent");
  Client first(server.port()), second(server.port());
  first.Login("agent.ws.end", "user-pass-123");
  second.Login("agent.ws.end", "user-pass-123");
  LiveEvents signed_out(server.port(), first.session_cookie);
  LiveEvents still_in(server.port(), second.session_cookie);
  ASSERT_EQ(signed_out.Open(), 101);
  ASSERT_EQ(still_in.Open(), 101);
  // Both hear an event published right after their 101.
  ASSERT_EQ(admin.Send("PUT", "/api/users/" + std::to_string(agent) + "/presence", json{{"online", false}}).status, 200);
  ASSERT_EQ(signed_out.Next()["type"], "presence");
  ASSERT_EQ(still_in.Next()["type"], "presence");
  ASSERT_EQ(first.Post("/api/auth/logout", json::object()).status, 204);
  EXPECT_TRUE(signed_out.Closed());
  EXPECT_FALSE(still_in.Closed(std::chrono::milliseconds(300)));  // the other sign-in stays

  ASSERT_EQ(admin.Patch("/api/users/" + std::to_string(agent), {{"active", false}}).status, 200);
  EXPECT_TRUE(still_in.Closed());
}

// The server reads nothing from the socket: a client sending big messages is cut off rather
// than given memory for each.
TEST(EventsApi, ASocketSendingBigMessagesIsCutOffAndAUserHasTwentyAtMost) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  LiveEvents events(server.port(), admin.session_cookie);
  ASSERT_EQ(events.Open(), 101);
  const bool written = events.Say(1 << 20);  // the server may cut it off while it is written
  EXPECT_TRUE(!written || events.Closed());

  // Nor may one user hold sockets without end: tabs and devices, not a page opening them in a loop.
  const auto agent = CreateUser(admin, "agent.ws.many", "agent");
  Client many(server.port());
  many.Login("agent.ws.many", "user-pass-123");
  std::vector<std::unique_ptr<LiveEvents>> open;
  for (int i = 0; i < 20; ++i) {
    open.push_back(std::make_unique<LiveEvents>(server.port(), many.session_cookie));
    ASSERT_EQ(open.back()->Open(), 101) << i;
  }
  // An event each socket hears says all of them listen.
  auto off = admin.Send("PUT", "/api/users/" + std::to_string(agent) + "/presence", json{{"online", false}});
  ASSERT_EQ(off.status, 200) << off.body;
  for (auto& socket : open) ASSERT_EQ(socket->Next()["type"], "presence");
  auto refused = many.Send("GET", "/api/ws", std::nullopt, kUpgrade);
  EXPECT_EQ(refused.status, 429) << refused.body;
}

}  // namespace
}  // namespace sen::testing
