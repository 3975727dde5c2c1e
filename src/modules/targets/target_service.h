// Target use cases (T1-T5): the lead's order (access, input, defaults, normalise, duplicates,
// save, audit), on the targets table, with verification by calls (T2) and conversion (T3).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/chunk_pipe.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/paging.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/customfields/custom_field_service.h"
#include "modules/leads/activity_parent.h"
#include "modules/leads/lead_import.h"
#include "modules/leads/lead_service.h"
#include "modules/notifications/notification_service.h"
#include "modules/targets/target_repository.h"
#include "modules/users/user_service.h"

namespace sen::targets {

struct ConvertResult {
  std::int64_t converted = 0;
  std::vector<std::int64_t> lead_ids;
  std::int64_t skipped = 0;  // selected but not in Wait for deliver, or not a valid lead
  // Why a verified target could not become a lead (a custom field leads require, ...).
  struct Problem {
    std::int64_t target_id = 0;
    std::string full_name;
    FieldError error;
  };
  std::vector<Problem> problems;
};

class TargetService : public leads::ActivityParent, public leads::ImportSink {
 public:
  TargetService(db::Database& db, const Clock& clock, users::UserService& users,
                customfields::CustomFieldService& custom_fields, leads::LeadService& leads);

  // T4 like leads: "target_assigned" tells a new owner (other than who made the change), once per
  // change ({"target_id","full_name"}) or per mass update ({"count"}).
  void SetNotifier(notifications::NotificationService* notifier) { notifier_ = notifier; }

  Result<Lead> Create(const Principal& p, const nlohmann::json& input, bool allow_duplicate);
  Result<Lead> Get(const Principal& p, std::int64_t id);
  Result<Lead> Update(const Principal& p, std::int64_t id, const nlohmann::json& input,
                      bool allow_duplicate);
  // Soft delete (managers and admins); restorable for 30 days (L14, the list's deleted=true).
  Status Delete(const Principal& p, std::int64_t id);
  Result<Lead> Restore(const Principal& p, std::int64_t id);
  Result<Page<Lead>> List(const Principal& p, const leads::QueryParams& params, PageRequest page);
  // The field registry (TargetFields) with the active custom fields (the leads', which a
  // converted target carries over).
  nlohmann::json Meta();
  // T4: `set` (owner_id, status, source, campaign_id, tags) or action "delete" on the selection,
  // each target changed as Update changes it, in one transaction; managers, marketers, admins.
  Result<leads::MassUpdateResult> MassUpdate(const Principal& p,
                                             const leads::MassUpdateInput& input);
  // T3: the selected targets in Wait for deliver become leads (fields copied, owner `owner_id`,
  // else the target's if still active, else the rules'), and Transferred with the lead's id. One
  // that would be no valid lead stays, skipped, with its problem.
  Result<ConvertResult> Convert(const Principal& p, const leads::Selection& selection,
                                std::optional<std::int64_t> owner_id);
  // T5/I9: the list of `params` as a csv or xlsx file (format, columns, lang as for leads).
  Result<StreamedFile> Export(const Principal& p, leads::QueryParams params);

  // L3 for a lead: the targets it duplicates, as the 409 lists them; transferred ones are left
  // to their leads.
  nlohmann::json DuplicatesOfLead(db::Transaction& tx, const Lead& lead, const Lead* before);

  // ActivityParent (T2).
  Result<Lead> FindForActivity(db::Transaction& tx, const Principal& p, std::int64_t id) override;
  void RecordActivity(db::Transaction& tx, const Principal& p, const Lead& target, Millis at,
                      const std::optional<std::string>& new_status, Millis now) override;
  std::optional<std::string> Name(db::Transaction& tx, std::int64_t id) override;

  // ImportSink (T5). Targets are not handed out by rules: auto_assign is refused.
  std::vector<leads::ImportField> ImportFields() override;
  Result<leads::ImportContext> BeginImport(db::Transaction& tx, const Principal& p,
                                           leads::ImportSettings settings) override;
  Result<leads::ImportRow> PrepareImportRow(
      db::Transaction& tx, const leads::ImportContext& ctx,
      const std::vector<std::pair<std::string_view, std::string_view>>& cells, Millis now) override;
  Result<leads::ImportDecision> ApplyImportRow(db::Transaction& tx, const leads::ImportContext& ctx,
                                               leads::ImportRow& row, bool write,
                                               Millis now) override;
  bool UndoImportItem(db::Transaction& tx, const Principal& p, leads::ImportAction action,
                      std::int64_t id, const nlohmann::json& before, const leads::ImportRun& run,
                      Millis now) override;

 private:
  // Create's steps up to the duplicate check.
  Result<Lead> NewTarget(db::Transaction& tx, const Principal& p, const nlohmann::json& input,
                         const std::vector<customfields::CustomField>& custom, Millis now);
  // Update's steps up to the duplicate check.
  Result<Lead> ChangedTarget(db::Transaction& tx, const Principal& p, const Lead& before,
                             const nlohmann::json& input,
                             const std::vector<customfields::CustomField>& custom, Millis now);
  // L3 over targets and leads (a target's own lead aside); `before` on an edit.
  nlohmann::json Duplicates(db::Transaction& tx, const Lead& target, const Lead* before);
  void InsertNew(db::Transaction& tx, const Principal& p, Lead& target);
  // Saves `after` with an audit row per changed field; returns the changes.
  std::vector<audit::Change> SaveChanges(db::Transaction& tx, const Principal& p,
                                         const Lead& before, Lead& after, Millis now);
  Result<Lead> LiveTarget(db::Transaction& tx, const Principal& p, std::int64_t id);
  void TellNewOwner(db::Transaction& tx, const Principal& p, std::optional<std::int64_t> owner,
                    nlohmann::json data);
  struct ListQuery {
    leads::LeadFilter filter;
    leads::LeadSort sort;
  };
  Result<ListQuery> ParseListQuery(const Principal& p, const leads::QueryParams& params,
                                   const std::vector<customfields::CustomField>& custom);
  // The live targets of a selection that `p` sees, in id order.
  Result<std::vector<Lead>> Selected(db::Transaction& tx, const Principal& p,
                                     const leads::Selection& selection);

  db::Database& db_;
  const Clock& clock_;
  users::UserService& users_;
  customfields::CustomFieldService& custom_fields_;
  leads::LeadService& leads_;
  notifications::NotificationService* notifier_ = nullptr;
};

nlohmann::json TargetJson(const Lead& target);

}  // namespace sen::targets
