// The stalled-lead alert against a real database, with a manual clock standing for the days; and
// a mass update's count, which the clock standing still must not fool.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>

#include "core/test_mailer.h"
#include "db/test_database.h"
#include "modules/leads/lead_service.h"

namespace sen::leads {
namespace {

constexpr Millis kT0 = 1'800'000'000'000;  // 2027-01-15

class StalledAlertTest : public ::testing::Test {
 protected:
  void SetUp() override {
    users_ = std::make_unique<users::UserService>(*db_, clock_);
    fields_ = std::make_unique<customfields::CustomFieldService>(*db_, clock_);
    leads_ = std::make_unique<LeadService>(*db_, clock_, *users_, *fields_);
    notifications_ = std::make_unique<notifications::NotificationService>(*db_, clock_, events_);
    leads_->SetNotifier(notifications_.get());
    leads_->SetMailer(&mailer_);
  }
  std::int64_t Agent(const std::string& username, std::optional<std::string> email, const std::string& language) {
    auto u = users_->Create(users::UserService::System(),
                            {username, "agent-pass-123", username + " Nguyễn", email, "agent", {}, {}, language});
    EXPECT_TRUE(u) << u.error().message;
    auto events = std::make_shared<std::vector<nlohmann::json>>();
    heard_[u->id] = events;
    events_.Subscribe(u->id, [events](std::string text) {
      auto event = nlohmann::json::parse(text);
      if (event["type"] == "stalled_leads") events->push_back(std::move(event));  // not "lead_assigned"
    });
    return u->id;
  }
  std::int64_t Lead(const std::string& name, std::optional<std::int64_t> owner, nlohmann::json extra = {}) {
    nlohmann::json input = {{"full_name", name}};
    if (owner) input["owner_id"] = *owner;
    if (extra.is_object()) input.update(extra);
    auto lead = leads_->Create(users::UserService::System(), input, true);
    EXPECT_TRUE(lead) << lead.error().message;
    return lead->id;
  }
  void Touch(std::int64_t lead_id) {
    auto tx = db_->BeginWrite();
    auto lead = leads_->FindForActivity(*tx, users::UserService::System(), lead_id);
    ASSERT_TRUE(lead);
    leads_->RecordActivity(*tx, users::UserService::System(), *lead, clock_.Now(), std::nullopt, clock_.Now());
    tx->Commit();
  }

  // The leads the alert's link lists: the owner's, stalled `days` days.
  std::vector<std::int64_t> StalledList(std::int64_t owner, std::int64_t days) {
    auto page = leads_->List(users::UserService::System(),
                             {{"owner_id", std::to_string(owner)}, {"stalled_days", std::to_string(days)}}, {1, 50});
    EXPECT_TRUE(page) << page.error().message;
    std::vector<std::int64_t> ids;
    if (page) {
      for (const auto& lead : page->items) ids.push_back(lead.id);
      EXPECT_EQ(page->total, static_cast<std::int64_t>(ids.size()));
    }
    return ids;
  }

  // A run with all the time it needs.
  LeadService::StalledRun Alert(std::int64_t days) { return leads_->AlertStalled(days, clock_.Now(), clock_.Now() + kDay); }

