// Jobs: access check, input, storage, audit; the lease around every run.
#include "modules/jobs/job_service.h"

#include <spdlog/spdlog.h>

#include "modules/audit/audit.h"
#include "modules/jobs/job_repository.h"
#include "modules/jobs/job_rules.h"
#include "text/fold.h"

namespace sen::jobs {

namespace {

using nlohmann::json;

constexpr Millis kMinute = 60'000;
constexpr std::int64_t kMaxInterval = 7 * 24 * 60;  // a week, in minutes
constexpr std::int64_t kMaxBatch = 100'000;
constexpr std::int64_t kMaxStaleDays = 365;
// A stalled-lead alert tells every owner again at each run: hourly at the most.
constexpr std::int64_t kMinAlertInterval = 60;

// How late after its slot a due run may start and still count as that slot's: the worker looks
// every second, and a run takes its lease when it can.
constexpr Millis kRunLateness = kMinute;

// The next run of an alert an hour or more after its last `last_run`, whatever moved the
// schedule (a run now, a changed start or interval, a pause ended); other jobs' as they are. An
// hourly alert's run, which starts a moment after its slot, keeps the next slot.
Millis AlertsHourApart(const Job& job, std::optional<Millis> last_run, Millis next_run) {
  if (job.type != "stalled_alert" || !last_run) return next_run;
  const Millis allowed = *last_run + kMinAlertInterval * kMinute - kRunLateness;
  return next_run < allowed ? NextRun(job.starts_at, job.interval_min * kMinute, allowed - 1) : next_run;
}

Error NotFound(std::int64_t id) { return Error::NotFound("no job has id " + std::to_string(id)); }

std::optional<std::int64_t> WholeIn(const json& v, std::int64_t min, std::int64_t max) {
  if (!v.is_number_integer()) return std::nullopt;
  auto n = v.get<std::int64_t>();
  return n >= min && n <= max ? std::optional(n) : std::nullopt;
}

}  // namespace

JobService::JobService(db::Database& db, const Clock& clock, std::string instance)
    : db_(db), clock_(clock), instance_(std::move(instance)) {}

JobService::~JobService() {
  worker_.reset();
  std::vector<std::shared_future<void>> runs;
  {
    std::lock_guard lock(runs_mutex_);  // not held while waiting: a run takes it as it ends
    runs = runs_in_flight_;
  }
  for (const auto& run : runs) run.wait();
}

Status JobService::Apply(Job& job, const json& input, bool create) {
  FieldErrors errors;
  const std::string type_before = job.type;
  for (const auto& [key, value] : input.items()) {
    if (key == "name") {
      job.name = value.is_string() ? text::Tidy(value.get<std::string>()) : "";
      if (job.name.empty() || job.name.size() > 200) errors.Add(key, "is required, up to 200 bytes", "required");
    } else if (key == "type") {
      if (value == "auto_assign" || value == "reminders" || value == "stalled_alert") job.type = value.get<std::string>();
      else errors.Add(key, "must be auto_assign, reminders or stalled_alert", "unknown_value");
    } else if (key == "active") {
      if (value.is_boolean()) job.active = value.get<bool>();
      else errors.Add(key, "must be true or false", "wrong_type");
    } else if (key == "interval_min") {
      auto n = WholeIn(value, 1, kMaxInterval);
      if (!n) errors.Add(key, "must be a whole number of minutes from 1 to 10080", "out_of_range");
      job.interval_min = n.value_or(job.interval_min);
    } else if (key == "starts_at" || key == "ends_at") {
      auto t = value.is_string() ? ParseRfc3339(value.get<std::string>()) : std::nullopt;
      if (key == "ends_at" && value.is_null()) {
        job.ends_at.reset();
      } else if (!t) {
        errors.Add(key, "must be a date-time such as 2026-12-01T08:00:00+07:00", "wrong_type");
      } else {
        (key == "starts_at" ? job.starts_at : job.ends_at.emplace()) = *t;
      }
    } else if (key == "rule_id" || key == "batch_size") {
      auto n = value.is_null() ? std::nullopt : WholeIn(value, 1, key == "rule_id" ? INT64_MAX : kMaxBatch);
      if (!value.is_null() && !n) {
        errors.Add(key, key == "rule_id" ? "must be the id of an assignment rule" : "must be empty or from 1 to 100000",
                   "out_of_range");
      }
      (key == "rule_id" ? job.rule_id : job.batch_size) = n;
    } else if (key == "days") {
      auto n = value.is_null() ? std::nullopt : WholeIn(value, 1, kMaxStaleDays);
      if (!value.is_null() && !n) errors.Add(key, "must be a whole number of days from 1 to 365", "out_of_range");
      job.days = n;
    } else if (key != "id" && key != "next_run_at" && key != "last_run_at" && key != "last_status" &&
               key != "last_result" && key != "running" && key != "created_at" && key != "updated_at") {
      errors.Add(key, "is not a job setting", "unknown_field");
    }
  }
  if (create) {
    for (const char* key : {"name", "type", "interval_min"}) {
      if (!input.contains(key) && !errors.Has(key)) errors.Add(key, "is required", "required");
    }
  }
  // A change of type leaves the old type's settings behind, unless the input names them.
  if (!create && job.type != type_before) {
    if (job.type != "auto_assign" && !input.contains("rule_id")) job.rule_id.reset();
    if (job.type != "auto_assign" && !input.contains("batch_size")) job.batch_size.reset();
    if (job.type != "stalled_alert" && !input.contains("days")) job.days.reset();
  }
  // A job whose rule was deleted keeps its other settings changeable: it can be switched off.
  const bool names_rule = create || input.contains("rule_id") || input.contains("type");
  if (job.type == "auto_assign" && !job.rule_id && names_rule && !errors.Has("rule_id")) {
    errors.Add("rule_id", "is required: the rule whose queued leads the job hands out", "required");
  }
  if (job.type != "auto_assign") {
    if (job.rule_id) errors.Add("rule_id", "goes with auto_assign jobs", "unknown_field");
    if (job.batch_size) errors.Add("batch_size", "goes with auto_assign jobs", "unknown_field");
  }
  if (job.type == "stalled_alert" && !job.days && !errors.Has("days")) job.days = kDefaultStaleDays;
  if (job.type == "stalled_alert" && job.interval_min < kMinAlertInterval && !errors.Has("interval_min")) {
    errors.Add("interval_min", "must be 60 minutes or more for stalled_alert: each run tells every owner again",
               "out_of_range");
  }
  if (job.type != "stalled_alert" && job.days) errors.Add("days", "goes with stalled_alert jobs", "unknown_field");
  if (job.ends_at && *job.ends_at <= job.starts_at && !errors.Has("ends_at")) {
    errors.Add("ends_at", "must be after starts_at", "before_start");
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Status JobService::CheckMayChange(db::Transaction& tx, const Principal& p, const Job& job) {
  // Every team's call reminders hang on the reminders job, and an alert tells the owners of every
  // team: only admins make, change or delete them.
  if (job.type == "reminders" && p.role != Role::kAdmin) {
    return Error::Forbidden("only admins change the call reminders job");
  }
  if (job.type == "stalled_alert" && p.role != Role::kAdmin) {
    return Error::Forbidden("only admins schedule stalled-lead alerts: each tells the owners of every team");
  }
  if (job.rule_id && rule_check_) return rule_check_(tx, p, *job.rule_id);
  return {};
}

Status JobService::Save(db::Transaction& tx, Job& job, bool create) {
  try {
    if (create) job.id = repo::Insert(tx, job);
    else repo::Update(tx, job);
  } catch (const db::DbError& e) {  // the only foreign key: the rule
    if (e.kind() != db::DbError::Kind::kConstraint) throw;
    return Error::Field("rule_id", "no assignment rule has id " + std::to_string(*job.rule_id), "not_found");
  }
  return {};
}

Result<std::vector<Job>> JobService::List(const Principal& p) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins see scheduled jobs");
  auto tx = db_.BeginRead();
  return repo::List(*tx, clock_.Now());
}

Result<Job> JobService::Get(const Principal& p, std::int64_t id) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins see scheduled jobs");
  auto tx = db_.BeginRead();
  auto job = repo::Find(*tx, id, clock_.Now());
  if (!job) return NotFound(id);
  return *job;
}

Result<Job> JobService::Create(const Principal& p, const json& input) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins change scheduled jobs");
  const Millis now = clock_.Now();
  Job job;
  job.starts_at = now;
  if (auto applied = Apply(job, input, true); !applied) return std::move(applied).error();
  job.next_run_at = FirstRun(job.starts_at, job.interval_min * kMinute, now);
  job.created_at = job.updated_at = now;
  auto tx = db_.BeginWrite();
  if (auto mine = CheckMayChange(*tx, p, job); !mine) return std::move(mine).error();
  if (auto saved = Save(*tx, job, true); !saved) return std::move(saved).error();
  audit::Record(*tx, audit::ActorOf(p), "job", job.id, {{"create", std::nullopt, std::nullopt, job.name}}, now);
  tx->Commit();
  return job;
}

