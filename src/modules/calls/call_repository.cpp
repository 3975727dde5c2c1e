// Call SQL.
#include "modules/calls/call_repository.h"

#include "modules/calls/call_rules.h"

namespace sen::calls::repo {

namespace {

#define SEN_CALL_COLUMNS                                                                                 \
  "id, parent_type, parent_id, subject, direction, status, result, start_at, duration_s, description, " \
  "remind_popup_min, remind_email_min, owner_id, created_by, created_at, updated_at"
constexpr std::string_view kColumns = SEN_CALL_COLUMNS;
constexpr std::string_view kFind = "SELECT " SEN_CALL_COLUMNS " FROM calls WHERE id = ?";
constexpr std::string_view kLatest = "SELECT " SEN_CALL_COLUMNS
                                     " FROM calls WHERE parent_type = ? AND parent_id = ? "
                                     "ORDER BY start_at DESC, id DESC LIMIT ?";
#undef SEN_CALL_COLUMNS
constexpr std::string_view kCount = "SELECT COUNT(*) FROM calls WHERE parent_type = ? AND parent_id = ?";
constexpr std::string_view kInsert = R"~(
INSERT INTO calls (parent_type, parent_id, subject, direction, status, result, start_at, duration_s, description,
  remind_popup_min, remind_email_min, owner_id, created_by, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kUpdate = R"~(
UPDATE calls SET subject = ?, direction = ?, status = ?, result = ?, start_at = ?, duration_s = ?, description = ?,
  remind_popup_min = ?, remind_email_min = ?, owner_id = ?, updated_at = ?
WHERE id = ?)~";
constexpr std::string_view kDelete = "DELETE FROM calls WHERE id = ?";

Call Read(const db::Row& r) {
  Call c;
  c.id = r.Int(0);
  c.parent_type = r.Str(1);
  c.parent_id = r.Int(2);
  c.subject = r.Str(3);
  c.direction = r.Str(4);
  c.status = r.Str(5);
  c.result = r.OptStr(6);
  c.start_at = r.Int(7);
  c.duration_s = r.OptInt(8);
  c.description = r.OptStr(9);
  c.remind_popup_min = r.OptInt(10);
  c.remind_email_min = r.OptInt(11);
  c.owner_id = r.OptInt(12);
  c.created_by = r.OptInt(13);
  c.created_at = r.Int(14);
  c.updated_at = r.Int(15);
  return c;
}

}  // namespace

std::optional<Call> Find(db::Transaction& tx, std::int64_t id) {
  std::optional<Call> out;
  tx.Query(kFind, {id}, [&](const db::Row& r) { out = Read(r); });
  return out;
}

std::int64_t Insert(db::Transaction& tx, const Call& c) {
  return tx.QueryInt(kInsert, {c.parent_type, c.parent_id, c.subject, c.direction, c.status, c.result, c.start_at,
                               c.duration_s, c.description, c.remind_popup_min, c.remind_email_min, c.owner_id,
                               c.created_by, c.created_at, c.updated_at})
      .value();
}

void Update(db::Transaction& tx, const Call& c) {
  tx.Execute(kUpdate, {c.subject, c.direction, c.status, c.result, c.start_at, c.duration_s, c.description,
                       c.remind_popup_min, c.remind_email_min, c.owner_id, c.updated_at, c.id});
}

void Delete(db::Transaction& tx, std::int64_t id) { tx.Execute(kDelete, {id}); }

Page<Call> List(db::Transaction& tx, const CallFilter& f, PageRequest page) {
  std::string where = " WHERE 1 = 1";
  db::Params params;
  auto equals = [&](const char* condition, const auto& value) {
    if (!value) return;
    where += condition;
    params.emplace_back(*value);
  };
  equals(" AND parent_type = ?", f.parent_type);
  equals(" AND parent_id = ?", f.parent_id);
  equals(" AND owner_id = ?", f.owner_id);
  equals(" AND status = ?", f.status);
  equals(" AND result = ?", f.result);
  equals(" AND start_at >= ?", f.from);
  equals(" AND start_at < ?", f.to);
  std::string owners;
  if (f.only_owners) {
    owners = nlohmann::json(*f.only_owners).dump();
    where += " AND owner_id IN (SELECT value FROM json_each(?))";
    params.emplace_back(owners);
  }
  Page<Call> out;
  out.request = page;
  out.total = tx.QueryInt("SELECT COUNT(*) FROM calls" + where, params).value_or(0);
  const char* dir = f.ascending ? " ASC" : " DESC";
  std::string sql = std::string("SELECT ").append(kColumns).append(" FROM calls").append(where);
  sql.append(" ORDER BY start_at").append(dir).append(", id").append(dir).append(" LIMIT ? OFFSET ?");
  params.emplace_back(static_cast<std::int64_t>(page.page_size));
  params.emplace_back(page.offset());
  tx.Query(sql, params, [&](const db::Row& r) { out.items.push_back(Read(r)); });
  return out;
}

std::vector<Call> Latest(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id, std::int64_t limit) {
  std::vector<Call> out;
  tx.Query(kLatest, {parent_type, parent_id, limit}, [&](const db::Row& r) { out.push_back(Read(r)); });
  return out;
}

std::int64_t Count(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id) {
  return tx.QueryInt(kCount, {parent_type, parent_id}).value_or(0);
}

namespace {

constexpr std::string_view kDropReminders = R"~(
DELETE FROM call_reminders WHERE call_id = ? AND channel NOT IN (SELECT value FROM json_each(?)))~";
constexpr std::string_view kUpsertReminder = R"~(
INSERT INTO call_reminders (call_id, channel, due_at) VALUES (?, ?, ?)
ON CONFLICT (call_id, channel) DO UPDATE SET due_at = excluded.due_at, sent_at = NULL, attempts = 0,
  last_error = NULL, claimed_until = NULL
WHERE call_reminders.due_at <> excluded.due_at)~";
constexpr std::string_view kDueReminders = R"~(
SELECT call_id, channel, due_at, attempts FROM call_reminders
WHERE sent_at IS NULL AND due_at <= ? AND attempts < ? AND (claimed_until IS NULL OR claimed_until <= ?)
ORDER BY channel = 'email', due_at LIMIT ?)~";
constexpr std::string_view kClaimReminder = R"~(
UPDATE call_reminders SET claimed_until = ?
WHERE call_id = ? AND channel = ? AND due_at = ? AND sent_at IS NULL
  AND (claimed_until IS NULL OR claimed_until <= ?))~";
