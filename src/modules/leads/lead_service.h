// Lead use cases. Each runs the same order: access check, input, defaults, rules (normalise,
// validate), duplicate check, save, audit - with the check and the save in one transaction.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/chunk_pipe.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/paging.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/audit/audit.h"
#include "modules/customfields/custom_field_service.h"
#include "modules/leads/activity_parent.h"
#include "modules/leads/lead.h"
#include "modules/leads/lead_import.h"
#include "modules/leads/lead_repository.h"
#include "modules/notifications/notification_service.h"
#include "modules/users/user_service.h"

namespace sen::leads {

// The leads a bulk action is for (L8, K2).
struct Selection {
  std::vector<std::int64_t> ids;      // selected rows, or
  std::optional<QueryParams> filter;  // everything the list filter matches
};

struct MassUpdateInput : Selection {
  nlohmann::json set = nlohmann::json::object();
  std::optional<std::string> action;  // "delete", "unassign" or "queue_assignment"
  std::optional<std::int64_t> rule_id;  // the rule a queue_assignment queues for
  bool dry_run = false;
};

struct MassUpdateResult {
  std::int64_t matched = 0;
  std::int64_t updated = 0;
  bool dry_run = false;
};

// Who gets a lead nobody chose (R3) or one taken from its owner (R4): set by the assignment
// module, which owns the rules.
class Assigner {
 public:
  struct Choice {
    std::int64_t user_id = 0;
    std::optional<std::int64_t> team_id;
    std::int64_t rule_id = 0;
  };
  virtual ~Assigner() = default;
  // The member of the first active rule matching `lead` who may take it now, `creator` first
  // when an ON member and the rule says so (a lead made one by one; none for an import or a lead
  // handed on), other than `exclude` (handing an owned lead on); the rule's turn state is saved
  // when `tx` commits.
  virtual std::optional<Choice> Choose(db::Transaction& tx, const Lead& lead, std::optional<std::int64_t> creator,
                                       std::optional<std::int64_t> exclude, Millis now) = 0;
  // R5: new owners for queued leads of one rule whose current owners are `owners`, in order,
  // picked in turn as if the leads came one by one (creator priority aside), each other than its
  // owner unless the owner is the only member who may take it; with `one_each`, no more than the
  // members who may take a lead now. Fewer when caps run out. 409 when the rule is gone or off.
  virtual Result<std::vector<Choice>> ChooseMany(db::Transaction& tx, std::int64_t rule_id,
                                                 std::span<const std::optional<std::int64_t>> owners, bool one_each,
                                                 Millis now) = 0;
  // Whether `p` may hand leads out through rule `rule_id` (queue leads for it, schedule or run
  // its job): 422 on `field` when there is no such rule, 403 when it names members of teams `p`
  // may not give leads to.
  virtual Status CheckMayHandOut(db::Transaction& tx, const Principal& p, std::int64_t rule_id,
                                 const std::string& field) = 0;
  // A lead rule `rule_id` gave `user_id` at `at` is gone for good (an import undone): when that
  // was today, it no longer counts against the member's daily cap.
  virtual void GiveBack(db::Transaction& tx, std::int64_t rule_id, std::int64_t user_id, Millis at, Millis now) = 0;
  // Whether an active rule is for `lead` (its campaign and source), whoever is free.
  virtual bool AnyRuleTakes(db::Transaction& tx, const Lead& lead) = 0;
};

// Why a lead's owner changed, as the assignment history records it (R7).
struct OwnerReason {
  std::string_view reason = "changed";
  std::optional<std::int64_t> rule_id;
  bool tell = true;  // false when the caller tells each new owner once for many leads
};

class LeadService : public ImportSink, public ActivityParent {
 public:
  // Answers the filter of a saved view the principal may use (set by whoever owns views).
  using ViewResolver = std::function<Result<QueryParams>(const Principal&, std::int64_t view_id)>;