  ManualClock clock_{kT0};
  EventHub events_;
  FakeMailer mailer_;
  db::testing::TestDatabase db_;
  std::unique_ptr<users::UserService> users_;
  std::unique_ptr<customfields::CustomFieldService> fields_;
  std::unique_ptr<notifications::NotificationService> notifications_;
  std::unique_ptr<LeadService> leads_;
  std::map<std::int64_t, std::shared_ptr<std::vector<nlohmann::json>>> heard_;
};

TEST_F(StalledAlertTest, OwnersHearOfTheirOpenLeadsWithoutActivityForTheDays) {
  const auto an = Agent("agent.an", "an@example.vn", "vi");
  const auto binh = Agent("agent.binh", "binh@example.vn", "en");
  const auto cuong = Agent("agent.cuong", std::nullopt, "vi");
  const auto old_one = Lead("Đỗ Thị Đào", an);
  const auto touched = Lead("Lê Văn Em", an);
  Lead("Phạm Thu Hà", an, {{"status", "converted"}});
  Lead("Vũ Minh Khoa", binh, {{"do_not_contact", true}, {"dnc_reason", "không muốn nghe"}});
  const auto binhs = Lead("Hoàng Lan", binh);
  const auto cuongs = Lead("Trịnh Quang", cuong);
  const auto handed = Lead("Ngô Bảo Châu", cuong);
  Lead("Không ai nhận", std::nullopt);
  clock_.Advance(2 * kDay);
  Lead("Mới toanh", an);
  clock_.Advance(1 * kDay);
  ASSERT_TRUE(leads_->Update(users::UserService::System(), handed, {{"owner_id", binh}}, true));
  clock_.Advance(1 * kDay);
  Touch(touched);

  auto run = Alert(3);
  EXPECT_EQ(run.owners, 3);
  EXPECT_EQ(run.leads, 3);
  EXPECT_EQ(run.email, 2);  // cuong has no address
  EXPECT_FALSE(run.email_error);
  ASSERT_EQ(heard_[an]->size(), 1u);
  const auto& e = heard_[an]->at(0);
  EXPECT_EQ(e["type"], "stalled_leads");
  EXPECT_EQ(e["data"]["count"], 1);
  EXPECT_EQ(e["data"]["days"], 3);
  ASSERT_EQ(e["data"]["leads"].size(), 1u);
  EXPECT_EQ(e["data"]["leads"][0]["id"], old_one);
  EXPECT_EQ(e["data"]["leads"][0]["full_name"], "Đỗ Thị Đào");
  EXPECT_EQ(heard_[binh]->at(0)["data"]["leads"][0]["id"], binhs);
  EXPECT_EQ(heard_[cuong]->at(0)["data"]["leads"][0]["id"], cuongs);
  // Kept for the bell too, for when no page of theirs was open.
  Principal as_an;
  as_an.user_id = an;
  auto kept = notifications_->List(as_an, 1).items;  // the newest, after the leads given to an
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].type, "stalled_leads");
  EXPECT_EQ(kept[0].data["leads"][0]["id"], old_one);
  EXPECT_EQ(e["data"]["notification_id"], kept[0].id);
  ASSERT_EQ(mailer_.tried.size(), 2u);
  EXPECT_EQ(mailer_.tried[0].to, "an@example.vn");
  EXPECT_EQ(mailer_.tried[0].subject, "1 lead của bạn chưa được chăm sóc 3 ngày");
  EXPECT_EQ(mailer_.tried[1].subject, "1 of your leads has had no activity for 3 days");

  // binh was given "Ngô Bảo Châu" a day ago: an old lead, but it has not waited for him.
  EXPECT_EQ(heard_[binh]->at(0)["data"]["count"], 1);
  // The list the popup opens holds what it counted.
  EXPECT_EQ(StalledList(an, 3), std::vector<std::int64_t>{old_one});
  EXPECT_EQ(StalledList(binh, 3), std::vector<std::int64_t>{binhs});

  // Three days on the touched lead and the handed one have waited long enough too.
  clock_.Advance(3 * kDay + 1);
  run = Alert(3);
  EXPECT_EQ(heard_[an]->back()["data"]["count"], 3);  // the old one, the new one, the touched one
  EXPECT_EQ(heard_[an]->back()["data"]["leads"][0]["id"], old_one);
  EXPECT_EQ(heard_[binh]->back()["data"]["count"], 2);
  EXPECT_EQ(StalledList(an, 3).size(), 3u);
  EXPECT_EQ(StalledList(binh, 3).size(), 2u);
  EXPECT_EQ(Alert(30).owners, 0);
  EXPECT_TRUE(StalledList(an, 30).empty());
  auto bad = leads_->List(users::UserService::System(), {{"stalled_days", "0"}}, {1, 50});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.at(0).field, "stalled_days");
}

