// The scheduler against a real database: two services on one file stand for two instances, and
// a manual clock stands for time.
#include "modules/jobs/job_service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <mutex>
#include <set>
#include <utility>

#include "db/migrator.h"
#include "modules/jobs/job_repository.h"

namespace sen::jobs {
namespace {

constexpr Millis kMin = 60'000;
constexpr Millis kT0 = 1'800'000'000'000;  // 2027-01-15

class JobServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sen-jobs-test-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    const std::string url = "sqlite:" + (dir_ / "t.db").string();
    db_a_ = db::OpenDatabase(url, 2);
    db::Migrate(*db_a_);
    db_b_ = db::OpenDatabase(url, 2);
    auto tx = db_a_->BeginWrite();
    tx->Execute("DELETE FROM jobs");  // the reminders job a new database starts with
    rule_id_ = *tx->QueryInt(
        "INSERT INTO assignment_rules (name, method, created_at, updated_at) VALUES ('r', 'round_robin', 0, 0) "
        "RETURNING id",
        {});
    tx->Commit();
    a_ = std::make_unique<JobService>(*db_a_, clock_, "a");
    b_ = std::make_unique<JobService>(*db_b_, clock_, "b");
    for (auto [s, tag] : {std::pair{a_.get(), 'a'}, std::pair{b_.get(), 'b'}}) {
      s->SetRunner("auto_assign", [this, tag](const Job& job, Millis now) -> Result<nlohmann::json> {
        std::function<void()> once;
        {
          std::lock_guard lock(runs_mutex_);  // runs may go on at once, each on its own thread
          runs_.push_back({tag, now});
          once = std::exchange(during_run_, nullptr);
        }
        if (once) once();
        if (job.id == held_job_) released_.wait();
        if (fail_) return Error::Conflict("the rule is switched off", "rule_inactive");
        return nlohmann::json{{"assigned", 1}};
      });
    }
  }
  void TearDown() override {
    Release();  // a test that stopped early leaves no run waiting
    a_.reset();
    b_.reset();
    db_a_.reset();
    db_b_.reset();
    std::filesystem::remove_all(dir_);
  }

  Job NewJob(nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json input = {{"name", "Chia lead"}, {"type", "auto_assign"}, {"interval_min", 5},
                            {"starts_at", FormatRfc3339(kT0 + 10 * kMin)}, {"rule_id", rule_id_}};
    input.update(extra);
    auto job = a_->Create(admin_, input);
    EXPECT_TRUE(job) << (job ? "" : job.error().message);
    return job ? *job : Job{};
  }
  // A stalled-lead alert every `interval_min` from `starts_at`, its runs on a_ counted in alerts_.
  Job NewAlert(std::int64_t interval_min, Millis starts_at) {
    a_->SetRunner("stalled_alert", [this](const Job&, Millis) -> Result<nlohmann::json> {
      ++alerts_;
      return nlohmann::json{{"owners", 1}};
    });
    auto alert = a_->Create(admin_, {{"name", "Lead bị bỏ quên"}, {"type", "stalled_alert"},
                                     {"interval_min", interval_min}, {"starts_at", FormatRfc3339(starts_at)}});
    EXPECT_TRUE(alert) << alert.error().message;
    return alert ? *alert : Job{};
  }
  Job Read(std::int64_t id) { return *a_->Get(admin_, id); }
  // Runs of `job` wait until Release: a long run (an alert on a slow mail server).
  void Hold(std::int64_t job) { held_job_ = job; }
  void Release() {
    if (!std::exchange(release_given_, true)) release_.set_value();
  }

  std::filesystem::path dir_;
  std::unique_ptr<db::Database> db_a_, db_b_;
  ManualClock clock_{kT0};
  Principal admin_{0, "system", "System", Role::kAdmin, std::nullopt, "vi", Channel::kApi, ""};
  std::int64_t rule_id_ = 0;
  // What the runners use, before the services: those wait for their runs when they go.
  std::mutex runs_mutex_;
  std::vector<std::pair<char, Millis>> runs_;
  std::function<void()> during_run_;
  std::atomic<bool> fail_ = false;
  std::atomic<int> alerts_ = 0;
  std::atomic<std::int64_t> held_job_ = 0;
  std::promise<void> release_;
  std::shared_future<void> released_ = release_.get_future().share();
  bool release_given_ = false;
  std::unique_ptr<JobService> a_, b_;
};