  LeadService(db::Database& db, const Clock& clock, users::UserService& users,
              customfields::CustomFieldService& custom_fields);
  void SetViewResolver(ViewResolver resolver) { resolve_view_ = std::move(resolver); }
  void SetAssigner(Assigner* assigner) { assigner_ = assigner; }
  // Notifications: "lead_assigned" tells a new owner (other than who made the change),
  // "stalled_leads" the owners of leads left without care.
  void SetNotifier(notifications::NotificationService* notifier) { notifier_ = notifier; }
  // Sends the stalled-lead alerts' e-mails.
  void SetMailer(Mailer* mailer) { mailer_ = mailer; }
  // L3 beyond leads: `lead`'s duplicates among other records (targets), as DuplicateList gives
  // them (`before`: an edit's lead before it); set by whoever keeps them.
  using OtherDuplicates = std::function<nlohmann::json(db::Transaction&, const Lead& lead, const Lead* before)>;
  void SetOtherDuplicates(OtherDuplicates find) { other_duplicates_ = std::move(find); }

  Result<Lead> Create(const Principal& p, const nlohmann::json& input, bool allow_duplicate);
  Result<Lead> Get(const Principal& p, std::int64_t id);
  Result<Lead> Update(const Principal& p, std::int64_t id, const nlohmann::json& input, bool allow_duplicate);
  Status Delete(const Principal& p, std::int64_t id);
  Result<Lead> Restore(const Principal& p, std::int64_t id);
  // R4: the lead goes to another member of a matching rule (managers and admins).
  Result<Lead> Unassign(const Principal& p, std::int64_t id);
  // R4: a manager or admin picks the new owner.
  Result<Lead> Assign(const Principal& p, std::int64_t id, std::int64_t owner_id);
  // A2: the user moved to `team_id`; their open leads (not converted or dead) go with them, in
  // the caller's transaction, with a team_id audit row each.
  void MoveOpenLeadsToTeam(db::Transaction& tx, const Principal& by, std::int64_t owner_id,
                           std::optional<std::int64_t> team_id, Millis now);
  // R7: the lead's owner changes, newest first.
  Result<std::vector<repo::OwnerChangeEntry>> Assignments(const Principal& p, std::int64_t id);
  // `params` are the list's query parameters (filters, sort, view_id).
  Result<Page<Lead>> List(const Principal& p, const QueryParams& params, PageRequest page);
  // A filter as a saved view would store it: 422 naming what is wrong.
  Status CheckFilter(const Principal& p, const QueryParams& params);
  // The field registry with the active custom fields.
  nlohmann::json Meta();
  // A field of the registry or "custom.<name>" of an active custom field (column choices).
  bool IsField(std::string_view name);
  // L8: one transaction, one audit batch; a dry run does it all and rolls back.
  Result<MassUpdateResult> MassUpdate(const Principal& p, const MassUpdateInput& input);
  // The shape of a selection: ids or a filter, not both, at most 10,000 ids.
  static void CheckSelection(const Selection& selection, FieldErrors& errors);
  // The leads of `selection` that `p` sees (a filter with its saved view) become the targets of
  // repo's set-wise changes in `tx`; answers how many. 422 naming "filter.<key>" for a bad filter.
  Result<std::int64_t> SelectTargets(db::Transaction& tx, const Principal& p, const Selection& selection, Millis now);
  // The live leads import `import_id` created or matched that `p` sees, as repo's targets.
  std::int64_t SelectImportTargets(db::Transaction& tx, const Principal& p, std::int64_t import_id);
  // R5: hands the oldest queued leads of a rule to its members (`batch` of them, or one per
  // member who may take one when not given), a transaction per chunk; the history says "queue".
  // Answers what was given and what is left queued.
  struct Distribution {
    std::int64_t assigned = 0;
    std::int64_t left = 0;
  };
  Result<Distribution> DistributeQueued(std::int64_t rule_id, std::optional<std::int64_t> batch, Millis now);