TEST_F(StalledAlertTest, ARefusedAddressIsSkippedAndThreeFailuresInARowStopTheEmails) {
  std::vector<std::int64_t> agents;
  for (const char* name : {"agent.an", "agent.binh", "agent.cuong", "agent.dung", "agent.em"}) {
    agents.push_back(Agent(name, std::string(name) + "@example.vn", "vi"));
    Lead("Khách của " + std::string(name), agents.back());
  }
  clock_.Advance(4 * kDay);
  mailer_.refused = {"agent.binh@example.vn"};
  auto run = Alert(3);
  EXPECT_EQ(run.email, 4);
  EXPECT_EQ(run.email_failed, 1);
  ASSERT_TRUE(run.email_error);
  EXPECT_EQ(run.email_error->message, "550 mailbox unavailable");
  EXPECT_EQ(run.email_error->extra, (nlohmann::json{{"reason", "smtp_refused"}, {"detail", "550 mailbox unavailable"}}));

  mailer_.tried.clear();
  mailer_.down = true;
  run = Alert(3);
  EXPECT_EQ(run.owners, 5);
  EXPECT_EQ(run.email, 0);
  EXPECT_EQ(run.email_failed, 5);
  ASSERT_TRUE(run.email_error);
  EXPECT_EQ(run.email_error->extra["reason"], "smtp_failed");
  EXPECT_EQ(mailer_.tried.size(), 3u);  // the last two were not tried
  for (auto id : agents) EXPECT_EQ(heard_[id]->size(), 2u);  // the popups go whatever the mail does
}

TEST_F(StalledAlertTest, NoEmailLeavesOnceTheRunsTimeIsUp) {
  // The job's lease ends then, and another instance may run the job again: mails sent past it
  // could reach an owner twice.
  std::vector<std::int64_t> agents;
  for (const char* name : {"agent.an", "agent.binh", "agent.cuong", "agent.dung"}) {
    agents.push_back(Agent(name, std::string(name) + "@example.vn", "vi"));
    Lead("Khách của " + std::string(name), agents.back());
  }
  clock_.Advance(4 * kDay);
  mailer_.clock = &clock_;
  mailer_.takes = 4 * 60 * 1000;  // four minutes a message
  const Millis start = clock_.Now();
  auto run = leads_->AlertStalled(3, start, start + 9 * 60 * 1000);
  EXPECT_EQ(mailer_.tried.size(), 3u);  // at 0, 4 and 8 minutes; the fourth would start at 12
  EXPECT_EQ(run.owners, 4);
  EXPECT_EQ(run.email, 3);
  EXPECT_EQ(run.email_failed, 1);
  ASSERT_TRUE(run.email_error);
  EXPECT_EQ(run.email_error->message, "the run's time ran out before every e-mail could go");
  EXPECT_EQ(run.email_error->extra["reason"], "alert_out_of_time");
  for (auto id : agents) EXPECT_EQ(heard_[id]->size(), 1u);  // every popup went
}

// The same database and clock, for a mass update run twice within one millisecond (the API tests
// did that now and then on a fast machine).
class MassUpdateCountTest : public StalledAlertTest {};

TEST_F(MassUpdateCountTest, ASecondIdenticalUpdateInTheSameMillisecondChangesNothing) {
  const auto an = Agent("agent.an", std::nullopt, "vi");
  MassUpdateInput in;
  for (const char* name : {"Khách Một", "Khách Hai", "Khách Ba"}) in.ids.push_back(Lead(name, std::nullopt));
  Lead("Khách Khác", std::nullopt);
  in.set = {{"owner_id", an}, {"add_tags", {"Đợt 1"}}};
  auto first = leads_->MassUpdate(users::UserService::System(), in);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->matched, 3);
  EXPECT_EQ(first->updated, 3);
  auto again = leads_->MassUpdate(users::UserService::System(), in);  // the clock has not moved
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->matched, 3);
  EXPECT_EQ(again->updated, 0);
  in.set = {{"add_tags", {"Đợt 2"}}};
  in.ids.push_back(Lead("Khách Bốn", an));
  EXPECT_EQ(leads_->MassUpdate(users::UserService::System(), in)->updated, 4);
  EXPECT_EQ(leads_->MassUpdate(users::UserService::System(), in)->updated, 0);
}

}  // namespace
}  // namespace sen::leads
