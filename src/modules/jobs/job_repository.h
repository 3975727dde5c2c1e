// The only code that runs SQL on scheduled jobs and their leases.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/jobs/job.h"

namespace sen::jobs::repo {

// Jobs as of `now` (`running` while a lease holds).
std::vector<Job> List(db::Transaction& tx, Millis now);
std::optional<Job> Find(db::Transaction& tx, std::int64_t id, Millis now);
std::int64_t Insert(db::Transaction& tx, const Job& job);
void Update(db::Transaction& tx, const Job& job);
void Delete(db::Transaction& tx, std::int64_t id);

// Active jobs whose time has come, that have not ended and that no run holds, soonest first.
std::vector<std::int64_t> Due(db::Transaction& tx, Millis now);
// Takes the job's lease for `holder` until `until` when nobody holds it at `now` (and, with
// `due_only`, when the job is due); true when taken. Exactly one of several instances racing
// for it wins: the check and the take are one UPDATE.
bool TakeLease(db::Transaction& tx, std::int64_t id, const std::string& holder, Millis now, Millis until,
               bool due_only);
// Moves the end of `holder`'s lease to `until`; false when it no longer holds it.
bool RenewLease(db::Transaction& tx, std::int64_t id, const std::string& holder, Millis until);
// Records the run and gives the lease back, if `holder` still holds it; `next_run_at` moves
// only when given (a run made now does not change the schedule).
void Finish(db::Transaction& tx, std::int64_t id, const std::string& holder, Millis ran_at, const std::string& status,
            const std::string& result, std::optional<Millis> next_run_at);

}  // namespace sen::jobs::repo
