#include "modules/calls/call_rules.h"

#include <gtest/gtest.h>

namespace sen::calls {
namespace {

// C3, every combination: lead status x call status x result.
TEST(CallRule, EveryCombinationOfLeadStatusCallStatusAndResult) {
  const std::vector<std::string> lead_statuses = {"new", "assigned", "in_process", "converted", "recycled", "dead"};
  const std::vector<std::string> call_statuses = {"scheduled", "completed", "cancelled"};
  const std::vector<std::optional<std::string>> results = {std::nullopt,     "interested",      "not_interested",
                                                           "deny",           "call_back_later", "invalid_number",
                                                           "wrong_person"};
  int moved = 0;
  for (const auto& lead : lead_statuses) {
    for (const auto& call : call_statuses) {
      for (const auto& result : results) {
        auto after = LeadStatusAfterCall(lead, call, result);
        const bool expected = call == "completed" && (lead == "new" || lead == "assigned") &&
                              result != "deny" && result != "call_back_later" && result != "invalid_number";
        EXPECT_EQ(after.has_value(), expected) << lead << " " << call << " " << result.value_or("-");
        if (after) {
          EXPECT_EQ(*after, "in_process");
          ++moved;
        }
      }
    }
  }
  EXPECT_EQ(moved, 2 * 4) << "two statuses move, on four results (interested, not interested, wrong person, none)";
}

TEST(CallRule, DenyDoesNotMoveLeadToInProcess) {
  EXPECT_FALSE(LeadStatusAfterCall("new", "completed", "deny"));
  EXPECT_FALSE(LeadStatusAfterCall("assigned", "completed", "call_back_later"));
  EXPECT_FALSE(LeadStatusAfterCall("assigned", "completed", "invalid_number"));
  EXPECT_EQ(LeadStatusAfterCall("assigned", "completed", "interested"), "in_process");
}

TEST(CallRule, ACompletedCallNeedsAResultAndRemindersAreForScheduledCalls) {
  Call c;
  c.status = "completed";
  EXPECT_EQ(CheckCall(c).error().details[0].field, "result");
  c.result = "interested";
  EXPECT_TRUE(CheckCall(c).ok());
  c.remind_popup_min = 5;
  EXPECT_EQ(CheckCall(c).error().details[0].field, "remind_popup_min");
  c.status = "scheduled";
  c.result.reset();
  EXPECT_TRUE(CheckCall(c).ok());
  c.result = "deny";
  EXPECT_FALSE(CheckCall(c).ok());
}

TEST(CallRule, OptionsAreClosedLists) {
  EXPECT_TRUE(IsDirection("inbound"));
  EXPECT_FALSE(IsDirection("sideways"));
  EXPECT_TRUE(IsResult("wrong_person"));
  EXPECT_FALSE(IsResult("maybe"));
  EXPECT_TRUE(IsReminder(15));
  EXPECT_EQ(CallsMetaJson()["fields"][3]["options"].size(), 5u) << "the form offers 0, 5, 10, 15 and 30";
}

// C4 "or at a chosen time": the form turns a chosen time into minutes before the call, so any
// whole number of minutes up to a week before is a reminder.
TEST(CallRule, AReminderMayComeAnyWholeMinutesUpToAWeekBefore) {
  EXPECT_TRUE(IsReminder(0));
  EXPECT_TRUE(IsReminder(20));
  EXPECT_TRUE(IsReminder(kMaxReminderMin));
  EXPECT_EQ(kMaxReminderMin, 7 * 24 * 60);
  EXPECT_FALSE(IsReminder(kMaxReminderMin + 1));
  EXPECT_FALSE(IsReminder(-5));
  EXPECT_EQ(CallsMetaJson()["fields"].size(), 5u);
}

TEST(CallRule, AFailedReminderWaitsLongerAfterEachTryUpToAQuarterOfAnHour) {
  std::vector<Millis> minutes;
  for (int tries = 1; tries <= 7; ++tries) minutes.push_back(ReminderRetryDelay(tries) / 60'000);
  EXPECT_EQ(minutes, (std::vector<Millis>{1, 2, 4, 8, 15, 15, 15}));
  Millis tried_for = 0;
  for (int tries = 1; tries < kReminderTries; ++tries) tried_for += ReminderRetryDelay(tries);
  EXPECT_GT(tried_for, kReminderTooLate + 30 * 60'000);  // a reminder 30 minutes ahead outlives its call
}

TEST(CallRule, OnlyAScheduledCallReminds) {
  Call c;
  c.status = "scheduled";
  c.start_at = 10'000'000;
  c.remind_popup_min = 5;
  c.remind_email_min = 0;
  auto due = RemindersOf(c);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].channel, "popup");
  EXPECT_EQ(due[0].due_at, 10'000'000 - 300'000);
  EXPECT_EQ(due[1].channel, "email");
  EXPECT_EQ(due[1].due_at, 10'000'000);
  c.status = "completed";
  EXPECT_TRUE(RemindersOf(c).empty());
}

TEST(CallRule, ReminderMailIsInTheOwnersLanguageAndTheCompanysTime) {
  Call c;
  c.subject = "Tư vấn khoá IELTS";
  c.start_at = *ParseRfc3339("2026-12-01T02:30:00Z");  // 09:30 in Hà Nội
  auto vi = ReminderMail("vi", "Trần Văn An", c, "Nguyễn Thị Ánh");
  EXPECT_EQ(vi.subject, "Nhắc lịch gọi: Tư vấn khoá IELTS lúc 09:30");
  EXPECT_NE(
      vi.body.find("Bạn có lịch gọi cho Nguyễn Thị Ánh lúc 09:30 01/12/2026 (giờ Việt Nam, GMT+7)"),
      std::string::npos)
      << vi.body;
  auto en = ReminderMail("en", "An", c, "Ánh");
  EXPECT_EQ(en.subject, "Call reminder: Tư vấn khoá IELTS at 09:30");
  EXPECT_NE(en.body.find("with Ánh at 09:30 01/12/2026 (Vietnam time, GMT+7)"), std::string::npos)
      << en.body;
}

}  // namespace
TEST(CallRules, ACompletedCallVerifiesATarget) {
  EXPECT_EQ(TargetStatusAfterCall("raw", "completed", "interested"), "wait_for_deliver");
  EXPECT_EQ(TargetStatusAfterCall("raw", "completed", "invalid_number"), "invalid");
  EXPECT_EQ(TargetStatusAfterCall("raw", "completed", "wrong_person"), "invalid");
  EXPECT_EQ(TargetStatusAfterCall("wait_for_deliver", "completed", "not_interested"), "invalid");
  EXPECT_EQ(TargetStatusAfterCall("invalid", "completed", "interested"), "wait_for_deliver");
  EXPECT_FALSE(TargetStatusAfterCall("raw", "completed", "call_back_later"));
  EXPECT_FALSE(TargetStatusAfterCall("raw", "completed", "deny"));
  EXPECT_FALSE(TargetStatusAfterCall("raw", "scheduled", std::nullopt));
  EXPECT_FALSE(TargetStatusAfterCall("wait_for_deliver", "completed", "interested"));
  EXPECT_FALSE(TargetStatusAfterCall("transferred", "completed", "invalid_number"));
}

}  // namespace sen::calls
