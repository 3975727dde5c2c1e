// The only code that runs SQL on leads and their search index.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "db/count_cache.h"
#include "db/database.h"
#include "modules/leads/lead.h"
#include "modules/leads/lead_rules.h"

namespace sen::leads {

struct LeadFilter {
  std::optional<std::string> q;
  std::vector<std::string> status;
  std::vector<std::string> stage;
  std::optional<std::int64_t> owner_id;
  bool unassigned = false;  // owner_id=none
  std::optional<std::int64_t> team_id;
  std::vector<std::string> source;
  std::optional<std::string> medium;
  std::optional<std::int64_t> campaign_id;
  std::optional<std::string> province;
  std::optional<Millis> created_from;  // inclusive
  std::optional<Millis> created_to;    // exclusive
  std::optional<bool> do_not_contact;
  bool deleted = false;  // the trash instead of live leads
};

struct LeadSort {
  std::string_view column = "created_at";
  bool descending = true;
};

namespace repo {

std::optional<Lead> Find(db::Transaction& tx, std::int64_t id);
std::int64_t Insert(db::Transaction& tx, const Lead& lead);
void Update(db::Transaction& tx, const Lead& lead, bool search_changed);
void SetDeleted(db::Transaction& tx, std::int64_t id, std::optional<Millis> deleted_at,
                std::optional<std::int64_t> deleted_by, Millis now);
// Live leads sharing a phone number (in either phone field) or the e-mail.
std::vector<DuplicateCandidate> FindDuplicateCandidates(db::Transaction& tx, const Lead& lead);
// `counts` keeps totals between pages of the same filter while no lead changes.
Page<Lead> List(db::Transaction& tx, const LeadFilter& filter, const LeadScope& scope, const LeadSort& sort,
                PageRequest page, db::CountCache& counts);

}  // namespace repo
}  // namespace sen::leads
