// SQL of scheduled jobs.
#include "modules/jobs/job_repository.h"

namespace sen::jobs::repo {

namespace {

constexpr std::string_view kColumns = R"~(
SELECT id, name, type, active, interval_min, starts_at, ends_at, rule_id, batch_size, days, next_run_at,
  last_run_at, last_status, last_result, COALESCE(lease_until > ?, 0), created_at, updated_at FROM jobs)~";
constexpr std::string_view kInsert = R"~(
INSERT INTO jobs (name, type, active, interval_min, starts_at, ends_at, rule_id, batch_size, days, next_run_at,
  created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kUpdate = R"~(
UPDATE jobs SET name = ?, type = ?, active = ?, interval_min = ?, starts_at = ?, ends_at = ?, rule_id = ?,
  batch_size = ?, days = ?, next_run_at = ?, updated_at = ?
WHERE id = ?)~";
constexpr std::string_view kDelete = "DELETE FROM jobs WHERE id = ?";
constexpr std::string_view kDue =
    "SELECT id FROM jobs WHERE active = 1 AND next_run_at <= ? AND (ends_at IS NULL OR ends_at > ?) "
    "AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_run_at, id";
constexpr std::string_view kTakeLease = R"~(
UPDATE jobs SET lease_holder = ?, lease_until = ?
WHERE id = ? AND (lease_until IS NULL OR lease_until <= ?) AND (? = 0 OR (active = 1 AND next_run_at <= ?)))~";
constexpr std::string_view kRenewLease = "UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_holder = ?";
constexpr std::string_view kFinish = R"~(
UPDATE jobs SET lease_holder = NULL, lease_until = NULL, last_run_at = ?, last_status = ?, last_result = ?,
  next_run_at = COALESCE(?, next_run_at)
WHERE id = ? AND lease_holder = ?)~";

Job ReadJob(const db::Row& r) {
  Job j;
  j.id = r.Int(0);
  j.name = r.Str(1);
  j.type = r.Str(2);
  j.active = r.Int(3) != 0;
  j.interval_min = r.Int(4);
  j.starts_at = r.Int(5);
  j.ends_at = r.OptInt(6);
  j.rule_id = r.OptInt(7);
  j.batch_size = r.OptInt(8);
  j.days = r.OptInt(9);
  j.next_run_at = r.Int(10);
  j.last_run_at = r.OptInt(11);
  j.last_status = r.OptStr(12);
  if (auto result = r.OptStr(13)) j.last_result = nlohmann::json::parse(*result, nullptr, false);
  j.running = r.Int(14) != 0;
  j.created_at = r.Int(15);
  j.updated_at = r.Int(16);
  return j;
}

}  // namespace

std::vector<Job> List(db::Transaction& tx, Millis now) {
  std::vector<Job> out;
  tx.Query(std::string(kColumns) + " ORDER BY id", {now}, [&](const db::Row& r) { out.push_back(ReadJob(r)); });
  return out;
}

std::optional<Job> Find(db::Transaction& tx, std::int64_t id, Millis now) {
  std::optional<Job> out;
  tx.Query(std::string(kColumns) + " WHERE id = ?", {now, id}, [&](const db::Row& r) { out = ReadJob(r); });
  return out;
}

std::int64_t Insert(db::Transaction& tx, const Job& j) {
  return *tx.QueryInt(kInsert, {j.name, j.type, j.active, j.interval_min, j.starts_at, j.ends_at, j.rule_id,
                                j.batch_size, j.days, j.next_run_at, j.created_at, j.updated_at});
}

void Update(db::Transaction& tx, const Job& j) {
  tx.Execute(kUpdate, {j.name, j.type, j.active, j.interval_min, j.starts_at, j.ends_at, j.rule_id, j.batch_size,
                       j.days, j.next_run_at, j.updated_at, j.id});
}

void Delete(db::Transaction& tx, std::int64_t id) { tx.Execute(kDelete, {id}); }

std::vector<std::int64_t> Due(db::Transaction& tx, Millis now) {
  std::vector<std::int64_t> ids;
  tx.Query(kDue, {now, now, now}, [&](const db::Row& r) { ids.push_back(r.Int(0)); });
  return ids;
}

bool TakeLease(db::Transaction& tx, std::int64_t id, const std::string& holder, Millis now, Millis until,
               bool due_only) {
  return tx.Execute(kTakeLease, {holder, until, id, now, due_only, now}) == 1;
}

bool RenewLease(db::Transaction& tx, std::int64_t id, const std::string& holder, Millis until) {
  return tx.Execute(kRenewLease, {until, id, holder}) == 1;
}

void Finish(db::Transaction& tx, std::int64_t id, const std::string& holder, Millis ran_at, const std::string& status,
            const std::string& result, std::optional<Millis> next_run_at) {
  tx.Execute(kFinish, {ran_at, status, result, next_run_at, id, holder});
}

}  // namespace sen::jobs::repo