  // P3 as a scheduled job (R6): tells each active owner of leads stalled `days` days how many
  // they have and which wait longest, by a live "stalled_leads" event and, when they have an
  // address, by e-mail (a refused address is skipped; after three failures in a row, or once the
  // clock reaches `send_until`, the run sends no more). It keeps no state: every run tells again.
  struct StalledRun {
    std::int64_t owners = 0;        // owners told
    std::int64_t leads = 0;         // their stalled leads
    std::int64_t email = 0;         // e-mails sent
    std::int64_t email_failed = 0;  // owners with an address who got none
    std::optional<Error> email_error;  // the last failure
  };
  StalledRun AlertStalled(std::int64_t days, Millis now, Millis send_until);

  // For activities on a lead (calls, notes), inside the caller's transaction: the live lead if
  // `p` may see it.
  Result<Lead> FindForActivity(db::Transaction& tx, const Principal& p, std::int64_t id) override;
  // The activity happened at `at`; `new_status` is the status a rule moves the lead to (C3).
  void RecordActivity(db::Transaction& tx, const Principal& p, const Lead& lead, Millis at,
                      const std::optional<std::string>& new_status, Millis now) override;
  // R7 for the timeline, inside its transaction (no access check): the newest `limit` owner
  // changes and how many there are.
  std::vector<repo::OwnerChangeEntry> OwnerChanges(db::Transaction& tx, std::int64_t id, std::int64_t limit);
  std::int64_t CountOwnerChanges(db::Transaction& tx, std::int64_t id);
  // The name shown next to a lead's id in other records (no access check: display only).
  std::optional<std::string> Name(db::Transaction& tx, std::int64_t id) override;

  // Import (I4-I8): see ImportSink.
  std::vector<ImportField> ImportFields() override;
  Result<ImportContext> BeginImport(db::Transaction& tx, const Principal& p, ImportSettings settings) override;
  Result<ImportRow> PrepareImportRow(db::Transaction& tx, const ImportContext& ctx,
                                     const std::vector<std::pair<std::string_view, std::string_view>>& cells,
                                     Millis now) override;
  Result<ImportDecision> ApplyImportRow(db::Transaction& tx, const ImportContext& ctx, ImportRow& row, bool write,
                                        Millis now) override;
  // A created lead nobody worked on also leaves the daily caps of the members rules gave it to.
  bool UndoImportItem(db::Transaction& tx, const Principal& p, ImportAction action, std::int64_t lead_id,
                      const nlohmann::json& before, const ImportRun& run, Millis now) override;

  // A2: the owner `record` names (a lead's or a target's) is active and `p` may give it to them;
  // the record joins the owner's team.
  Status ResolveOwner(db::Transaction& tx, const Principal& p, Lead& record);
  // Whose a new record is when `input` does not say: an agent's is theirs (unless they name an
  // owner, null included), a manager's is in their team.
  static void ApplyCreatorDefaults(const Principal& p, const nlohmann::json& input, Lead& record);

  // T3: the lead a converted target becomes, made as Create makes one in the caller's transaction
  // (without the duplicate check: the target was verified as this person); with no owner, the
  // rules give it one (R3). Its owner is not told: the caller tells each owner once
  // (TellNewOwners).
  Result<Lead> CreateFrom(db::Transaction& tx, const Principal& p, const nlohmann::json& input, Millis now);
  // After a change of many leads: each new owner (owner -> leads given), but the one who made it,
  // hears once how many they got.
  void TellNewOwners(db::Transaction& tx, const std::map<std::int64_t, std::int64_t>& given, std::string_view reason,
                     std::optional<std::int64_t> by);

  // I9: the list of `params` (filters, sort, view_id) as a csv or xlsx file made while it is
  // sent; `columns` (query key "columns", comma separated) with the ID first so the file can be
  // imported back; headers in `language`. Agents may not export.
  Result<StreamedFile> Export(const Principal& p, QueryParams params);

  // Inserts prepared leads in one transaction without duplicate checks (demo data, benchmarks).
  // Each lead is normalised first; the first invalid one aborts the batch.
  Status CreateBatch(const Principal& p, std::vector<Lead>& leads);

