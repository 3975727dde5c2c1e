// Scheduled jobs (R6): the admin page's CRUD and "run now", and the worker that runs due jobs.
// Every instance may run the worker: a job runs only under a lease taken in the database, so one
// instance runs it at a time. The worker renews its runs' leases, so a long run keeps its lease
// while its instance lives, and a run that died with its instance is run again once its lease
// has run out. Time comes from the injected clock; the worker only decides how often to look.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/every.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/jobs/job.h"

namespace sen::jobs {

// How long a run may take before another instance takes the job over.
constexpr Millis kLease = 10LL * 60 * 1000;

class JobService {
 public:
  // What a job of one type does; its answer becomes the job's last result.
  using Runner = std::function<Result<nlohmann::json>(const Job& job, Millis now)>;

  // `instance` names this process in the leases it takes.
  JobService(db::Database& db, const Clock& clock, std::string instance);
  ~JobService();  // stops the worker after the run in progress, and waits for "run now" runs
  void SetRunner(const std::string& type, Runner runner) { runners_[type] = std::move(runner); }
  // Whether `p` may hand leads out through a rule (an auto_assign job's): 403 or 422 on rule_id
  // when not. Unset, every rule may be scheduled.
  using RuleCheck = std::function<Status(db::Transaction& tx, const Principal& p, std::int64_t rule_id)>;
  void SetRuleCheck(RuleCheck check) { rule_check_ = std::move(check); }

  // Managers and admins see and change jobs. `input` is the API's job object.
  Result<std::vector<Job>> List(const Principal& p);
  Result<Job> Get(const Principal& p, std::int64_t id);
  Result<Job> Create(const Principal& p, const nlohmann::json& input);
  Result<Job> Update(const Principal& p, std::int64_t id, const nlohmann::json& input);
  Status Delete(const Principal& p, std::int64_t id);
  // Runs the job now whatever its schedule (409 while another run holds its lease), on a thread
  // of its own: the job as it is once the run is over, or after `wait` with `running` still set
  // (a long run goes on in the background and records its result when done).
  Result<Job> RunNow(const Principal& p, std::int64_t id, std::chrono::milliseconds wait = std::chrono::seconds(2));

  // Renews the leases of this instance's runs (a third of a lease after the last time), then
  // leases every job due at the clock's now that no run holds and starts each run on a thread of
  // its own, so that a long run holds back no other job; the runs started, to wait for.
  std::vector<std::shared_future<void>> StartDue();
  // StartDue, then waits for those runs; returns how many ran.
  int RunDue();
  // Looks for due jobs every `tick` on a thread of its own.
  void StartWorker(std::chrono::milliseconds tick = std::chrono::seconds(1));

 private:
  Status Apply(Job& job, const nlohmann::json& input, bool create);
  // A job `p` may not touch: for a manager the reminders job and the stalled-lead alerts (they reach
  // every team), and the job of a rule they may not use.
  Status CheckMayChange(db::Transaction& tx, const Principal& p, const Job& job);
  // Inserts or updates; 422 on rule_id when the rule does not exist.
  Status Save(db::Transaction& tx, Job& job, bool create);
  // A run's lease, taken at the clock's now: nullopt when another run holds it, or this instance
  // still runs the job past its lease (or, `due_only`, the job is not due).
  struct Lease {
    Job job;
    std::string holder;
    Millis now = 0;
  };
  std::optional<Lease> TakeLease(std::int64_t id, bool due_only);
  // Runs the job under its lease and records the result (and, `due_only`, the next run).
  void Execute(const Lease& lease, bool due_only);
  // Execute on a thread of its own, kept in `runs_` until the service stops.
  std::shared_future<void> Start(Lease lease, bool due_only);
  // A run lasts as long as it needs: while this instance lives, its runs keep their leases, and
  // one that died loses its lease within kLease.
  void KeepLeases();

  db::Database& db_;
  const Clock& clock_;
  const std::string instance_;
  std::map<std::string, Runner> runners_;
  RuleCheck rule_check_;
  std::atomic<std::uint64_t> runs_{0};  // numbers each run's lease
  std::optional<Every> worker_;
  std::mutex runs_mutex_;
  std::vector<std::shared_future<void>> runs_in_flight_;  // the finished ones pruned at each Start
  struct Held {
    std::string holder;
    Millis renewed_at = 0;
  };
  std::map<std::int64_t, Held> jobs_running_;  // the jobs those runs are of, with their leases
};

}  // namespace sen::jobs