constexpr std::string_view kReminderSent = R"~(
UPDATE call_reminders SET sent_at = ?, claimed_until = NULL, attempts = attempts + 1
WHERE call_id = ? AND channel = ? AND due_at = ? AND claimed_until = ?)~";
constexpr std::string_view kReminderFailed = R"~(
UPDATE call_reminders SET attempts = CASE WHEN ?1 IS NULL THEN ?2 ELSE attempts + 1 END, last_error = ?3,
  claimed_until = ?1
WHERE call_id = ?4 AND channel = ?5 AND due_at = ?6 AND claimed_until = ?7)~";

}  // namespace

void SyncReminders(db::Transaction& tx, std::int64_t call_id, const std::vector<std::pair<std::string, Millis>>& due) {
  nlohmann::json channels = nlohmann::json::array();
  for (const auto& [channel, at] : due) channels.push_back(channel);
  tx.Execute(kDropReminders, {call_id, channels.dump()});
  for (const auto& [channel, at] : due) tx.Execute(kUpsertReminder, {call_id, channel, at});
}

std::vector<ReminderRow> DueReminders(db::Transaction& tx, Millis now, std::int64_t limit) {
  std::vector<ReminderRow> out;
  tx.Query(kDueReminders, {now, kReminderTries, now, limit}, [&](const db::Row& r) {
    out.push_back({r.Int(0), r.Str(1), r.Int(2), static_cast<int>(r.Int(3))});
  });
  return out;
}

bool ClaimReminder(db::Transaction& tx, const ReminderRow& reminder, Millis now, Millis until) {
  return tx.Execute(kClaimReminder, {until, reminder.call_id, reminder.channel, reminder.due_at, now}) == 1;
}

bool MarkReminderSent(db::Transaction& tx, const ReminderRow& reminder, Millis claim, Millis now) {
  return tx.Execute(kReminderSent, {now, reminder.call_id, reminder.channel, reminder.due_at, claim}) == 1;
}

bool MarkReminderFailed(db::Transaction& tx, const ReminderRow& reminder, Millis claim, const std::string& error,
                        std::optional<Millis> retry_at) {
  return tx.Execute(kReminderFailed, {retry_at, kReminderTries, error, reminder.call_id, reminder.channel,
                                      reminder.due_at, claim}) == 1;
}

}  // namespace sen::calls::repo
