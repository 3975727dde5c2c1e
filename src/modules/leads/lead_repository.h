// The only code that runs SQL on leads and their search index.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/paging.h"
#include "db/list_cache.h"
#include "db/database.h"
#include "modules/audit/audit.h"
#include "modules/leads/lead.h"
#include "modules/leads/lead_filter.h"
#include "modules/leads/lead_rules.h"

namespace sen::leads {

namespace repo {

std::optional<Lead> Find(db::Transaction& tx, std::int64_t id);
std::int64_t Insert(db::Transaction& tx, const Lead& lead);
void Update(db::Transaction& tx, const Lead& lead, bool search_changed, bool tags_changed);
// A call or note happened at `at`; `status` (C3) changes the status too.
void RecordActivity(db::Transaction& tx, std::int64_t id, Millis at, const std::optional<std::string>& status, Millis now);
void SetDeleted(db::Transaction& tx, std::int64_t id, std::optional<Millis> deleted_at,
                std::optional<std::int64_t> deleted_by, Millis now);
// Whether anyone has worked on the lead since it was created: a call, a note, a change of any
// field.
bool WorkedOn(db::Transaction& tx, std::int64_t id);
// The fields of the lead changed by hand since `since` and after the first import write to it
// since then (an earlier hand edit is what that import overwrote), or by anyone after `after`
// (if given).
std::set<std::string> FieldsChangedSince(db::Transaction& tx, std::int64_t id, Millis since,
                                         std::optional<Millis> after);
// Removes the lead for good with its search document, audit trail and assignment history (its
// tags and queue entry go with it); for leads nobody has worked on (a failed import's). Its id
// is never given again.
void Purge(db::Transaction& tx, std::int64_t id);
// The owners rules gave lead `id` (rule, user, when), oldest first.
struct RuleGift {
  std::int64_t rule_id = 0;
  std::int64_t user_id = 0;
  Millis at = 0;
};
std::vector<RuleGift> RuleGifts(db::Transaction& tx, std::int64_t id);
// Live leads sharing a phone number (in either phone field) or the e-mail.
std::vector<DuplicateCandidate> FindDuplicateCandidates(db::Transaction& tx, const Lead& lead);
// The lookups of L3 on a table of people (leads, targets): SELECTs of one bound value whose first
// columns are a DuplicateCandidate's (id, full_name, name_fold, mobile, mobile_e164, phone_e164,
// email, owner_id). `fn` gets the rows with a phone of `record` in either field, then its e-mail.
struct DuplicateSql {
  std::string_view by_mobile, by_phone, by_email;
};
void ForEachDuplicateRow(db::Transaction& tx, const Lead& record, const DuplicateSql& sql,
                         const db::RowCallback& fn);
DuplicateCandidate ReadCandidate(const db::Row& r);
// Import matching (I4): the live leads with the lead's mobile (the mobile field's first, then the
// other phone's), else its e-mail, else its folded name - each only when asked for. The oldest
// two of the first that finds any (two: more than one is too many to update), and that field.
struct ImportMatch {
  std::vector<std::int64_t> ids;
  std::string_view field;
};
ImportMatch FindMatch(db::Transaction& tx, const Lead& lead, bool mobile, bool email, bool name);
// The same on another table of people: its SELECTs of ids (one bound value, oldest first, two).
struct MatchSql {
  std::string_view by_mobile, by_phone, by_email, by_name;
};
ImportMatch FindMatch(db::Transaction& tx, const Lead& record, bool mobile, bool email, bool name,
                      const MatchSql& sql);
// `counts` keeps totals between pages of the same filter while no lead changes.
// Mass update (L8). Selects the leads of `filter` (or its `ids`) within `scope` as the targets
// of the following calls; returns how many.
std::int64_t SelectTargets(db::Transaction& tx, const LeadFilter& filter, const LeadScope& scope);
// The selected targets' ids, in id order.
std::vector<std::int64_t> TargetIds(db::Transaction& tx);
// K2: the live members of a list that `scope` sees.
std::int64_t CountListMembers(db::Transaction& tx, std::int64_t list_id, const LeadScope& scope);
// K1: per campaign of `ids`, its live leads that `scope` sees, and how many of them are customers.
struct CampaignCounts {
  std::int64_t leads = 0;
  std::int64_t customers = 0;
};
std::unordered_map<std::int64_t, CampaignCounts> CountByCampaign(db::Transaction& tx, const std::vector<std::int64_t>& ids,
                                                                 const LeadScope& scope);
// K2: the targets join target list `list_id`, except those not to be contacted or in the trash.
struct ListAddition {
  std::int64_t added = 0;
  std::int64_t already = 0;         // were in it
  std::int64_t do_not_contact = 0;  // left out
};
ListAddition AddTargetsToList(db::Transaction& tx, std::int64_t list_id);
// The targets leave the list; how many were in it.
std::int64_t RemoveTargetsFromList(db::Transaction& tx, std::int64_t list_id);
// After a change of membership the repository does not make itself (a list deleted): lead lists
// filtered by a list count again.
void ListsChanged(db::Transaction& tx);
std::int64_t NewAuditBatch(db::Transaction& tx, const audit::Actor& actor, std::string_view description, Millis now);
// Whether the owner has open leads (not converted or dead, in the trash too) in another team.
bool HasOpenLeadsOutsideTeam(db::Transaction& tx, std::int64_t owner_id, std::optional<std::int64_t> team_id);
// Those leads into `team_id`, with an audit row each in `batch`; returns how many moved.
std::int64_t MoveOpenLeadsToTeam(db::Transaction& tx, std::int64_t owner_id, std::optional<std::int64_t> team_id,
                                 const audit::Actor& actor, std::int64_t batch, Millis now);
// The open targets into their active owner's team where they are not in it (reopened ones), with
// an audit row each in `batch`.
void TargetsToOwnersTeams(db::Transaction& tx, const audit::Actor& actor, std::int64_t batch, Millis now);
// One column a mass update sets: its new value, and that value as the audit trail writes it.
struct TargetChange {
  std::string_view column;
  db::Param value;
  std::optional<std::string> audit_value;
};
// Sets the columns on the targets where any differs, in one pass over their rows (every row
// rewrite touches the list indexes), after one audit row per target and changed column. With
// `assign_new`, New targets become Assigned as well (L10: they are getting an owner).
void SetOnTargets(db::Transaction& tx, const std::vector<TargetChange>& changes, bool assign_new,
                  const audit::Actor& actor, std::int64_t batch, Millis now);
// Changes the tags of each target: `set` replaces them, then `add` and `remove` apply.
void ChangeTargetTags(db::Transaction& tx, const std::optional<std::vector<std::string>>& set,
                      const std::vector<std::string>& add, const std::vector<std::string>& remove,
                      const audit::Actor& actor, std::int64_t batch, Millis now);
void DeleteTargets(db::Transaction& tx, const audit::Actor& actor, std::int64_t batch, Millis now);
// R7: the owner of the targets that will change to `to`, recorded before SetOnTargets.
void RecordTargetsOwnerChange(db::Transaction& tx, std::optional<std::int64_t> to, std::optional<std::int64_t> by,
                              Millis now);
// R5: a queue's batch, each lead to its own new owner.
struct OwnerPick {
  std::int64_t lead_id = 0;
  std::int64_t owner_id = 0;
  std::optional<std::int64_t> team_id;
};
// Makes the picked leads the targets and gives each its owner (New ones become Assigned) in one
// pass over their rows, after one audit row per changed column and one history row per owner
// change ("queue", `rule_id`).
void GiveTargets(db::Transaction& tx, const std::vector<OwnerPick>& picks, std::int64_t rule_id,
                 const audit::Actor& actor, std::int64_t batch, Millis now);

// R5: queues the open targets (not converted or dead, not do-not-contact) for `rule_id` (a lead
// queued for another rule moves to this one, at the back; one queued for this rule keeps its
// place), with an audit row ("queue", the rule's name) for each that moves; returns how many rows
// changed.
std::int64_t QueueTargets(db::Transaction& tx, std::int64_t rule_id, const audit::Actor& actor, std::int64_t batch,
                          Millis now);
// The rule's oldest `limit` queued leads that are still live and open, with their owners.
struct QueuedLead {
  std::int64_t id = 0;
  std::optional<std::int64_t> owner_id;
};
std::vector<QueuedLead> QueuedLeads(db::Transaction& tx, std::int64_t rule_id, std::int64_t limit);
std::int64_t CountQueued(db::Transaction& tx, std::int64_t rule_id);
// Takes the targets, or one lead, out of the queue.
void DequeueTargets(db::Transaction& tx);
void Dequeue(db::Transaction& tx, std::int64_t lead_id);

// P3: open leads (not converted or dead, not do-not-contact) whose last activity, or creation
// when they have none, is before `cutoff` and that were not given to anyone since: how many each
// owner has, and an owner's oldest.
std::vector<std::pair<std::int64_t, std::int64_t>> StalledByOwner(db::Transaction& tx, Millis cutoff);
std::vector<StalledLead> OldestStalled(db::Transaction& tx, std::int64_t owner_id, Millis cutoff, std::int64_t limit);

// R7: one change of a lead's owner.
struct OwnerChange {
  std::int64_t lead_id = 0;
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
  std::optional<std::int64_t> rule_id;
  std::optional<std::int64_t> by;  // the user who made it (none: a rule or the system)
  std::string reason;              // created, rule, changed, unassign, reassign, import, mass_update
  Millis at = 0;
};
struct OwnerChangeEntry {
  std::int64_t id = 0;
  OwnerChange change;
  std::optional<std::string> from_name, to_name, by_name, rule_name;
};
void InsertOwnerChange(db::Transaction& tx, const OwnerChange& change);
// A lead's owner changes, newest first.
std::vector<OwnerChangeEntry> OwnerChanges(db::Transaction& tx, std::int64_t lead_id, std::int64_t limit);
std::int64_t CountOwnerChanges(db::Transaction& tx, std::int64_t lead_id);

// Records the figures on the batch: the leads its audit rows name. Those rows are the last in the
// audit log (one transaction writes them after NewAuditBatch), so they are read from the end; not
// by `updated_at`, which a change in the same millisecond shares.
std::int64_t FinishAuditBatch(db::Transaction& tx, std::int64_t batch, std::int64_t matched);

// Every lead of the filter in the list's order, one at a time (exports), with only the named
// columns of leads read: the rest of the Lead stays empty. The same Lead is passed each time.
void ForEach(db::Transaction& tx, const LeadFilter& filter, const LeadScope& scope, const LeadSort& sort,
             std::span<const std::string_view> columns, const std::function<void(const Lead&)>& fn);

Page<Lead> List(db::Transaction& tx, const LeadFilter& filter, const LeadScope& scope, const LeadSort& sort,
                PageRequest page, db::ListCache& cache);

}  // namespace repo
}  // namespace sen::leads
