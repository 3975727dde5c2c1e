#include "core/event_hub.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sen