 private:
  // Create's steps up to the duplicate check: `input` checked and applied, the caller's defaults,
  // normalised, the owner checked (a New lead with an owner becomes Assigned).
  Result<Lead> NewLead(db::Transaction& tx, const Principal& p, const nlohmann::json& input,
                       const std::vector<customfields::CustomField>& custom_fields, Millis now);
  // R3: a lead with a mobile and no owner gets one from the first matching rule; returns the
  // rule. `status_given`: the input chose the status, so assignment does not change it.
  // `creator`: who goes first if an ON member (see Assigner::Choose). `creator_by_default`: its
  // owner is only its creator's default, which a rule replaces.
  std::optional<std::int64_t> AutoAssign(db::Transaction& tx, Lead& lead, bool status_given, Millis now,
                                         std::optional<std::int64_t> creator, bool creator_by_default = false);
  // Saves a new lead with its audit row and, when it has an owner, its first assignment (R7);
  // `tell`: the owner hears of it (see TellNewOwner).
  void InsertNew(db::Transaction& tx, const Principal& p, Lead& lead, std::optional<std::int64_t> rule_id,
                 bool tell = true);
  // Tells the lead's new owner when the transaction commits (not when they made the change).
  void TellNewOwner(db::Transaction& tx, const Principal& p, const Lead& lead, std::string_view reason);
  // R4: gives an owned lead to another member of a matching rule and saves it; nullopt (nothing
  // changed) when it has no owner, is not to be called or nobody else may take it. `tell`: the
  // new owner hears of it (else the caller tells them with TellNewOwners).
  std::optional<Lead> HandOn(db::Transaction& tx, const Principal& p, const Lead& before, Millis now, bool tell);
  // The live lead `p` may see, for a change.
  Result<Lead> LiveLead(db::Transaction& tx, const Principal& p, std::int64_t id);
  // Update's steps up to the duplicate check: `input` applied onto `before`, normalised, a new
  // owner checked.
  Result<Lead> ChangedLead(db::Transaction& tx, const Principal& p, const Lead& before, const nlohmann::json& input,
                           const std::vector<customfields::CustomField>& custom_fields, Millis now);
  // Saves `after` with an audit row per changed field, and a new owner in the assignment
  // history with `reason` (R7); returns the changes (none: nothing saved).
  std::vector<audit::Change> SaveChanges(db::Transaction& tx, const Principal& p, const Lead& before, Lead& after,
                                         Millis now, OwnerReason why = {});
  // Soft delete with its audit row.
  void Trash(db::Transaction& tx, const Principal& p, std::int64_t id, Millis now);
  Result<QueryParams> WithView(const Principal& p, const QueryParams& params);
  struct ListQuery {
    LeadFilter filter;
    LeadSort sort;
  };
  // The list's filter and sort from its parameters (the view's already merged), checked for `p`.
  Result<ListQuery> ParseListQuery(const Principal& p, const QueryParams& params,
                                   const std::vector<customfields::CustomField>& custom);

  db::Database& db_;
  const Clock& clock_;
  users::UserService& users_;
  customfields::CustomFieldService& custom_fields_;
  // L3: the 409's list, leads first, then other records'.
  nlohmann::json Duplicates(db::Transaction& tx, const Lead& lead, const Lead* before);

  ViewResolver resolve_view_;
  OtherDuplicates other_duplicates_;
  Assigner* assigner_ = nullptr;
  notifications::NotificationService* notifier_ = nullptr;
  Mailer* mailer_ = nullptr;
  db::ListCache lists_;
};

// L3's 409: `matches` of records of `type` ("lead", "target") as the answer lists them, and the
// error listing them all.
nlohmann::json DuplicateList(const std::vector<DuplicateMatch>& matches, std::string_view type);
Error DuplicateError(nlohmann::json list);

// R7: {"id","lead_id","from":{"id","full_name"}|null,"to":...,"by":...,"rule":{"id","name"}|null,
// "reason","at"}.
nlohmann::json ToJson(const repo::OwnerChangeEntry& entry);

// Deleted leads can be restored for this long (L14).
constexpr Millis kRestoreWindow = 30LL * 24 * 3600 * 1000;

}  // namespace sen::leads
