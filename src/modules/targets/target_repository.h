// The only code that runs SQL on targets and their search index. A target is held in a
// leads::Lead (see lead.h).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "db/database.h"
#include "modules/leads/lead.h"
#include "modules/leads/lead_filter.h"
#include "modules/leads/lead_repository.h"
#include "modules/leads/lead_rules.h"

namespace sen::targets {

using leads::Lead;

// Lists take the lead list's filter and sort, of the keys a target has (the service refuses the
// others): q, status, owner_id, source, campaign_id, province, tag, created_from/to,
// do_not_contact, and the ids of a mass update.
using leads::LeadFilter;
using leads::LeadSort;

namespace repo {

std::optional<Lead> Find(db::Transaction& tx, std::int64_t id);
std::int64_t Insert(db::Transaction& tx, const Lead& target);
void Update(db::Transaction& tx, const Lead& target, bool search_changed);
void SetDeleted(db::Transaction& tx, std::int64_t id, std::optional<Millis> deleted_at,
                std::optional<std::int64_t> deleted_by, Millis now);
// A call happened at `at`; `status` (T2) changes the status too.
void RecordActivity(db::Transaction& tx, std::int64_t id, Millis at,
                    const std::optional<std::string>& status, Millis now);
// Removes a target nobody has worked on for good (an undone import's), with its search document
// and audit trail.
void Purge(db::Transaction& tx, std::int64_t id);
bool WorkedOn(db::Transaction& tx, std::int64_t id);
// Live targets sharing a phone number (in either phone field) or the e-mail with `record`, but
// target `except` (the one being edited); with `untransferred`, not those a lead stands for.
std::vector<leads::DuplicateCandidate> FindDuplicateCandidates(db::Transaction& tx,
                                                               const Lead& record,
                                                               std::optional<std::int64_t> except,
                                                               bool untransferred);
// Import matching, as leads::repo::FindMatch does for leads.
leads::repo::ImportMatch FindMatch(db::Transaction& tx, const Lead& target, bool mobile, bool email,
                                   bool name);
Page<Lead> List(db::Transaction& tx, const LeadFilter& filter, const leads::LeadScope& scope,
                const LeadSort& sort, PageRequest page);
// Every target of the filter in the list's order (exports, mass updates).
void ForEach(db::Transaction& tx, const LeadFilter& filter, const leads::LeadScope& scope,
             const LeadSort& sort, const std::function<void(const Lead&)>& fn);
std::optional<std::string> Name(db::Transaction& tx, std::int64_t id);
// K1: live targets per campaign (for the campaign's "in use" check).
std::int64_t CountByCampaign(db::Transaction& tx, std::int64_t campaign_id);

}  // namespace repo
}  // namespace sen::targets