Result<Job> JobService::Update(const Principal& p, std::int64_t id, const json& input) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins change scheduled jobs");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto job = repo::Find(*tx, id, now);
  if (!job) return NotFound(id);
  if (auto mine = CheckMayChange(*tx, p, *job); !mine) return std::move(mine).error();
  const Millis starts_at = job->starts_at;
  const std::int64_t interval = job->interval_min;
  if (auto applied = Apply(*job, input, false); !applied) return std::move(applied).error();
  if (auto mine = CheckMayChange(*tx, p, *job); !mine) return std::move(mine).error();  // nor turned into one
  if (job->starts_at != starts_at || job->interval_min != interval) {
    job->next_run_at = FirstRun(job->starts_at, job->interval_min * kMinute, now);
  }
  job->next_run_at = AlertsHourApart(*job, job->last_run_at, job->next_run_at);
  job->updated_at = now;
  if (auto saved = Save(*tx, *job, false); !saved) return std::move(saved).error();
  audit::Record(*tx, audit::ActorOf(p), "job", id, {{"update", std::nullopt, std::nullopt, input.dump()}}, now);
  tx->Commit();
  return *job;
}

Status JobService::Delete(const Principal& p, std::int64_t id) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins change scheduled jobs");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto job = repo::Find(*tx, id, now);
  if (!job) return NotFound(id);
  if (auto mine = CheckMayChange(*tx, p, *job); !mine) return std::move(mine).error();
  repo::Delete(*tx, id);
  audit::Record(*tx, audit::ActorOf(p), "job", id, {{"delete", std::nullopt, job->name, std::nullopt}}, now);
  tx->Commit();
  return {};
}

