// C4's reminders against a real database, with a manual clock for the minutes and a fake mail
// server that goes down and comes back.
#include "modules/calls/call_service.h"

#include <gtest/gtest.h>

#include <memory>

#include "core/test_mailer.h"
#include "db/test_database.h"
#include "modules/calls/call_rules.h"

namespace sen::calls {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kT0 = 1'800'000'000'000;  // 2027-01-15

class RemindersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    users_ = std::make_unique<users::UserService>(*db_, clock_);
    fields_ = std::make_unique<customfields::CustomFieldService>(*db_, clock_);
    leads_ = std::make_unique<leads::LeadService>(*db_, clock_, *users_, *fields_);
    calls_ = std::make_unique<CallService>(*db_, clock_, *users_, *leads_);
    calls_->SetNotifiers(nullptr, &mailer_);
  }
  // An agent's call on their own lead at `start`, reminding by e-mail `before` minutes ahead.
  void PlanCall(Millis start, std::int64_t before) {
    auto agent = users_->Create(users::UserService::System(),
                                {"agent.nhac", "agent-pass-123", "Trần Văn Nhắc", "nhac@example.vn", "agent", {}, {}, "vi"});
    ASSERT_TRUE(agent) << agent.error().message;
    auto lead = leads_->Create(users::UserService::System(), {{"full_name", "Nguyễn Thị Ánh"}, {"owner_id", agent->id}}, true);
    ASSERT_TRUE(lead) << lead.error().message;
    CallInput in;
    in.parent_type = "lead";
    in.parent_id = lead->id;
    in.subject = "Tư vấn khoá IELTS";
    in.status = "scheduled";
    in.start_at = start;
    in.remind_email_min = std::optional<std::int64_t>(before);
    in.owner_id = agent->id;
    auto call = calls_->Create(users::UserService::System(), in, {});
    ASSERT_TRUE(call) << call.error().message;
    lead_id_ = lead->id;
  }

  // The agent a lead is handed on to.
  std::int64_t OtherAgent() {
    auto other = users_->Create(users::UserService::System(),
                                {"agent.moi", "agent-pass-123", "Lê Thị Mới", "moi@example.vn", "agent", {}, {}, "vi"});
    EXPECT_TRUE(other) << other.error().message;
    return other ? other->id : 0;
  }

  ManualClock clock_{kT0};
  FakeMailer mailer_;
  db::testing::TestDatabase db_;
  std::unique_ptr<users::UserService> users_;
  std::unique_ptr<customfields::CustomFieldService> fields_;
  std::unique_ptr<leads::LeadService> leads_;
  std::unique_ptr<CallService> calls_;
  std::int64_t lead_id_ = 0;
};

// The reminders job runs every minute through a ten-minute outage of the mail server: the
// reminder is tried after 1, 2 and 4 more minutes, then 8, when the server is back, and goes once.
TEST_F(RemindersTest, AMailServerDownForTenMinutesCostsNoReminderThatStillHasTime) {
  PlanCall(kT0 + 30 * kMinute, 15);
  clock_.Set(kT0 + 15 * kMinute);
  mailer_.down = true;
  std::vector<Millis> tried_at;
  std::int64_t sent = 0, failed = 0;
  for (int minute = 0; minute <= 20; ++minute) {
    if (minute == 10) mailer_.down = false;
    const std::size_t before = mailer_.tried.size();
    const ReminderRun run = calls_->SendDueReminders(clock_.Now());
    if (mailer_.tried.size() > before) tried_at.push_back(minute);
    sent += run.email;
    failed += run.failed;
    clock_.Advance(kMinute);
  }
  EXPECT_EQ(tried_at, (std::vector<Millis>{0, 1, 3, 7, 15}));
  EXPECT_EQ(failed, 4);
  EXPECT_EQ(sent, 1);
  ASSERT_EQ(mailer_.tried.size(), 5u);
  EXPECT_EQ(mailer_.tried.back().to, "nhac@example.vn");
}

// Nobody set e-mail up: a call reminding only by e-mail reminds its owner on their page instead of
// failing silently (QA: the only trace was a count on the jobs page).
TEST_F(RemindersTest, AnEmailNobodyCanSendRemindsOnThePageInstead) {
  calls_->SetNotifiers(nullptr, nullptr);
  PlanCall(kT0 + 30 * kMinute, 15);
  clock_.Set(kT0 + 15 * kMinute);
  const ReminderRun run = calls_->SendDueReminders(clock_.Now());
  EXPECT_EQ(run.popup, 1);
  EXPECT_EQ(run.email, 0);
  EXPECT_EQ(run.failed, 0);
  clock_.Advance(5 * kMinute);
  EXPECT_EQ(calls_->SendDueReminders(clock_.Now()).popup, 0) << "once";
}