TEST_F(JobServiceTest, ADueJobRunsOnceInEachSlotFromItsStart) {
  const Job job = NewJob();
  EXPECT_EQ(job.next_run_at, kT0 + 10 * kMin);
  EXPECT_EQ(a_->RunDue(), 0);
  clock_.Set(kT0 + 10 * kMin);
  EXPECT_EQ(a_->RunDue(), 1);
  EXPECT_EQ(a_->RunDue() + b_->RunDue(), 0);  // done for this slot, by either instance
  clock_.Advance(4 * kMin);
  EXPECT_EQ(b_->RunDue(), 0);
  clock_.Advance(kMin);
  EXPECT_EQ(b_->RunDue(), 1);
  ASSERT_EQ(runs_.size(), 2u);
  EXPECT_EQ(runs_[1], std::make_pair('b', kT0 + 15 * kMin));
  const Job after = Read(job.id);
  EXPECT_EQ(after.last_run_at, kT0 + 15 * kMin);
  EXPECT_EQ(after.last_status, "ok");
  EXPECT_EQ(after.last_result, (nlohmann::json{{"assigned", 1}}));
  EXPECT_EQ(after.next_run_at, kT0 + 20 * kMin);
  EXPECT_FALSE(after.running);
}

TEST_F(JobServiceTest, InactiveOrEndedJobsDoNotRun) {
  const Job off = NewJob({{"active", false}});
  NewJob({{"ends_at", FormatRfc3339(kT0 + 12 * kMin)}});
  clock_.Set(kT0 + 10 * kMin);
  EXPECT_EQ(a_->RunDue(), 1);
  clock_.Set(kT0 + 15 * kMin);
  EXPECT_EQ(a_->RunDue(), 0);
  EXPECT_EQ(runs_.size(), 1u);
  EXPECT_TRUE(a_->RunNow(admin_, off.id));  // "run now" is for any job
  EXPECT_EQ(runs_.size(), 2u);
  EXPECT_EQ(Read(off.id).next_run_at, kT0 + 10 * kMin);  // and leaves the schedule alone
}