Result<Job> JobService::RunNow(const Principal& p, std::int64_t id, std::chrono::milliseconds wait) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins run scheduled jobs");
  {
    const Millis now = clock_.Now();
    auto tx = db_.BeginRead();
    auto job = repo::Find(*tx, id, now);
    if (!job) return NotFound(id);
    // The reminders job is run now by anyone who sees it (it only sends what is due).
    if (job->type != "reminders") {
      if (auto mine = CheckMayChange(*tx, p, *job); !mine) return std::move(mine).error();
    }
    // Each alert tells every owner again: the hour the schedule keeps holds for "run now" too.
    const Millis next = job->last_run_at.value_or(now) + kMinAlertInterval * kMinute;
    if (job->type == "stalled_alert" && job->last_run_at && now < next) {
      return Error::Conflict("a stalled-lead alert runs at most once an hour; this one ran at " +
                                 FormatRfc3339(*job->last_run_at) + ", run it again from " + FormatRfc3339(next),
                             "alert_ran_lately");
    }
  }
  auto lease = TakeLease(id, false);
  if (!lease) return Error::Conflict("job " + std::to_string(id) + " is running already", "job_running");
  // Not on the caller's thread: a server thread waits at most `wait`, whatever the run takes.
  Start(std::move(*lease), false).wait_for(wait);
  auto tx = db_.BeginRead();
  auto job = repo::Find(*tx, id, clock_.Now());
  if (!job) return NotFound(id);  // deleted while it ran
  return *job;
}

std::optional<JobService::Lease> JobService::TakeLease(std::int64_t id, bool due_only) {
  // Each run's own time and lease: a run after a long one is not born half expired, and the
  // end of one run (the worker's, a run now) never gives back another's lease.
  {
    std::lock_guard lock(runs_mutex_);
    if (jobs_running_.count(id) > 0) return std::nullopt;  // its lease may have run out meanwhile
  }
  const Millis now = clock_.Now();
  std::string holder = instance_ + ":" + std::to_string(++runs_);
  auto tx = db_.BeginWrite();
  auto found = repo::Find(*tx, id, now);
  if (!found || (due_only && !IsDue(found->active, found->next_run_at, found->ends_at, now))) return std::nullopt;
  if (!repo::TakeLease(*tx, id, holder, now, now + kLease, due_only)) return std::nullopt;
  tx->Commit();
  return Lease{std::move(*found), std::move(holder), now};
}

