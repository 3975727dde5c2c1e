#include "core/event_hub.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace sen {
namespace {

TEST(EventHub, EventsReachEveryConnectionOfTheirUserOnly) {
  EventHub hub;
  std::vector<std::string> first, second, other;
  auto a = hub.Subscribe(1, [&](std::string s) { first.push_back(std::move(s)); });
  hub.Subscribe(1, [&](std::string s) { second.push_back(std::move(s)); });
  hub.Subscribe(2, [&](std::string s) { other.push_back(std::move(s)); });
  EXPECT_EQ(hub.Connections(), 3u);

  hub.Publish(1, "lead_assigned", {{"lead_id", 7}});
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(first[0]), (nlohmann::json{{"type", "lead_assigned"}, {"data", {{"lead_id", 7}}}}));
  EXPECT_EQ(second.size(), 1u);
  EXPECT_TRUE(other.empty());

  hub.Unsubscribe(a);
  hub.Unsubscribe(a);  // twice is harmless
  hub.Publish(1, "reminder", nlohmann::json::object());
  EXPECT_EQ(first.size(), 1u);
  EXPECT_EQ(second.size(), 2u);
  EXPECT_EQ(hub.Connections(), 2u);
}

TEST(EventHub, EndWhereClosesTheConnectionsOfEndedSignInsOnly) {
  EventHub hub;
  std::vector<std::string> closed;
  auto send = [](std::string) {};
  hub.Subscribe(1, send, "s-out", [&] { closed.push_back("s-out"); });
  hub.Subscribe(1, send, "s-in", [&] { closed.push_back("s-in"); });
  hub.Subscribe(2, send, "b-revoked", [&] { closed.push_back("b-revoked"); });
  EXPECT_EQ(hub.ConnectionsOf(1), 2u);
  hub.EndWhere([](std::int64_t, const std::string& credential) { return credential != "s-in"; });
  std::sort(closed.begin(), closed.end());
  EXPECT_EQ(closed, (std::vector<std::string>{"b-revoked", "s-out"}));
}

}  // namespace
}  // namespace sen
