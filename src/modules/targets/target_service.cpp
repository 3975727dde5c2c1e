// Target use cases; see target_service.h.
#include "modules/targets/target_service.h"

#include <algorithm>
#include <array>
#include <map>

#include "modules/audit/audit.h"
#include "modules/campaigns/campaign_repository.h"
#include "modules/leads/lead_export.h"
#include "modules/leads/lead_fields.h"
#include "modules/leads/lead_rules.h"

namespace sen::targets {

namespace {

using json = nlohmann::json;
using leads::FieldDef;
using leads::TargetFields;

// The list filters a target has (the lead list's others are refused).
constexpr std::array<std::string_view, 12> kFilters = {
    "q",   "status",       "owner_id",   "source", "medium", "campaign_id", "province",
    "tag", "created_from", "created_to", "deleted", "lead_id"};

// The fields a converted target gives its lead (T3); the owner is chosen apart.
constexpr std::array<std::string_view, 19> kLeadFields = {
    "full_name",   "mobile",           "phone",   "email",       "company", "title",
    "gender",      "birthday",         "address", "province",    "source",  "medium",
    "campaign_id", "product_interest", "tags",    "description", "custom",  "do_not_contact",
    "dnc_reason"};

std::optional<std::int64_t> UserIdOf(const Principal& p) {
  return p.user_id > 0 ? std::optional(p.user_id) : std::nullopt;
}

std::vector<audit::Change> Diff(const Lead& before, const Lead& after) {
  return leads::DiffFields(before, after, TargetFields());
}

Error NotFound(std::int64_t id) {
  return Error::NotFound("no target has id " + std::to_string(id));
}

// Transferred is what conversion makes a target, never a choice.
Status CheckStatusInput(const json& input) {
  if (input.value("status", json()) == "transferred") {
    return Error::Field("status", "becomes transferred only by converting the target to a lead",
                        "convert_only");
  }
  return {};
}

}  // namespace

nlohmann::json TargetJson(const Lead& target) { return leads::ToJson(target, TargetFields()); }

TargetService::TargetService(db::Database& db, const Clock& clock, users::UserService& users,
                             customfields::CustomFieldService& custom_fields,
                             leads::LeadService& leads)
    : db_(db), clock_(clock), users_(users), custom_fields_(custom_fields), leads_(leads) {}

Result<Lead> TargetService::NewTarget(db::Transaction& tx, const Principal& p, const json& input,
                                      const std::vector<customfields::CustomField>& custom,
                                      Millis now) {
  Lead target;
  target.status = "raw";
  target.stage.clear();
  // The custom fields leads require are asked for when the target becomes one (Convert), not of
  // bought data.
  Status applied =
      Merged(CheckStatusInput(input),
             leads::ApplyInput(target, input, {"allow_duplicate"}, custom, false, TargetFields()));
  leads::LeadService::ApplyCreatorDefaults(p, input, target);
  if (auto checked = Merged(std::move(applied), leads::NormaliseLead(target, now)); !checked) {
    return std::move(checked).error();
  }
  if (auto campaign = campaigns::repo::Check(tx, target.campaign_id, "campaign_id"); !campaign) {
    return std::move(campaign).error();
  }
  target.created_by = UserIdOf(p);
  target.created_at = target.updated_at = now;
  if (target.owner_id) {
    if (auto owner = leads_.ResolveOwner(tx, p, target); !owner) return std::move(owner).error();
  }
  return target;
}

Result<Lead> TargetService::ChangedTarget(db::Transaction& tx, const Principal& p,
                                          const Lead& before, const json& input,
                                          const std::vector<customfields::CustomField>& custom,
                                          Millis now) {
  Lead after = before;
  Status applied =
      Merged(CheckStatusInput(input),
             leads::ApplyInput(after, input, {"allow_duplicate"}, custom, false, TargetFields()));
  if (before.status == "transferred" && input.contains("status") && after.status != before.status) {
    applied = Merged(std::move(applied),
                     Error::Field("status", "a transferred target is a lead now", "transferred"));
  }
  if (auto checked = Merged(std::move(applied), leads::NormaliseLead(after, now)); !checked) {
    return std::move(checked).error();
  }
  if (after.campaign_id != before.campaign_id) {
    if (auto campaign = campaigns::repo::Check(tx, after.campaign_id, "campaign_id"); !campaign) {
      return std::move(campaign).error();
    }
  }
  if (after.owner_id != before.owner_id) {
    if (auto owner = leads_.ResolveOwner(tx, p, after); !owner) return std::move(owner).error();
  }
  return after;
}

json TargetService::Duplicates(db::Transaction& tx, const Lead& target, const Lead* before) {
  json list = leads::DuplicateList(
      leads::MatchDuplicates(target, repo::FindDuplicateCandidates(tx, target, target.id, false),
                             before),
      "target");
  auto lead_candidates = leads::repo::FindDuplicateCandidates(tx, target);
  std::erase_if(lead_candidates,
                [&](const leads::DuplicateCandidate& c) { return c.id == target.lead_id; });
  for (auto& d :
       leads::DuplicateList(leads::MatchDuplicates(target, lead_candidates, before), "lead")) {
    list.push_back(std::move(d));
  }
  return list;
}

json TargetService::DuplicatesOfLead(db::Transaction& tx, const Lead& lead, const Lead* before) {
  return leads::DuplicateList(
      leads::MatchDuplicates(lead, repo::FindDuplicateCandidates(tx, lead, std::nullopt, true),
                             before),
      "target");
}

void TargetService::InsertNew(db::Transaction& tx, const Principal& p, Lead& target) {
  target.id = repo::Insert(tx, target);
  audit::Record(tx, audit::ActorOf(p), "target", target.id,
                {{"create", std::nullopt, std::nullopt, target.full_name}}, target.created_at);
}

std::vector<audit::Change> TargetService::SaveChanges(db::Transaction& tx, const Principal& p,
                                                      const Lead& before, Lead& after, Millis now) {
  auto changes = Diff(before, after);
  if (changes.empty()) return changes;
  after.updated_at = now;
  repo::Update(tx, after, leads::SearchKeysChanged(before, after));
  audit::Record(tx, audit::ActorOf(p), "target", after.id, changes, now);
  return changes;
}

void TargetService::TellNewOwner(db::Transaction& tx, const Principal& p,
                                 std::optional<std::int64_t> owner, json data) {
  if (notifier_ && owner && *owner != p.user_id)
    notifier_->Notify(tx, *owner, "target_assigned", std::move(data));
}

Result<Lead> TargetService::LiveTarget(db::Transaction& tx, const Principal& p, std::int64_t id) {
  auto target = repo::Find(tx, id);
  if (!target || target->deleted_at) return NotFound(id);
  if (!leads::CanSee(p, *target))
    return Error::Forbidden("you do not have access to target " + std::to_string(id));
  return *target;
}

Result<Lead> TargetService::Create(const Principal& p, const json& input, bool allow_duplicate) {
  auto tx = db_.BeginWrite();
  const Millis now = clock_.Now();
  auto target = NewTarget(*tx, p, input, custom_fields_.Active(*tx, "leads"), now);
  if (!target) return target;
  if (!allow_duplicate) {
    if (auto list = Duplicates(*tx, *target, nullptr); !list.empty())
      return leads::DuplicateError(std::move(list));
  }
  InsertNew(*tx, p, *target);
  tx->Commit();
  return target;
}

Result<Lead> TargetService::Get(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginRead();
  return LiveTarget(*tx, p, id);
}

Result<Lead> TargetService::Update(const Principal& p, std::int64_t id, const json& input,
                                   bool allow_duplicate) {
  auto tx = db_.BeginWrite();
  const Millis now = clock_.Now();
  auto before = LiveTarget(*tx, p, id);
  if (!before) return before;
  auto after = ChangedTarget(*tx, p, *before, input, custom_fields_.Active(*tx, "leads"), now);
  if (!after) return after;
  if (!allow_duplicate) {
    if (auto list = Duplicates(*tx, *after, &*before); !list.empty())
      return leads::DuplicateError(std::move(list));
  }
  SaveChanges(*tx, p, *before, *after, now);
  if (after->owner_id != before->owner_id) {
    TellNewOwner(*tx, p, after->owner_id, {{"target_id", id}, {"full_name", after->full_name}});
  }
  tx->Commit();
  return after;
}

Status TargetService::Delete(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginWrite();
  const Millis now = clock_.Now();
  auto target = LiveTarget(*tx, p, id);
  if (!target) return std::move(target).error();
  if (!leads::CanDelete(p, *target))
    return Error::Forbidden("only managers and admins delete targets");
  repo::SetDeleted(*tx, id, now, UserIdOf(p), now);
  audit::Record(*tx, audit::ActorOf(p), "target", id,
                {{"delete", std::nullopt, std::nullopt, std::nullopt}}, now);
  tx->Commit();
  return {};
}

Result<Lead> TargetService::Restore(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginWrite();
  const Millis now = clock_.Now();
  auto target = repo::Find(*tx, id);
  if (!target) return NotFound(id);
  if (auto ok = leads::CheckRestorable(p, *target, "target", leads::kRestoreWindow, now); !ok) {
    return std::move(ok).error();
  }
  repo::SetDeleted(*tx, id, std::nullopt, std::nullopt, now);
  audit::Record(*tx, audit::ActorOf(p), "target", id,
                {{"restore", std::nullopt, std::nullopt, std::nullopt}}, now);
  tx->Commit();
  target->deleted_at.reset();
  target->updated_at = now;
  return *target;
}

Result<TargetService::ListQuery> TargetService::ParseListQuery(
    const Principal& p, const leads::QueryParams& params,
    const std::vector<customfields::CustomField>& custom) {
  FieldErrors errors;
  leads::QueryParams filters;
  for (const auto& kv : params) {
    const bool control = kv.first == "page" || kv.first == "page_size" || kv.first == "sort";
    if (control) continue;
    if (std::find(kFilters.begin(), kFilters.end(), kv.first) == kFilters.end() &&
        kv.first.rfind("custom.", 0) != 0) {
      errors.Add(kv.first, "is not a filter of the target list", "unknown_field");
    } else {
      filters.push_back(kv);
    }
  }
  auto filter = leads::ParseFilter(filters, p, custom, clock_.Now(), TargetFields());
  if (!filter) errors.Merge(filter.error());
  auto sort = leads::ParseSort(params, custom, TargetFields());
  if (!sort) errors.Merge(sort.error());
  if (!errors.empty()) return errors.ToError();
  return ListQuery{std::move(filter).value(), std::move(sort).value()};
}

Result<Page<Lead>> TargetService::List(const Principal& p, const leads::QueryParams& params,
                                       PageRequest page) {
  auto tx = db_.BeginRead();
  auto query = ParseListQuery(p, params, custom_fields_.Active(*tx, "leads"));
  if (!query) return std::move(query).error();
  if (!query->filter.custom.empty())
    return Error::Field("custom", "targets are not filtered by custom fields", "unknown_field");
  if (query->filter.deleted && !p.Manages())
    return Error::Forbidden("only managers and admins see deleted targets");
  return repo::List(*tx, query->filter, leads::ScopeOf(p), query->sort, page);
}

json TargetService::Meta() {
  auto tx = db_.BeginRead();
  return leads::FieldsMetaJson(custom_fields_.Active(*tx, "leads"), TargetFields());
}

Result<std::vector<Lead>> TargetService::Selected(db::Transaction& tx, const Principal& p,
                                                  const leads::Selection& selection) {
  FieldErrors errors;
  leads::LeadService::CheckSelection(selection, errors);
  if (!errors.empty()) return errors.ToError();
  leads::LeadFilter filter;
  if (selection.filter) {
    auto query = ParseListQuery(p, *selection.filter, custom_fields_.Active(tx, "leads"));
    if (!query) {
      Error e = std::move(query).error();
      for (auto& d : e.details) d.field = "filter." + d.field;
      return e;
    }
    filter = std::move(query->filter);
    if (filter.deleted)
      return Error::Field("filter.deleted", "the trash is restored one target at a time",
                          "unknown_field");
  } else {
    filter.ids = selection.ids;
  }
  std::vector<Lead> out;
  repo::ForEach(tx, filter, leads::ScopeOf(p), leads::LeadSort{"id", "", false, true},
                [&](const Lead& t) { out.push_back(t); });
  return out;
}

Result<leads::MassUpdateResult> TargetService::MassUpdate(const Principal& p,
                                                          const leads::MassUpdateInput& in) {
  if (p.role == Role::kAgent)
    return Error::Forbidden("agents cannot update targets in bulk; ask a manager");
  FieldErrors errors;
  const bool remove = in.action == "delete";
  if (in.action && !remove) errors.Add("action", "must be delete", "unknown_value");
  if (in.rule_id) errors.Add("rule_id", "targets are not handed out by rules", "unknown_field");
  if (!in.set.is_object() || (in.set.empty() && !remove))
    errors.Add("set", "nothing to change", "required");
  if (remove && in.set.is_object() && !in.set.empty())
    errors.Add("action", "delete goes without set", "unknown_value");
  for (const auto& [key, value] : in.set.items()) {
    constexpr std::array<std::string_view, 5> kSettable = {"owner_id", "status", "source",
                                                           "campaign_id", "tags"};
    if (std::find(kSettable.begin(), kSettable.end(), key) == kSettable.end()) {
      errors.Add("set." + key, "a mass update sets owner_id, status, source, campaign_id or tags",
                 "unknown_field");
    }
  }
  if (!errors.empty()) return errors.ToError();
  if (remove && p.role == Role::kMarketer)
    return Error::Forbidden("only managers and admins delete targets");

  auto tx = db_.BeginWrite();
  const Millis now = clock_.Now();
  auto targets = Selected(*tx, p, in);
  if (!targets) return std::move(targets).error();
  const auto custom = custom_fields_.Active(*tx, "leads");
  leads::MassUpdateResult result{static_cast<std::int64_t>(targets->size()), 0, in.dry_run};
  std::map<std::int64_t, std::int64_t> given;  // new owner -> targets
  for (const auto& before : *targets) {
    if (remove) {
      repo::SetDeleted(*tx, before.id, now, UserIdOf(p), now);
      audit::Record(*tx, audit::ActorOf(p), "target", before.id,
                    {{"delete", std::nullopt, std::nullopt, std::nullopt}}, now);
      ++result.updated;
      continue;
    }
    // A transferred target keeps its status (it is a lead now); its owner and the rest may change.
    json set = in.set;
    if (before.status == "transferred") set.erase("status");
    auto after = ChangedTarget(*tx, p, before, set, custom, now);
    if (!after) {
      Error e = std::move(after).error();
      for (auto& d : e.details) d.field = "set." + d.field;
      return e;
    }
    if (!SaveChanges(*tx, p, before, *after, now).empty()) ++result.updated;
    if (after->owner_id && after->owner_id != before.owner_id) ++given[*after->owner_id];
  }
  for (const auto& [owner, count] : given) TellNewOwner(*tx, p, owner, {{"count", count}});
  if (!in.dry_run) tx->Commit();
  return result;
}

Result<ConvertResult> TargetService::Convert(const Principal& p, const leads::Selection& selection,
                                             std::optional<std::int64_t> owner_id) {
  if (p.role == Role::kAgent)
    return Error::Forbidden("agents cannot convert targets; ask a manager");
  auto tx = db_.BeginWrite();
  const Millis now = clock_.Now();
  if (owner_id) {
    auto owner = users_.ActiveUser(*tx, *owner_id, "owner_id");
    if (!owner) return std::move(owner).error();
    if (auto ok = leads::CheckOwnerChange(p, leads::OwnerInfo{owner->id, owner->team_id}); !ok)
      return ok.error();
  }
  auto targets = Selected(*tx, p, selection);
  if (!targets) return std::move(targets).error();
  ConvertResult result;
  std::map<std::int64_t, std::int64_t> given;  // owner -> leads
  for (const auto& before : *targets) {
    if (before.status != "wait_for_deliver") {
      ++result.skipped;
      continue;
    }
    json all = leads::ToJson(before, TargetFields());
    json input = json::object();
    for (auto name : kLeadFields) {
      const auto& v = all[std::string(name)];
      if (!v.is_null() && !(v.is_array() && v.empty()) && !(v.is_object() && v.empty()))
        input[std::string(name)] = v;
    }
    if (owner_id) {
      input["owner_id"] = *owner_id;
    } else if (before.owner_id && users_.FindActive(*tx, *before.owner_id)) {
      input["owner_id"] = *before.owner_id;
    }
    auto lead = leads_.CreateFrom(*tx, p, input, now);
    if (!lead && lead.error().code == ErrorCode::kValidationFailed &&
        !lead.error().details.empty()) {
      // Nothing of it was written (the checks come before the insert): the others go on.
      result.problems.push_back({before.id, before.full_name, lead.error().details[0]});
      ++result.skipped;
      continue;
    }
    if (!lead) {
      Error e = std::move(lead).error();
      e.message =
          "target " + std::to_string(before.id) + " (" + before.full_name + "): " + e.message;
      return e;
    }
    // Manual 001 exports the transferred targets of each assigned user: the lead's owner has the
    // target too.
    Lead after = before;
    after.status = "transferred";
    after.lead_id = lead->id;
    if (lead->owner_id) {
      after.owner_id = lead->owner_id;
      after.team_id = lead->team_id;
    }
    SaveChanges(*tx, p, before, after, now);
    if (lead->owner_id) ++given[*lead->owner_id];
    result.lead_ids.push_back(lead->id);
    ++result.converted;
  }
  leads_.TellNewOwners(*tx, given, "converted", UserIdOf(p));
  tx->Commit();
  return result;
}

Result<StreamedFile> TargetService::Export(const Principal& p, leads::QueryParams params) {
  if (p.role == Role::kAgent) return Error::Forbidden("agents cannot export");
  auto request = leads::TakeExportRequest(params, p.language);
  auto custom = std::make_shared<std::vector<customfields::CustomField>>();
  {
    auto tx = db_.BeginRead();
    *custom = custom_fields_.Active(*tx, "leads");
  }
  auto query = ParseListQuery(p, params, *custom);
  if (!query) {
    if (query.error().code != ErrorCode::kValidationFailed) return std::move(query).error();
    request.errors.Merge(query.error());
  }
  static const std::vector<std::string> kDefaultColumns = {
      "id",       "full_name", "mobile",   "email",   "source",
      "province", "status",    "owner_id", "lead_id", "created_at"};
  const leads::ExportKind kind{&TargetFields(), &kDefaultColumns, "target",
                               "target-",       "targets-",       "Targets"};
  const leads::LeadScope scope = leads::ScopeOf(p);
  return leads::ExportRecords(db_, users_, clock_.Now(), kind, std::move(request), custom,
                              [query = query ? std::optional(*query) : std::nullopt, scope](
                                  db::Transaction& tx, std::span<const std::string_view>,
                                  const std::function<void(const Lead&)>& fn) {
                                repo::ForEach(tx, query->filter, scope, query->sort, fn);
                              });
}

Result<Lead> TargetService::FindForActivity(db::Transaction& tx, const Principal& p,
                                            std::int64_t id) {
  return leads::ActivityRecord(repo::Find(tx, id), p, "target", id);
}

void TargetService::RecordActivity(db::Transaction& tx, const Principal& p, const Lead& target,
                                   Millis at, const std::optional<std::string>& new_status,
                                   Millis now) {
  const auto status = leads::ChangedStatus(target, new_status);
  repo::RecordActivity(tx, target.id, at, status, now);
  if (status) leads::AuditStatusByRule(tx, p, "target", target, *status, now);
}

std::optional<std::string> TargetService::Name(db::Transaction& tx, std::int64_t id) {
  return repo::Name(tx, id);
}

std::vector<leads::ImportField> TargetService::ImportFields() {
  auto tx = db_.BeginRead();
  auto fields = leads::ImportFields(custom_fields_.Active(*tx, "leads"), TargetFields());
  // An import makes raw targets or changes their data; calls verify them, conversion transfers.
  std::erase_if(fields, [](const leads::ImportField& f) { return f.name == "status"; });
  return fields;
}

Result<leads::ImportContext> TargetService::BeginImport(db::Transaction& tx, const Principal& p,
                                                        leads::ImportSettings settings) {
  if (settings.auto_assign) {
    return Error::Field("auto_assign",
                        "targets are not handed out by rules; give them an owner instead",
                        "not_for_targets");
  }
  // The defaults are the lead's fields, checked the same way.
  return leads_.BeginImport(tx, p, std::move(settings));
}

Result<leads::ImportRow> TargetService::PrepareImportRow(
    db::Transaction& tx, const leads::ImportContext& ctx,
    const std::vector<std::pair<std::string_view, std::string_view>>& cells, Millis now) {
  auto row = leads::ReadImportCells(ctx, cells, TargetFields());
  if (!row) return row;
  if (row->id && ctx.settings.update_matches) return row;
  auto target = NewTarget(tx, ctx.principal, leads::WithImportDefaults(ctx.settings, row->input),
                          ctx.custom_fields, now);
  if (!target) return std::move(target).error();
  row->lead = std::move(target).value();
  return row;
}

Result<leads::ImportDecision> TargetService::ApplyImportRow(db::Transaction& tx,
                                                            const leads::ImportContext& ctx,
                                                            leads::ImportRow& row, bool write,
                                                            Millis now) {
  const auto& s = ctx.settings;
  const Principal& p = ctx.principal;
  std::optional<Lead> match;
  std::string_view matched_on;
  if (s.MatchesOn("id") && row.id) {
    match = repo::Find(tx, *row.id);
    if (!match || match->deleted_at)
      return Error::Field("id", "no target has ID " + std::to_string(*row.id), "not_found");
  } else if (auto found = repo::FindMatch(tx, row.lead, s.MatchesOn("mobile"), s.MatchesOn("email"),
                                          s.MatchesOn("full_name"));
             !found.ids.empty()) {
    if (s.update_matches && found.ids.size() > 1) {
      return Error::Field(
          std::string(found.field),
          "matches more than one target: add an ID column to say which one it updates",
          "ambiguous");
    }
    match = repo::Find(tx, found.ids[0]);
    matched_on = found.field;
  }
  leads::ImportDecision decision;
  if (!match) {
    // Someone already a lead is no target to verify (as POST /api/targets tells of them).
    const auto lead = leads::repo::FindMatch(tx, row.lead, s.MatchesOn("mobile"),
                                             s.MatchesOn("email"), s.MatchesOn("full_name"));
    if (!lead.ids.empty()) {
      decision.action = leads::ImportAction::kDuplicate;
      decision.lead_id = lead.ids[0];
      decision.matched_on = std::string(lead.field);
      return decision;
    }
    if (write) InsertNew(tx, p, row.lead);
    decision.lead_id = row.lead.id;
    return decision;
  }
  decision.lead_id = match->id;
  decision.record = "target";
  if (!s.update_matches) {
    decision.action = leads::ImportAction::kDuplicate;
    decision.matched_on = matched_on.empty() ? "id" : std::string(matched_on);
    return decision;
  }
  if (!leads::CanSee(p, *match)) {
    return Error::Field(matched_on.empty() ? "id" : std::string(matched_on),
                        "matches a target you do not have access to", "hidden_match");
  }
  decision.action = leads::ImportAction::kUpdate;
  json input = row.input;
  if (!s.default_tags.empty())
    input["tags"] = leads::WithTags(input.value("tags", json(match->tags)), s.default_tags);
  auto after = ChangedTarget(tx, p, *match, input, ctx.custom_fields, now);
  if (!after) return std::move(after).error();
  if (!write) {
    decision.changed = !Diff(*match, *after).empty();
    return decision;
  }
  for (const auto& c : SaveChanges(tx, p, *match, *after, now)) {
    decision.before[*c.field] = leads::FindField(TargetFields(), *c.field)->get(*match);
  }
  decision.changed = !decision.before.empty();
  return decision;
}

bool TargetService::UndoImportItem(db::Transaction& tx, const Principal& p,
                                   leads::ImportAction action, std::int64_t id, const json& before,
                                   const leads::ImportRun& run, Millis now) {
  auto target = repo::Find(tx, id);
  if (!target || target->deleted_at) return false;
  if (action == leads::ImportAction::kCreate) {
    if (run.may_purge && !repo::WorkedOn(tx, id)) {
      repo::Purge(tx, id);
      return false;
    }
    repo::SetDeleted(tx, id, now, UserIdOf(p), now);
    audit::Record(tx, audit::ActorOf(p), "target", id,
                  {{"delete", std::nullopt, std::nullopt, std::nullopt}}, now);
    return true;
  }
  Lead restored = *target;
  for (const auto& [name, value] : before.items()) {
    if (name == "team_id") continue;
    if (name == "custom") {
      restored.custom = value;
    } else if (const FieldDef* f = leads::FindField(TargetFields(), name); f && f->set) {
      f->set(restored, value);
    }
  }
  if (restored.owner_id != target->owner_id) {
    const auto owner = restored.owner_id ? users_.Find(tx, *restored.owner_id) : std::nullopt;
    restored.team_id = owner ? owner->team_id : std::nullopt;
  }
  if (leads::NormaliseLead(restored, now)) SaveChanges(tx, p, *target, restored, now);
  return false;
}

}  // namespace sen::targets
