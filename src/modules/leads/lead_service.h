// Lead use cases. Each runs the same order: access check, input, defaults, rules (normalise,
// validate), duplicate check, save, audit - with the check and the save in one transaction.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/paging.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/audit/audit.h"
#include "modules/leads/lead.h"
#include "modules/leads/lead_repository.h"
#include "modules/users/user_service.h"

namespace sen::leads {

struct TimelineEntry {
  audit::Entry entry;
  std::optional<std::string> user_name;
};

class LeadService {
 public:
  LeadService(db::Database& db, const Clock& clock, users::UserService& users);

  Result<Lead> Create(const Principal& p, const nlohmann::json& input, bool allow_duplicate);
  Result<Lead> Get(const Principal& p, std::int64_t id);
  Result<Lead> Update(const Principal& p, std::int64_t id, const nlohmann::json& input, bool allow_duplicate);
  Status Delete(const Principal& p, std::int64_t id);
  Result<Lead> Restore(const Principal& p, std::int64_t id);
  Result<Page<Lead>> List(const Principal& p, const LeadFilter& filter, const LeadSort& sort, PageRequest page);
  Result<Page<TimelineEntry>> Timeline(const Principal& p, std::int64_t id, PageRequest page);

  // Inserts prepared leads in one transaction without duplicate checks (demo data, benchmarks).
  // Each lead is normalised first; the first invalid one aborts the batch.
  Status CreateBatch(const Principal& p, std::vector<Lead>& leads);

 private:
  Status ResolveOwner(db::Transaction& tx, const Principal& p, Lead& lead);

  db::Database& db_;
  const Clock& clock_;
  users::UserService& users_;
  db::CountCache counts_;
};

// Deleted leads can be restored for this long (L14).
constexpr Millis kRestoreWindow = 30LL * 24 * 3600 * 1000;

}  // namespace sen::leads
