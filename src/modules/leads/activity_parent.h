// A record calls and notes hang on (C1, C5): a lead, or a target (T2). Both are held in a Lead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/leads/lead.h"

namespace sen::leads {

class ActivityParent {
 public:
  virtual ~ActivityParent() = default;
  // The live record if `p` may see it: 422 on "parent_id" when there is none, 403 when hidden.
  virtual Result<Lead> FindForActivity(db::Transaction& tx, const Principal& p,
                                       std::int64_t id) = 0;
  // A call or note happened at `at`; `new_status` is the status a completed call moves it to.
  virtual void RecordActivity(db::Transaction& tx, const Principal& p, const Lead& record,
                              Millis at, const std::optional<std::string>& new_status,
                              Millis now) = 0;
  // The name shown next to the record's id elsewhere (no access check: display only).
  virtual std::optional<std::string> Name(db::Transaction& tx, std::int64_t id) = 0;
};

// Shared by the parents: `record` (as found by id) if live and seen by `p`, answered as
// FindForActivity says; the status `new_status` changes `record` to, if any; the audit row of a
// status a call's rule changed (C3, T2), by "rule" for the user who logged the call.
Result<Lead> ActivityRecord(std::optional<Lead> record, const Principal& p, std::string_view type,
                            std::int64_t id);
std::optional<std::string> ChangedStatus(const Lead& record,
                                         const std::optional<std::string>& new_status);
void AuditStatusByRule(db::Transaction& tx, const Principal& p, std::string_view type,
                       const Lead& record, const std::string& new_status, Millis now);

}  // namespace sen::leads
