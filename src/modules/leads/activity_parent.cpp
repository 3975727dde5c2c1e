#include "modules/leads/activity_parent.h"

#include "modules/audit/audit.h"
#include "modules/leads/lead_rules.h"

namespace sen::leads {

Result<Lead> ActivityRecord(std::optional<Lead> record, const Principal& p, std::string_view type,
                            std::int64_t id) {
  const std::string number = std::to_string(id);
  if (!record || record->deleted_at) {
    return Error::Field("parent_id", "no " + std::string(type) + " has id " + number, "not_found");
  }
  if (!CanSee(p, *record))
    return Error::Forbidden("you do not have access to " + std::string(type) + " " + number);
  return std::move(*record);
}

std::optional<std::string> ChangedStatus(const Lead& record,
                                         const std::optional<std::string>& new_status) {
  return new_status && *new_status != record.status ? new_status : std::nullopt;
}

void AuditStatusByRule(db::Transaction& tx, const Principal& p, std::string_view type,
                       const Lead& record, const std::string& new_status, Millis now) {
  audit::Actor actor{p.user_id > 0 ? std::optional(p.user_id) : std::nullopt, Channel::kRule};
  audit::Record(tx, actor, type, record.id, {{"update", "status", record.status, new_status}}, now);
}

}  // namespace sen::leads
