// The bell against a real database: what is kept, what is pushed and when, what is read.
#include "modules/notifications/notification_service.h"

#include <gtest/gtest.h>

#include <memory>

#include "db/test_database.h"
#include "modules/users/user_service.h"

namespace sen::notifications {
namespace {

class NotificationServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    users_ = std::make_unique<users::UserService>(*db_, clock_);
    service_ = std::make_unique<NotificationService>(*db_, clock_, events_);
    an_ = User("agent.an");
    binh_ = User("agent.binh");
    events_.Subscribe(an_.user_id, [this](std::string text) { pushed_.push_back(nlohmann::json::parse(text)); });
  }
  Principal User(const std::string& username) {
    auto u = users_->Create(users::UserService::System(),
                            {username, "agent-pass-123", username, std::nullopt, "agent", {}, {}, "vi"});
    EXPECT_TRUE(u) << u.error().message;
    Principal p;
    p.user_id = u->id;
    return p;
  }
  void Notify(const Principal& to, std::int64_t lead_id, bool commit = true) {
    auto tx = db_->BeginWrite();
    service_->Notify(*tx, to.user_id, "lead_assigned", {{"lead_id", lead_id}});
    EXPECT_TRUE(pushed_.empty() || pushed_.back()["data"]["lead_id"] != lead_id) << "pushed before the commit";
    if (commit) tx->Commit();
  }

  ManualClock clock_{1'800'000'000'000};
  EventHub events_;
  db::testing::TestDatabase db_;
  std::unique_ptr<users::UserService> users_;
  std::unique_ptr<NotificationService> service_;
  Principal an_, binh_;
  std::vector<nlohmann::json> pushed_;
};

TEST_F(NotificationServiceTest, KeptAndPushedOnlyWhenTheChangeCommits) {
  Notify(an_, 1);
  Notify(an_, 2, false);
  ASSERT_EQ(pushed_.size(), 1u);
  EXPECT_EQ(pushed_[0]["type"], "lead_assigned");
  EXPECT_EQ(pushed_[0]["data"]["lead_id"], 1);
  auto inbox = service_->List(an_, 20);
  ASSERT_EQ(inbox.items.size(), 1u);
  EXPECT_EQ(inbox.unread, 1);
  EXPECT_EQ(pushed_[0]["data"]["notification_id"], inbox.items[0].id);
  EXPECT_EQ(inbox.items[0].data, nlohmann::json({{"lead_id", 1}}));
  EXPECT_EQ(inbox.items[0].created_at, clock_.Now());
  EXPECT_FALSE(inbox.items[0].read_at);
  EXPECT_TRUE(service_->List(binh_, 20).items.empty());
}

TEST_F(NotificationServiceTest, NewestFirstAndReadOnlyByTheirOwnUser) {
  for (int lead = 1; lead <= 5; ++lead) Notify(an_, lead);
  Notify(binh_, 6);
  auto inbox = service_->List(an_, 3);
  ASSERT_EQ(inbox.items.size(), 3u);
  EXPECT_EQ(inbox.items[0].data["lead_id"], 5);
  EXPECT_EQ(inbox.items[2].data["lead_id"], 3);
  EXPECT_EQ(inbox.unread, 5);

  const auto binhs = service_->List(binh_, 1).items.at(0).id;
  EXPECT_EQ(service_->MarkRead(an_, std::vector<std::int64_t>{inbox.items[0].id, inbox.items[1].id, binhs}), 3);
  EXPECT_EQ(service_->List(binh_, 1).unread, 1) << "another user's id changes nothing";
  inbox = service_->List(an_, 3);
  EXPECT_TRUE(inbox.items[0].read_at);
  EXPECT_FALSE(inbox.items[2].read_at);

  EXPECT_EQ(service_->MarkRead(an_, std::vector<std::int64_t>{}), 3);  // an empty list marks nothing
  EXPECT_EQ(service_->MarkRead(an_, std::nullopt), 0);
  EXPECT_EQ(service_->List(binh_, 1).unread, 1);
}

TEST_F(NotificationServiceTest, ReadAndUnreadOnesTogetherNewestFirst) {
  for (int lead = 1; lead <= 6; ++lead) Notify(an_, lead);
  auto all = service_->List(an_, 20);
  ASSERT_EQ(all.items.size(), 6u);
  service_->MarkRead(an_, std::vector<std::int64_t>{all.items[1].id, all.items[4].id});  // leads 5 and 2
  auto inbox = service_->List(an_, 4);
  ASSERT_EQ(inbox.items.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(inbox.items[i].data["lead_id"], 6 - i);
    EXPECT_EQ(inbox.items[i].read_at.has_value(), i == 1) << "lead " << 6 - i;
  }
  EXPECT_EQ(inbox.unread, 4);
  all = service_->List(an_, 20);
  ASSERT_EQ(all.items.size(), 6u);
  EXPECT_EQ(all.items[4].data["lead_id"], 2);
  EXPECT_TRUE(all.items[4].read_at);
  EXPECT_EQ(all.items[5].data["lead_id"], 1);
}

TEST_F(NotificationServiceTest, ReadOnesGoAfterThirtyDaysUnreadOnesStay) {
  Notify(an_, 1);
  Notify(an_, 2);
  service_->MarkRead(an_, std::vector<std::int64_t>{service_->List(an_, 1).items.at(0).id});  // lead 2's
  clock_.Advance(31 * kDay);
  Notify(an_, 3);
  service_->MarkRead(an_, std::vector<std::int64_t>{service_->List(an_, 1).items.at(0).id});  // lead 3's: read today
  auto inbox = service_->List(an_, 20);
  ASSERT_EQ(inbox.items.size(), 2u);
  EXPECT_EQ(inbox.items[0].data["lead_id"], 3);
  EXPECT_EQ(inbox.items[1].data["lead_id"], 1);
  EXPECT_EQ(inbox.unread, 1);
}

}  // namespace
}  // namespace sen::notifications