// An address refused for good is not tried forever: kReminderTries in all, then the call is over.
TEST_F(RemindersTest, ARefusedAddressIsTriedAtMostTheTriesAllowed) {
  PlanCall(kT0 + 7 * 24 * 60 * kMinute, 7 * 24 * 60);  // a week ahead, reminded now
  mailer_.refused.insert("nhac@example.vn");
  for (int minute = 0; minute <= 8 * 60; ++minute) {
    calls_->SendDueReminders(clock_.Now());
    clock_.Advance(kMinute);
  }
  EXPECT_EQ(mailer_.tried.size(), static_cast<std::size_t>(kReminderTries));
}

// A lead handed to another agent after its call's reminder went: its planned call goes with it
// (0013), and so does the reminder, to the one who now makes the call; it is not sent again to
// the first agent, nor to the new one after that.
TEST_F(RemindersTest, ALeadHandedOnAfterTheReminderRemindsItsNewOwner) {
  PlanCall(kT0 + 30 * kMinute, 15);
  clock_.Set(kT0 + 15 * kMinute);
  EXPECT_EQ(calls_->SendDueReminders(clock_.Now()).email, 1);
  const std::int64_t other = OtherAgent();
  clock_.Advance(2 * kMinute);
  auto handed = leads_->Assign(users::UserService::System(), lead_id_, other);
  ASSERT_TRUE(handed) << handed.error().message;
  for (int minute = 0; minute < 5; ++minute) {
    calls_->SendDueReminders(clock_.Now());
    clock_.Advance(kMinute);
  }
  ASSERT_EQ(mailer_.tried.size(), 2u);
  EXPECT_EQ(mailer_.tried[0].to, "nhac@example.vn");
  EXPECT_EQ(mailer_.tried[1].to, "moi@example.vn");
}

// A call long over when its lead changes hands reminds nobody again: its reminders are not
// taken up only to be given up (counted as failed) at the next run.
TEST_F(RemindersTest, ACallLongOverIsNotRemindedAgainToItsNewOwner) {
  PlanCall(kT0 + 30 * kMinute, 15);
  clock_.Set(kT0 + 15 * kMinute);
  EXPECT_EQ(calls_->SendDueReminders(clock_.Now()).email, 1);
  const std::int64_t other = OtherAgent();
  clock_.Set(kT0 + 30 * kMinute + kReminderTooLate + kMinute);
  ASSERT_TRUE(leads_->Assign(users::UserService::System(), lead_id_, other));
  const ReminderRun run = calls_->SendDueReminders(clock_.Now());
  EXPECT_EQ(run.email + run.failed, 0);
  EXPECT_EQ(mailer_.tried.size(), 1u);
}

// The same while the first agent's reminder is on its way: the run that sent it finds its claim
// gone (the call changed hands) and leaves the reminder due, for the next run to send the new one.
TEST_F(RemindersTest, ALeadHandedOnWhileItsReminderIsSentRemindsTheNewOwner) {
  PlanCall(kT0 + 30 * kMinute, 15);
  const std::int64_t other = OtherAgent();
  clock_.Set(kT0 + 15 * kMinute);
  mailer_.while_sending = [&] { ASSERT_TRUE(leads_->Assign(users::UserService::System(), lead_id_, other)); };
  EXPECT_EQ(calls_->SendDueReminders(clock_.Now()).email, 0) << "sent to one who no longer makes the call";
  clock_.Advance(kMinute);
  EXPECT_EQ(calls_->SendDueReminders(clock_.Now()).email, 1);
  ASSERT_EQ(mailer_.tried.size(), 2u);
  EXPECT_EQ(mailer_.tried[0].to, "nhac@example.vn");
  EXPECT_EQ(mailer_.tried[1].to, "moi@example.vn");
}

// Reminders given up on before retries grew from 5 to kReminderTries (attempts 5 marked them)
// stay given up after the upgrade.
TEST_F(RemindersTest, AReminderGivenUpBeforeTheUpgradeStaysGivenUp) {
  PlanCall(kT0 + 30 * kMinute, 30);
  {
    auto tx = db_->BeginWrite();
    tx->Execute("UPDATE call_reminders SET attempts = 5, last_error = 'the call is no longer planned'");
    // Back to before 0017_reminder_retries: the migrations after it undone as well.
    tx->Execute("DROP TRIGGER calls_new_owner_is_reminded");
    tx->Execute("DROP TRIGGER users_deactivated_leave_rules");
    tx->Execute("ALTER TABLE import_errors DROP COLUMN more");
    tx->Execute("DROP TABLE target_list_members");
    tx->Execute("DROP TABLE target_lists");
    tx->Execute("ALTER TABLE imports DROP COLUMN unchanged");
    tx->Execute("ALTER TABLE import_errors DROP COLUMN detail");
    tx->Execute("DROP TABLE campaigns");
    tx->Execute("DROP TABLE targets");
    tx->Execute("DROP TABLE target_search");
    tx->Execute("DELETE FROM schema_migrations WHERE version >= 17");
    tx->Commit();
  }
  db::Migrate(*db_);
  EXPECT_EQ(calls_->SendDueReminders(clock_.Now()).failed, 0);
  EXPECT_TRUE(mailer_.tried.empty());
}

}  // namespace
}  // namespace sen::calls
