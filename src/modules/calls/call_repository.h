// The only code that runs SQL on calls.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/paging.h"
#include "db/database.h"
#include "modules/calls/call.h"

namespace sen::calls {

struct CallFilter {
  std::optional<std::string> parent_type;
  std::optional<std::int64_t> parent_id;
  std::optional<std::int64_t> owner_id;
  std::optional<std::string> status;
  std::optional<std::string> result;
  std::optional<Millis> from;  // start_at >= from
  std::optional<Millis> to;    // start_at < to
  // Whose calls the caller sees without a parent: everyone's (empty) or these owners'.
  std::optional<std::vector<std::int64_t>> only_owners;
  bool ascending = false;
};

namespace repo {

std::optional<Call> Find(db::Transaction& tx, std::int64_t id);
std::int64_t Insert(db::Transaction& tx, const Call& call);
void Update(db::Transaction& tx, const Call& call);
void Delete(db::Transaction& tx, std::int64_t id);
Page<Call> List(db::Transaction& tx, const CallFilter& filter, PageRequest page);
// The newest `limit` calls of a record, and how many it has.
std::vector<Call> Latest(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id, std::int64_t limit);
std::int64_t Count(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id);

// C4: the call's reminders as `due` says (the RemindersOf the call): a reminder whose time did
// not change keeps its state (sent stays sent), a moved one is due again, one no longer asked
// for goes.
struct ReminderRow {
  std::int64_t call_id = 0;
  std::string channel;
  Millis due_at = 0;
  int tries = 0;  // failed so far
};
void SyncReminders(db::Transaction& tx, std::int64_t call_id, const std::vector<std::pair<std::string, Millis>>& due);
// Unsent, unclaimed reminders due by `now` with tries left: popups first, then oldest first.
std::vector<ReminderRow> DueReminders(db::Transaction& tx, Millis now, std::int64_t limit);
// Claims the reminder until `until` if it is still unsent, unclaimed and due at the time read
// (the call was not moved meanwhile); true when this run has it.
bool ClaimReminder(db::Transaction& tx, const ReminderRow& reminder, Millis now, Millis until);
// Both mark the reminder only while this run's `claim` (the `until` it claimed) holds: not when
// its call changed since (another due time, or another owner, which gives the claim back).
// False when the reminder is gone, due at another time or no longer this run's.
bool MarkReminderSent(db::Transaction& tx, const ReminderRow& reminder, Millis claim, Millis now);
// A failed try holds the reminder back until `retry_at`; without one, no more tries.
bool MarkReminderFailed(db::Transaction& tx, const ReminderRow& reminder, Millis claim, const std::string& error,
                        std::optional<Millis> retry_at);

}  // namespace repo
}  // namespace sen::calls