// A "run now" during which the job's slot comes stands for that slot: the worker, kept out by its
// lease meanwhile, does not run the job again a moment after it.
TEST_F(JobServiceTest, ARunNowOverItsSlotIsThatSlotsRun) {
  const Job job = NewJob();
  clock_.Set(kT0 + 10 * kMin - 10'000);
  during_run_ = [this] { clock_.Set(kT0 + 10 * kMin + 20'000); };
  ASSERT_TRUE(a_->RunNow(admin_, job.id));
  EXPECT_EQ(Read(job.id).next_run_at, kT0 + 15 * kMin);
  EXPECT_EQ(a_->RunDue() + b_->RunDue(), 0);
  EXPECT_EQ(runs_.size(), 1u);
  // One that ends before the slot leaves it alone.
  clock_.Set(kT0 + 15 * kMin - 10'000);
  ASSERT_TRUE(a_->RunNow(admin_, job.id));
  EXPECT_EQ(Read(job.id).next_run_at, kT0 + 15 * kMin);
}

TEST_F(JobServiceTest, OnlyOneInstanceRunsAJobAtATime) {
  const Job job = NewJob();
  clock_.Set(kT0 + 10 * kMin);
  int b_ran = -1;
  std::optional<Error> b_now;
  bool running = false;
  during_run_ = [&] {
    b_ran = b_->RunDue();
    auto r = b_->RunNow(admin_, job.id);
    if (!r) b_now = r.error();
    running = Read(job.id).running;
  };
  EXPECT_EQ(a_->RunDue(), 1);
  EXPECT_EQ(b_ran, 0);
  ASSERT_TRUE(b_now);
  EXPECT_EQ(b_now->code, ErrorCode::kConflict);
  EXPECT_TRUE(running);
  EXPECT_EQ(runs_.size(), 1u);
  EXPECT_FALSE(Read(job.id).running);
}

// "Run now" answers at once for a long run (a stalled-lead alert on a slow mail server): the run
// goes on in the background, the job shows it running, and a second "run now" is refused.
TEST_F(JobServiceTest, RunNowAnswersWhileALongRunGoesOnInTheBackground) {
  const Job job = NewJob();
  Hold(job.id);
  auto answered = a_->RunNow(admin_, job.id, std::chrono::milliseconds(20));
  ASSERT_TRUE(answered) << answered.error().message;
  EXPECT_TRUE(answered->running);
  auto again = b_->RunNow(admin_, job.id, std::chrono::milliseconds(20));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  Release();
  a_.reset();  // waits for the run it started
  const Job after = *b_->Get(admin_, job.id);
  EXPECT_FALSE(after.running);
  EXPECT_EQ(after.last_status, "ok");
  EXPECT_EQ(after.last_result, (nlohmann::json{{"assigned", 1}}));
  // A quick run is answered with its result.
  auto quick = b_->RunNow(admin_, job.id);
  ASSERT_TRUE(quick);
  EXPECT_FALSE(quick->running);
  EXPECT_EQ(quick->last_result, (nlohmann::json{{"assigned", 1}}));
  EXPECT_EQ(runs_.size(), 2u);
}

// Each due job runs on a thread of its own: a long run (an alert on a slow mail server) does not
// hold back another job due meanwhile, such as the call reminders.
TEST_F(JobServiceTest, ALongRunDoesNotHoldBackAnotherDueJob) {
  const Job slow = NewJob();
  Hold(slow.id);
  clock_.Set(kT0 + 10 * kMin);
  auto first = a_->StartDue();
  ASSERT_EQ(first.size(), 1u);
  const Job other = NewJob({{"name", "Chia lead khác"}});
  auto second = a_->StartDue();  // the slow one still runs: only the other starts
  ASSERT_EQ(second.size(), 1u);
  second[0].wait();
  EXPECT_EQ(Read(other.id).last_status, "ok");
  EXPECT_TRUE(Read(slow.id).running);
  Release();
  first[0].wait();
  EXPECT_EQ(Read(slow.id).last_status, "ok");
  EXPECT_FALSE(Read(slow.id).running);
}

// A run longer than its lease keeps it while its instance lives (the worker's tick renews it), so
// no other instance starts the job a second time; the instance itself never starts it again.
TEST_F(JobServiceTest, ALongRunKeepsItsLeaseWhileItsInstanceLives) {
  const Job job = NewJob();
  Hold(job.id);
  clock_.Set(kT0 + 10 * kMin);
  auto first = a_->StartDue();
  ASSERT_EQ(first.size(), 1u);
  for (int tick = 0; tick < 6; ++tick) {
    clock_.Advance(kLease / 3);
    EXPECT_TRUE(a_->StartDue().empty());
    EXPECT_TRUE(b_->StartDue().empty()) << "taken over " << tick * kLease / 3 << " ms after the start";
  }
  EXPECT_FALSE(a_->RunNow(admin_, job.id, std::chrono::milliseconds(0)));
  EXPECT_TRUE(Read(job.id).running);
  Release();
  first[0].wait();
  EXPECT_EQ(runs_.size(), 1u);
  EXPECT_EQ(Read(job.id).last_status, "ok");
}

TEST_F(JobServiceTest, ARunThatDiedIsTakenAgainWhenItsLeaseRunsOut) {
  const Job job = NewJob();
  clock_.Set(kT0 + 10 * kMin);
  {  // an instance took the lease and was killed before recording its run
    auto tx = db_a_->BeginWrite();
    ASSERT_TRUE(repo::TakeLease(*tx, job.id, "dead", clock_.Now(), clock_.Now() + kLease, true));
    tx->Commit();
  }
  EXPECT_TRUE(Read(job.id).running);
  clock_.Advance(kLease - 1);
  EXPECT_EQ(a_->RunDue() + b_->RunDue(), 0);
  clock_.Advance(1);
  EXPECT_EQ(b_->RunDue(), 1);
  const Job after = Read(job.id);
  EXPECT_EQ(after.last_status, "ok");
  EXPECT_EQ(after.last_run_at, kT0 + 10 * kMin + kLease);
  EXPECT_EQ(after.next_run_at, kT0 + 25 * kMin);  // the slots missed meanwhile are not made up
}

TEST_F(JobServiceTest, AFailedRunIsRecordedAndTheScheduleGoesOn) {
  const Job job = NewJob();
  fail_ = true;
  clock_.Set(kT0 + 10 * kMin);
  EXPECT_EQ(a_->RunDue(), 1);
  const Job after = Read(job.id);
  EXPECT_EQ(after.last_status, "failed");
  EXPECT_EQ(after.last_result, (nlohmann::json{{"error", "the rule is switched off"}, {"reason", "rule_inactive"}}));
  EXPECT_EQ(after.next_run_at, kT0 + 15 * kMin);
}

TEST_F(JobServiceTest, InputErrorsNameTheField) {
  auto bad = a_->Create(admin_, {{"name", ""}, {"type", "weekly_report"}, {"interval_min", 0},
                                 {"starts_at", "tomorrow"}, {"batch_size", -1}, {"days", 0}});
  ASSERT_FALSE(bad);
  std::set<std::string> fields;
  for (const auto& d : bad.error().details) fields.insert(d.field);
  EXPECT_EQ(fields,
            (std::set<std::string>{"name", "type", "interval_min", "starts_at", "batch_size", "days", "rule_id"}));
  auto stalled = a_->Create(admin_, {{"name", "Lead bị bỏ quên"}, {"type", "stalled_alert"}, {"interval_min", 1440}});
  ASSERT_TRUE(stalled) << stalled.error().message;
  EXPECT_EQ(stalled->days, 3);  // unless the job says otherwise
  auto days_elsewhere = a_->Create(admin_, {{"name", "x"}, {"type", "auto_assign"}, {"interval_min", 5},
                                            {"rule_id", rule_id_}, {"days", 7}});
  ASSERT_FALSE(days_elsewhere);
  EXPECT_EQ(days_elsewhere.error().details.at(0).field, "days");
  auto rule_elsewhere = a_->Create(admin_, {{"name", "x"}, {"type", "stalled_alert"}, {"interval_min", 5},
                                            {"rule_id", rule_id_}, {"days", 366}});
  ASSERT_FALSE(rule_elsewhere);
  fields.clear();
  for (const auto& d : rule_elsewhere.error().details) fields.insert(d.field);
  EXPECT_EQ(fields, (std::set<std::string>{"rule_id", "days", "interval_min"}));  // hourly at the most
  auto no_rule = a_->Create(admin_, {{"name", "x"}, {"type", "auto_assign"}, {"interval_min", 5}, {"rule_id", 999}});
  ASSERT_FALSE(no_rule);
  EXPECT_EQ(no_rule.error().details.at(0).field, "rule_id");
  auto ends = a_->Create(admin_, {{"name", "x"}, {"type", "auto_assign"}, {"interval_min", 5}, {"rule_id", rule_id_},
                                  {"starts_at", "2027-01-02T08:00:00+07:00"}, {"ends_at", "2027-01-01T08:00:00+07:00"}});
  ASSERT_FALSE(ends);
  EXPECT_EQ(ends.error().details.at(0).field, "ends_at");
  Principal agent = admin_;
  agent.role = Role::kAgent;
  EXPECT_EQ(a_->List(agent).error().code, ErrorCode::kForbidden);
}

// Every run of a stalled-lead alert tells every owner again: "run now" keeps the hour between
// runs that the schedule must keep, so a manager cannot mail everyone again and again.
TEST_F(JobServiceTest, AStalledLeadAlertRunsNowAtMostHourly) {
  const auto alert = NewAlert(1440, kT0 + 24 * 60 * kMin);
  ASSERT_TRUE(a_->RunNow(admin_, alert.id));
  clock_.Advance(59 * kMin);
  auto again = a_->RunNow(admin_, alert.id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().extra["reason"], "alert_ran_lately") << again.error().message;
  EXPECT_EQ(alerts_, 1);
  clock_.Advance(1 * kMin);
  EXPECT_TRUE(a_->RunNow(admin_, alert.id));
  EXPECT_EQ(alerts_, 2);
  // Other jobs run now whenever asked.
  const Job job = NewJob();
  ASSERT_TRUE(a_->RunNow(admin_, job.id));
  EXPECT_TRUE(a_->RunNow(admin_, job.id));
}

// The hour holds for the schedule too: a slot that comes within the hour after a "run now" is
// left out, not a second mail to every owner minutes later.
TEST_F(JobServiceTest, AStalledLeadAlertRunNowPutsOffASlotWithinTheHour) {
  const auto alert = NewAlert(60, kT0 + 60 * kMin);
  clock_.Set(kT0 + 55 * kMin);
  ASSERT_TRUE(a_->RunNow(admin_, alert.id));
  EXPECT_EQ(Read(alert.id).next_run_at, kT0 + 120 * kMin);
  clock_.Set(kT0 + 60 * kMin);
  EXPECT_EQ(a_->RunDue(), 0);
  clock_.Set(kT0 + 120 * kMin);
  EXPECT_EQ(a_->RunDue(), 1);
  EXPECT_EQ(alerts_, 2);
  EXPECT_EQ(Read(alert.id).next_run_at, kT0 + 180 * kMin);
  // Nor after a pause, nor a changed schedule: the next run is still an hour after the last.
  ASSERT_TRUE(a_->Update(admin_, alert.id, {{"active", false}}));
  clock_.Set(kT0 + 185 * kMin);
  ASSERT_TRUE(a_->RunNow(admin_, alert.id));
  clock_.Set(kT0 + 190 * kMin);
  auto resumed = a_->Update(admin_, alert.id, {{"active", true}});
  ASSERT_TRUE(resumed);
  EXPECT_EQ(resumed->next_run_at, kT0 + 300 * kMin);
  auto moved = a_->Update(admin_, alert.id, {{"starts_at", FormatRfc3339(kT0 + 200 * kMin)}});
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->next_run_at, kT0 + 260 * kMin);
  EXPECT_EQ(a_->RunDue(), 0);
  EXPECT_EQ(alerts_, 3);
}

// An hourly alert's run starts a moment after its slot: the next slot, an hour after the slot,
// is kept, not put off to the one after (QA: "every 60 min" ran every two hours).
TEST_F(JobServiceTest, AnHourlyAlertRunsEveryHourThoughEachRunStartsAfterItsSlot) {
  const auto alert = NewAlert(60, kT0 + 60 * kMin);
  clock_.Set(kT0 + 60 * kMin + 800);
  EXPECT_EQ(a_->RunDue(), 1);
  EXPECT_EQ(Read(alert.id).next_run_at, kT0 + 120 * kMin);
  auto renamed = a_->Update(admin_, alert.id, {{"name", "Lead bị bỏ quên 3 ngày"}});
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->next_run_at, kT0 + 120 * kMin);
  clock_.Set(kT0 + 120 * kMin + 900);
  EXPECT_EQ(a_->RunDue(), 1);
  EXPECT_EQ(alerts_, 2);
  EXPECT_EQ(Read(alert.id).next_run_at, kT0 + 180 * kMin);
}

// A job changed to another type leaves the settings of its old type behind, unless it names them.
TEST_F(JobServiceTest, AChangeOfTypeDropsTheSettingsOfTheOldType) {
  auto alert = a_->Create(admin_, {{"name", "Lead bị bỏ quên"}, {"type", "stalled_alert"}, {"interval_min", 1440}});
  ASSERT_TRUE(alert) << alert.error().message;
  auto assign = a_->Update(admin_, alert->id, {{"type", "auto_assign"}, {"rule_id", rule_id_}, {"batch_size", 50}});
  ASSERT_TRUE(assign) << assign.error().message;
  EXPECT_EQ(assign->days, std::nullopt);
  EXPECT_EQ(assign->rule_id, rule_id_);
  auto back = a_->Update(admin_, alert->id, {{"type", "stalled_alert"}});
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->rule_id, std::nullopt);
  EXPECT_EQ(back->batch_size, std::nullopt);
  EXPECT_EQ(back->days, 3);
  // Named with the new type, a setting of another type is still an error.
  auto both = a_->Update(admin_, alert->id, {{"type", "reminders"}, {"days", 5}});
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().details.at(0).field, "days");
}

}  // namespace
}  // namespace sen::jobs