void JobService::Execute(const Lease& lease, bool due_only) {
  const Job& job = lease.job;
  const std::int64_t id = job.id;
  const Millis now = lease.now;
  Result<json> result = Error::Conflict("jobs of type " + job.type + " cannot run here", "job_type_unknown");
  if (auto runner = runners_.find(job.type); runner != runners_.end()) {
    try {
      result = runner->second(job, now);
    } catch (const std::exception& e) {
      result = Error{ErrorCode::kInternal, e.what()};
    }
  }
  if (!result) spdlog::warn("job {} ({}) failed: {}", job.id, job.name, result.error().message);
  auto tx = db_.BeginWrite();
  // The schedule as it is now: an admin may have changed it while the job ran.
  if (auto current = repo::Find(*tx, id, now)) {
    const Millis interval = current->interval_min * kMinute;
    std::optional<Millis> next;
    if (due_only) {
      next = NextRun(current->starts_at, interval, now);
    } else if (const Millis end = clock_.Now(); current->active && current->next_run_at <= end) {
      // A run now over the job's slot stands for it: not run again a moment later by the worker.
      next = NextRun(current->starts_at, interval, end);
    }
    // An alert's slot within the hour after a run now is left out (a due run's next is later).
    next = AlertsHourApart(*current, now, next.value_or(current->next_run_at));
    // A failure keeps its reason and the values its wording names, for the jobs page to word it.
    json outcome = result ? *result : result.error().extra;
    if (!result) outcome["error"] = result.error().message;
    repo::Finish(*tx, id, lease.holder, now, result ? "ok" : "failed", outcome.dump(), next);
  }
  tx->Commit();
}

std::shared_future<void> JobService::Start(Lease lease, bool due_only) {
  std::lock_guard lock(runs_mutex_);
  std::erase_if(runs_in_flight_, [](const std::shared_future<void>& r) {
    return r.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  });
  jobs_running_[lease.job.id] = {lease.holder, lease.now};
  auto run = std::async(std::launch::async, [this, lease = std::move(lease), due_only] {
               try {
                 Execute(lease, due_only);
               } catch (const std::exception& e) {
                 spdlog::error("job {} ({}): {}", lease.job.id, lease.job.name, e.what());
               }
               std::lock_guard lock(runs_mutex_);
               jobs_running_.erase(lease.job.id);
             }).share();
  runs_in_flight_.push_back(run);
  return run;
}

void JobService::KeepLeases() {
  const Millis now = clock_.Now();
  std::vector<std::pair<std::int64_t, std::string>> renew;
  {
    std::lock_guard lock(runs_mutex_);
    for (auto& [id, held] : jobs_running_) {
      if (now - held.renewed_at < kLease / 3) continue;
      renew.emplace_back(id, held.holder);
      held.renewed_at = now;
    }
  }
  if (renew.empty()) return;
  std::vector<std::int64_t> lost;
  auto tx = db_.BeginWrite();
  for (const auto& [id, holder] : renew) {
    if (!repo::RenewLease(*tx, id, holder, now + kLease)) lost.push_back(id);
  }
  tx->Commit();
  std::lock_guard lock(runs_mutex_);
  for (std::int64_t id : lost) {
    if (jobs_running_.count(id) == 0) continue;  // it finished meanwhile
    spdlog::warn("job {}: its lease ran out before it was renewed; another instance may run it too", id);
  }
}

std::vector<std::shared_future<void>> JobService::StartDue() {
  KeepLeases();
  std::vector<std::int64_t> due;
  {
    auto tx = db_.BeginRead();
    due = repo::Due(*tx, clock_.Now());
  }
  std::vector<std::shared_future<void>> started;
  for (std::int64_t id : due) {
    if (auto lease = TakeLease(id, true)) started.push_back(Start(std::move(*lease), true));
  }
  return started;
}

int JobService::RunDue() {
  auto started = StartDue();
  for (const auto& run : started) run.wait();
  return static_cast<int>(started.size());
}

void JobService::StartWorker(std::chrono::milliseconds tick) {
  worker_.emplace("scheduled jobs", tick, [this] { StartDue(); });
}

}  // namespace sen::jobs
