// Lead use cases; see lead_service.h for the order each follows.
#include "modules/leads/lead_service.h"

#include <algorithm>
#include <charconv>

#include "files/formulas.h"
#include "modules/campaigns/campaign_repository.h"
#include "modules/leads/lead_fields.h"
#include "modules/leads/lead_rules.h"
#include "modules/users/user_rules.h"
#include "text/fold.h"

namespace sen::leads {

namespace {

bool DuplicateKeysChanged(const Lead& a, const Lead& b) {
  return a.name_fold != b.name_fold || a.email != b.email || a.mobile_e164 != b.mobile_e164 ||
         a.phone_e164 != b.phone_e164;
}

std::vector<audit::Change> Diff(const Lead& before, const Lead& after) {
  return DiffFields(before, after, LeadFields());
}

std::optional<std::int64_t> UserIdOf(const Principal& p) {
  return p.user_id > 0 ? std::optional(p.user_id) : std::nullopt;
}

bool NamesOwner(const nlohmann::json& input) { return input.contains("owner_id") && !input["owner_id"].is_null(); }

}  // namespace

nlohmann::json DuplicateList(const std::vector<DuplicateMatch>& matches, std::string_view type) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : matches) {
    const auto& c = m.candidate;
    list.push_back({{"type", type},
                    {"id", c.id},
                    {"full_name", c.full_name},
                    {"mobile", c.mobile ? nlohmann::json(*c.mobile) : nlohmann::json()},
                    {"email", c.email ? nlohmann::json(*c.email) : nlohmann::json()},
                    {"owner_id", c.owner_id ? nlohmann::json(*c.owner_id) : nlohmann::json()},
                    {"matched_on", m.matched_on}});
  }
  return list;
}

Error DuplicateError(nlohmann::json list) {
  Error e{ErrorCode::kDuplicate,
          std::to_string(list.size()) + " existing record(s) look like the same person; send "
                                        "\"allow_duplicate\": true to save anyway"};
  e.extra["duplicates"] = std::move(list);
  return e;
}

nlohmann::json ToJson(const repo::OwnerChangeEntry& e) {
  auto ref = [](std::optional<std::int64_t> id, const std::optional<std::string>& name, std::string_view key) {
    if (!id) return nlohmann::json();
    return nlohmann::json{{"id", *id}, {key, name ? nlohmann::json(*name) : nlohmann::json()}};
  };
  const auto& c = e.change;
  return {{"id", e.id},
          {"lead_id", c.lead_id},
          {"from", ref(c.from, e.from_name, "full_name")},
          {"to", ref(c.to, e.to_name, "full_name")},
          {"by", ref(c.by, e.by_name, "full_name")},
          {"rule", ref(c.rule_id, e.rule_name, "name")},
          {"reason", c.reason},
          {"at", FormatRfc3339(c.at)}};
}

LeadService::LeadService(db::Database& db, const Clock& clock, users::UserService& users,
                         customfields::CustomFieldService& custom_fields)
    : db_(db), clock_(clock), users_(users), custom_fields_(custom_fields) {}

Status LeadService::ResolveOwner(db::Transaction& tx, const Principal& p, Lead& lead) {
  std::optional<OwnerInfo> owner;
  if (lead.owner_id) {
    auto user = users_.ActiveUser(tx, *lead.owner_id, "owner_id");
    if (!user) return std::move(user).error();
    owner = OwnerInfo{user->id, user->team_id};
  }
  if (auto allowed = CheckOwnerChange(p, owner); !allowed) return allowed;
  // The lead belongs to its owner's team; unassigned, it stays in the team it was in.
  if (owner) lead.team_id = owner->team_id;
  return {};
}

void LeadService::ApplyCreatorDefaults(const Principal& p, const nlohmann::json& input, Lead& record) {
  // An agent's record is theirs unless they name its owner (themselves: others are refused by
  // ResolveOwner); an owner given as null too, as the pool is a manager's move.
  if (p.role == Role::kAgent && !NamesOwner(input)) record.owner_id = p.user_id;
  if (p.role == Role::kManager && !input.contains("owner_id")) record.team_id = p.team_id;
}

Result<Lead> LeadService::NewLead(db::Transaction& tx, const Principal& p, const nlohmann::json& input,
                                  const std::vector<customfields::CustomField>& custom_fields, Millis now) {
  Lead lead;
  Status applied = ApplyInput(lead, input, {"allow_duplicate"}, custom_fields, true);
  ApplyCreatorDefaults(p, input, lead);
  if (auto checked = Merged(std::move(applied), NormaliseLead(lead, now)); !checked) return std::move(checked).error();
  if (auto campaign = campaigns::repo::Check(tx, lead.campaign_id, "campaign_id"); !campaign) {
    return std::move(campaign).error();
  }
  lead.created_by = UserIdOf(p);
  lead.created_at = lead.updated_at = now;
  if (lead.owner_id) {
    if (auto owner = ResolveOwner(tx, p, lead); !owner) return std::move(owner).error();
    if (!input.contains("status")) ApplyAssignmentStatus(lead);
  }
  return lead;
}

std::optional<std::int64_t> LeadService::AutoAssign(db::Transaction& tx, Lead& lead, bool status_given, Millis now,
                                                    std::optional<std::int64_t> creator, bool creator_by_default) {
  if (!assigner_ || (lead.owner_id && !creator_by_default) || !lead.mobile_e164) return std::nullopt;
  if (!MayHandOn(lead)) return std::nullopt;
  auto choice = assigner_->Choose(tx, lead, creator, std::nullopt, now);
  if (!choice) return std::nullopt;
  lead.owner_id = choice->user_id;
  lead.team_id = choice->team_id;
  if (!status_given) ApplyAssignmentStatus(lead);
  return choice->rule_id;
}

void LeadService::InsertNew(db::Transaction& tx, const Principal& p, Lead& lead, std::optional<std::int64_t> rule_id,
                            bool tell) {
  lead.id = repo::Insert(tx, lead);
  audit::Record(tx, audit::ActorOf(p), "lead", lead.id, {{"create", std::nullopt, std::nullopt, lead.full_name}},
                lead.created_at);
  if (lead.owner_id) {
    const std::string_view reason = rule_id ? "rule" : p.channel == Channel::kImport ? "import" : "created";
    repo::InsertOwnerChange(tx, {lead.id, std::nullopt, lead.owner_id, rule_id, rule_id ? std::nullopt : UserIdOf(p),
                                 std::string(reason), lead.created_at});
    if (tell) TellNewOwner(tx, p, lead, reason);
  }
}

void LeadService::TellNewOwner(db::Transaction& tx, const Principal& p, const Lead& lead, std::string_view reason) {
  // An import gives thousands of leads at once: one event each would flood the owners' pages,
  // which show the leads in their list anyway.
  if (!notifier_ || !lead.owner_id || *lead.owner_id == p.user_id || p.channel == Channel::kImport) return;
  notifier_->Notify(tx, *lead.owner_id, "lead_assigned",
                    {{"lead_id", lead.id}, {"full_name", lead.full_name}, {"reason", reason}});
}

void LeadService::TellNewOwners(db::Transaction& tx, const std::map<std::int64_t, std::int64_t>& given,
                                std::string_view reason, std::optional<std::int64_t> by) {
  if (!notifier_) return;
  for (const auto& [owner, count] : given) {
    if (owner != by) notifier_->Notify(tx, owner, "lead_assigned", {{"count", count}, {"reason", reason}});
  }
}

Result<Lead> LeadService::LiveLead(db::Transaction& tx, const Principal& p, std::int64_t id) {
  auto lead = repo::Find(tx, id);
  if (!lead || lead->deleted_at) return Error::NotFound("no lead has id " + std::to_string(id));
  if (!CanSee(p, *lead)) return Error::Forbidden("you do not have access to lead " + std::to_string(id));
  return *lead;
}

Result<Lead> LeadService::ChangedLead(db::Transaction& tx, const Principal& p, const Lead& before,
                                      const nlohmann::json& input,
                                      const std::vector<customfields::CustomField>& custom_fields, Millis now) {
  Lead after = before;
  Status applied = ApplyInput(after, input, {"allow_duplicate"}, custom_fields, false);
  if (auto checked = Merged(std::move(applied), NormaliseLead(after, now)); !checked) return std::move(checked).error();
  if (after.campaign_id != before.campaign_id) {
    if (auto campaign = campaigns::repo::Check(tx, after.campaign_id, "campaign_id"); !campaign) {
      return std::move(campaign).error();
    }
  }
  if (after.owner_id != before.owner_id) {
    if (auto owner = ResolveOwner(tx, p, after); !owner) return std::move(owner).error();
    if (!input.contains("status")) ApplyAssignmentStatus(after);
  } else if (after.owner_id && IsClosedStatus(before.status) && !IsClosedStatus(after.status)) {
    // Reopened: open again, so in its owner's team, which closed leads do not follow when the
    // owner moves (a deactivated owner's lead stays where it is).
    if (auto owner = users_.ActiveUser(tx, *after.owner_id, "owner_id")) after.team_id = owner->team_id;
  }
  return after;
}

std::vector<audit::Change> LeadService::SaveChanges(db::Transaction& tx, const Principal& p, const Lead& before,
                                                    Lead& after, Millis now, OwnerReason why) {
  auto changes = Diff(before, after);
  if (changes.empty()) return changes;
  after.updated_at = now;
  repo::Update(tx, after, SearchKeysChanged(before, after), before.tags != after.tags);
  audit::Record(tx, audit::ActorOf(p), "lead", after.id, changes, now);
  if (after.owner_id != before.owner_id || (after.do_not_contact && !before.do_not_contact) ||
      (after.status != before.status && IsClosedStatus(after.status))) {
    repo::Dequeue(tx, after.id);  // R5: someone decided about it; the queue no longer does
  }
  if (after.owner_id != before.owner_id) {
    const auto reason = p.channel == Channel::kImport && why.reason == "changed" ? "import" : why.reason;
    repo::InsertOwnerChange(tx, {after.id, before.owner_id, after.owner_id, why.rule_id, UserIdOf(p),
                                 std::string(reason), now});
    if (why.tell) TellNewOwner(tx, p, after, reason);
  }
  return changes;
}

void LeadService::Trash(db::Transaction& tx, const Principal& p, std::int64_t id, Millis now) {
  repo::SetDeleted(tx, id, now, UserIdOf(p), now);
  audit::Record(tx, audit::ActorOf(p), "lead", id, {{"delete", std::nullopt, std::nullopt, std::nullopt}}, now);
}

nlohmann::json LeadService::Duplicates(db::Transaction& tx, const Lead& lead, const Lead* before) {
  auto list = DuplicateList(MatchDuplicates(lead, repo::FindDuplicateCandidates(tx, lead), before), "lead");
  if (other_duplicates_) {
    for (auto& d : other_duplicates_(tx, lead, before)) list.push_back(std::move(d));
  }
  return list;
}

Result<Lead> LeadService::Create(const Principal& p, const nlohmann::json& input, bool allow_duplicate) {
  auto tx = db_.BeginWrite();
  const Millis now = clock_.Now();
  auto lead = NewLead(*tx, p, input, custom_fields_.Active(*tx, "leads"), now);
  if (!lead) return lead;
  if (!allow_duplicate) {
    if (auto list = Duplicates(*tx, *lead, nullptr); !list.empty()) return DuplicateError(std::move(list));
  }
  // R3: an agent who names no owner has the lead by default, unless a rule takes it (which puts
  // the agent first when an ON member).
  const bool creator_by_default = p.role == Role::kAgent && !NamesOwner(input);
  const auto rule = AutoAssign(*tx, *lead, input.contains("status"), now, lead->created_by, creator_by_default);
  InsertNew(*tx, p, *lead, rule);
  tx->Commit();
  return lead;
}

Result<Lead> LeadService::CreateFrom(db::Transaction& tx, const Principal& p, const nlohmann::json& input, Millis now) {
  auto lead = NewLead(tx, p, input, custom_fields_.Active(tx, "leads"), now);
  if (!lead) return lead;
  const auto rule = AutoAssign(tx, *lead, input.contains("status"), now, std::nullopt);
  InsertNew(tx, p, *lead, rule, false);
  return lead;
}

Result<Lead> LeadService::Get(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginRead();
  auto lead = repo::Find(*tx, id);
  if (!lead || (lead->deleted_at && !CanDelete(p, *lead))) return Error::NotFound("no lead has id " + std::to_string(id));
  if (!CanSee(p, *lead)) return Error::Forbidden("you do not have access to lead " + std::to_string(id));
  return *lead;
}

Result<Lead> LeadService::Update(const Principal& p, std::int64_t id, const nlohmann::json& input,
                                 bool allow_duplicate) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto before = LiveLead(*tx, p, id);
  if (!before) return before;
  auto after = ChangedLead(*tx, p, *before, input, custom_fields_.Active(*tx, "leads"), now);
  if (!after) return after;
  if (!allow_duplicate && DuplicateKeysChanged(*before, *after)) {
    if (auto list = Duplicates(*tx, *after, &*before); !list.empty()) return DuplicateError(std::move(list));
  }
  if (SaveChanges(*tx, p, *before, *after, now).empty()) return *before;
  tx->Commit();
  return after;
}

Status LeadService::Delete(const Principal& p, std::int64_t id) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto lead = LiveLead(*tx, p, id);
  if (!lead) return std::move(lead).error();
  if (!CanDelete(p, *lead)) return Error::Forbidden("only managers and admins delete leads");
  Trash(*tx, p, id, now);
  tx->Commit();
  return {};
}

Result<Lead> LeadService::Unassign(const Principal& p, std::int64_t id) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins unassign leads");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto before = LiveLead(*tx, p, id);
  if (!before) return before;
  if (!before->owner_id) return Error::Conflict("lead " + std::to_string(id) + " has no owner to unassign", "no_owner");
  if (!MayHandOn(*before)) {
    return Error::Conflict("lead " + std::to_string(id) +
                               " is closed or not to be contacted: nobody is to call it, so no rule hands it on",
                           "lead_closed");
  }
  auto after = HandOn(*tx, p, *before, now, true);
  if (!after && (!assigner_ || !assigner_->AnyRuleTakes(*tx, *before))) {
    return Error::Conflict("no active assignment rule is for lead " + std::to_string(id) +
                               " (its campaign and source): reassign it to someone",
                           "no_rule");
  }
  if (!after) {
    return Error::Conflict("no other member of an active rule for lead " + std::to_string(id) +
                               " is ON and under their daily cap",
                           "no_other_member");
  }
  tx->Commit();
  return *after;
}

std::optional<Lead> LeadService::HandOn(db::Transaction& tx, const Principal& p, const Lead& before, Millis now,
                                        bool tell) {
  if (!assigner_ || !before.owner_id || before.deleted_at || !MayHandOn(before)) return std::nullopt;
  auto choice = assigner_->Choose(tx, before, std::nullopt, before.owner_id, now);
  if (!choice) return std::nullopt;
  Lead after = before;
  after.owner_id = choice->user_id;
  after.team_id = choice->team_id;
  SaveChanges(tx, p, before, after, now, {"unassign", choice->rule_id, tell});
  return after;
}

Result<Lead> LeadService::Assign(const Principal& p, std::int64_t id, std::int64_t owner_id) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins reassign leads");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto before = LiveLead(*tx, p, id);
  if (!before) return before;
  auto after = ChangedLead(*tx, p, *before, {{"owner_id", owner_id}}, custom_fields_.Active(*tx, "leads"), now);
  if (!after) return after;
  if (SaveChanges(*tx, p, *before, *after, now, {"reassign"}).empty()) return *before;
  tx->Commit();
  return after;
}

void LeadService::MoveOpenLeadsToTeam(db::Transaction& tx, const Principal& by, std::int64_t owner_id,
                                      std::optional<std::int64_t> team_id, Millis now) {
  if (!repo::HasOpenLeadsOutsideTeam(tx, owner_id, team_id)) return;
  const audit::Actor actor = audit::ActorOf(by);
  const std::string what = "leads of user " + std::to_string(owner_id) + " to their new team";
  const std::int64_t batch = repo::NewAuditBatch(tx, actor, what, now);
  repo::FinishAuditBatch(tx, batch, repo::MoveOpenLeadsToTeam(tx, owner_id, team_id, actor, batch, now));
}

Result<std::vector<repo::OwnerChangeEntry>> LeadService::Assignments(const Principal& p, std::int64_t id) {
  if (auto lead = Get(p, id); !lead) return std::move(lead).error();
  auto tx = db_.BeginRead();
  return OwnerChanges(*tx, id, 1000);
}

std::vector<repo::OwnerChangeEntry> LeadService::OwnerChanges(db::Transaction& tx, std::int64_t id,
                                                              std::int64_t limit) {
  return repo::OwnerChanges(tx, id, limit);
}

std::int64_t LeadService::CountOwnerChanges(db::Transaction& tx, std::int64_t id) {
  return repo::CountOwnerChanges(tx, id);
}

Result<Lead> LeadService::Restore(const Principal& p, std::int64_t id) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto lead = repo::Find(*tx, id);
  if (!lead) return Error::NotFound("no lead has id " + std::to_string(id));
  if (auto ok = CheckRestorable(p, *lead, "lead", kRestoreWindow, now); !ok) return std::move(ok).error();
  repo::SetDeleted(*tx, id, std::nullopt, std::nullopt, now);
  audit::Record(*tx, audit::ActorOf(p), "lead", id, {{"restore", std::nullopt, std::nullopt, std::nullopt}}, now);
  tx->Commit();
  lead->deleted_at.reset();
  lead->updated_at = now;
  return *lead;
}

Result<QueryParams> LeadService::WithView(const Principal& p, const QueryParams& params) {
  auto it = std::find_if(params.begin(), params.end(), [](const auto& kv) { return kv.first == "view_id"; });
  if (it == params.end()) return params;
  std::int64_t view_id = 0;
  auto r = std::from_chars(it->second.data(), it->second.data() + it->second.size(), view_id);
  if (r.ec != std::errc() || view_id < 1 || !resolve_view_) {
    return Error::Field("view_id", "must be the id of a saved view", "unknown_value");
  }
  auto view = resolve_view_(p, view_id);
  if (!view) return std::move(view).error();
  return MergeParams(*view, params);
}

Result<LeadService::ListQuery> LeadService::ParseListQuery(const Principal& p, const QueryParams& params,
                                                          const std::vector<customfields::CustomField>& custom) {
  auto filter = ParseFilter(params, p, custom, clock_.Now());
  auto sort = ParseSort(params, custom);
  if (!filter || !sort) {
    FieldErrors errors;
    if (!filter) errors.Merge(filter.error());
    if (!sort) errors.Merge(sort.error());
    return errors.ToError();
  }
  if (filter->deleted && !p.Manages()) {
    return Error::Forbidden("only managers and admins see deleted leads");
  }
  return ListQuery{std::move(filter).value(), std::move(sort).value()};
}

Result<Page<Lead>> LeadService::List(const Principal& p, const QueryParams& raw, PageRequest page) {
  auto params = WithView(p, raw);
  if (!params) return std::move(params).error();
  auto tx = db_.BeginRead();
  auto query = ParseListQuery(p, *params, custom_fields_.Active(*tx, "leads"));
  if (!query) return std::move(query).error();
  return repo::List(*tx, query->filter, ScopeOf(p), query->sort, page, lists_);
}

Status LeadService::CheckFilter(const Principal& p, const QueryParams& params) {
  auto tx = db_.BeginRead();
  auto custom = custom_fields_.Active(*tx, "leads");
  if (auto filter = ParseFilter(params, p, custom, clock_.Now()); !filter) return std::move(filter).error();
  if (auto sort = ParseSort(params, custom); !sort) return std::move(sort).error();
  return {};
}

nlohmann::json LeadService::Meta() {
  auto tx = db_.BeginRead();
  return FieldsMetaJson(custom_fields_.Active(*tx, "leads"));
}

bool LeadService::IsField(std::string_view name) {
  if (FindLeadField(name)) return true;
  constexpr std::string_view kPrefix = "custom.";
  if (name.rfind(kPrefix, 0) != 0) return false;
  auto tx = db_.BeginRead();
  for (const auto& f : custom_fields_.Active(*tx, "leads")) {
    if (name.substr(kPrefix.size()) == f.name) return true;
  }
  return false;
}

Result<Lead> LeadService::FindForActivity(db::Transaction& tx, const Principal& p, std::int64_t id) {
  return ActivityRecord(repo::Find(tx, id), p, "lead", id);
}

void LeadService::RecordActivity(db::Transaction& tx, const Principal& p, const Lead& lead, Millis at,
                                 const std::optional<std::string>& new_status, Millis now) {
  const auto status = ChangedStatus(lead, new_status);
  repo::RecordActivity(tx, lead.id, at, status, now);
  if (status) AuditStatusByRule(tx, p, "lead", lead, *status, now);
}

std::optional<std::string> LeadService::Name(db::Transaction& tx, std::int64_t id) {
  auto lead = repo::Find(tx, id);
  return lead ? std::optional(lead->full_name) : std::nullopt;
}

std::vector<ImportField> LeadService::ImportFields() {
  auto tx = db_.BeginRead();
  return leads::ImportFields(custom_fields_.Active(*tx, "leads"));
}

Result<ImportContext> LeadService::BeginImport(db::Transaction& tx, const Principal& p,
                                                            ImportSettings settings) {
  // What every row gets is checked as a lead's fields are, and named as the default it is.
  auto as_defaults = [](Error e) {
    for (auto& d : e.details) d.field = "defaults." + d.field;
    return e;
  };
  nlohmann::json defaults = nlohmann::json::object();
  if (settings.default_campaign_id) defaults["campaign_id"] = *settings.default_campaign_id;
  if (settings.default_source) defaults["source"] = *settings.default_source;
  if (!settings.default_tags.empty()) defaults["tags"] = settings.default_tags;
  Lead probe;
  if (auto checked = ApplyInput(probe, defaults, {}, {}, false); !checked) return as_defaults(std::move(checked).error());
  if (auto campaign = campaigns::repo::Check(tx, probe.campaign_id, "campaign_id"); !campaign) {
    return as_defaults(std::move(campaign).error());
  }
  if (settings.default_owner_id) {
    probe.owner_id = settings.default_owner_id;
    if (auto owner = ResolveOwner(tx, p, probe); !owner) return as_defaults(std::move(owner).error());
  }
  ImportContext ctx{p, std::move(settings), custom_fields_.Active(tx, "leads"), {}, campaigns::repo::IdsByFoldedName(tx)};
  for (auto& [id, username] : users_.Usernames(tx)) ctx.user_ids.emplace(std::move(username), id);
  return ctx;
}

Result<ImportRow> LeadService::PrepareImportRow(db::Transaction& tx, const ImportContext& ctx,
                                                const std::vector<std::pair<std::string_view, std::string_view>>& cells,
                                                Millis now) {
  auto row = ReadImportCells(ctx, cells, LeadFields());
  if (!row) return row;
  // I9: a row naming the lead it updates is checked against that lead (ApplyImportRow), so an
  // edited export that keeps only some columns, not even the name, changes only what it gives.
  if (row->id && ctx.settings.update_matches) return row;
  auto lead = NewLead(tx, ctx.principal, WithImportDefaults(ctx.settings, row->input), ctx.custom_fields, now);
  if (!lead) return std::move(lead).error();
  row->lead = std::move(lead).value();
  return row;
}

Result<ImportDecision> LeadService::ApplyImportRow(db::Transaction& tx, const ImportContext& ctx, ImportRow& row,
                                                   bool write, Millis now) {
  const auto& s = ctx.settings;
  const Principal& p = ctx.principal;
  std::optional<Lead> match;
  std::string_view matched_on;  // the field a lead was found by, when the row names no ID
  if (s.MatchesOn("id") && row.id) {
    match = repo::Find(tx, *row.id);
    if (!match || match->deleted_at) return Error::Field("id", "no lead has ID " + std::to_string(*row.id), "not_found");
  } else if (auto found = repo::FindMatch(tx, row.lead, s.MatchesOn("mobile"), s.MatchesOn("email"),
                                          s.MatchesOn("full_name"));
             !found.ids.empty()) {
    // Which of them the row means is a guess: updating the oldest could change the wrong person.
    // The message names only the leads the importer may see: a manager's import must not give
    // away the IDs of another team's leads.
    if (s.update_matches && found.ids.size() > 1) {
      std::vector<std::string> seen;
      for (const auto id : found.ids) {
        if (auto lead = repo::Find(tx, id); lead && CanSee(p, *lead)) seen.push_back(std::to_string(id));
      }
      std::string message = "matches more than one lead";
      if (seen.size() == found.ids.size()) {
        message += " (IDs " + seen[0] + ", " + seen[1] + ")";
      } else if (!seen.empty()) {
        message += " (ID " + seen[0] + " and one you do not have access to)";
      }
      return Error::Field(std::string(found.field), message + ": add an ID column to say which one it updates",
                          "ambiguous");
    }
    match = repo::Find(tx, found.ids[0]);
    matched_on = found.field;
  }

  ImportDecision decision;
  if (!match) {
    if (write) {
      // A batch, not a lead made by hand: the importer gets no creator's priority (R3).
      const auto rule =
          s.auto_assign ? AutoAssign(tx, row.lead, row.input.contains("status"), now, std::nullopt) : std::nullopt;
      InsertNew(tx, p, row.lead, rule);
    }
    decision.lead_id = row.lead.id;
    return decision;
  }
  decision.lead_id = match->id;
  if (!s.update_matches) {
    decision.action = ImportAction::kDuplicate;
    decision.matched_on = matched_on.empty() ? "id" : std::string(matched_on);
    return decision;
  }
  if (!CanSee(p, *match)) {
    if (matched_on.empty()) {
      return Error::ForbiddenField(
          "id", "you do not have access to lead " + std::to_string(match->id), "hidden_match");
    }
    return Error::Field(std::string(matched_on), "matches a lead you do not have access to", "hidden_match");
  }
  decision.action = ImportAction::kUpdate;
  nlohmann::json input = row.input;
  if (!s.default_tags.empty()) {  // I4: the batch's tags mark every row, added to the lead's own
    input["tags"] = WithTags(input.value("tags", nlohmann::json(match->tags)), s.default_tags);
  }
  auto after = ChangedLead(tx, p, *match, input, ctx.custom_fields, now);
  if (!after) return std::move(after).error();
  if (!write) {
    decision.changed = !Diff(*match, *after).empty();
    return decision;
  }
  for (const auto& c : SaveChanges(tx, p, *match, *after, now)) {
    decision.before[*c.field] = FindLeadField(*c.field)->get(*match);
  }
  decision.changed = !decision.before.empty();
  return decision;
}

bool LeadService::UndoImportItem(db::Transaction& tx, const Principal& p, ImportAction action, std::int64_t lead_id,
                                 const nlohmann::json& before, const ImportRun& run, Millis now) {
  auto lead = repo::Find(tx, lead_id);
  if (!lead || lead->deleted_at) return false;
  if (action == ImportAction::kCreate) {
    // I6/I8: nothing half-written stays behind, not even in the trash; but a call, a note or a
    // change someone made meanwhile is theirs, and the trash keeps it restorable.
    if (run.may_purge && !repo::WorkedOn(tx, lead_id)) {
      // Gone as if never given: the daily caps of the members rules gave it to count it no more.
      if (assigner_) {
        for (const auto& gift : repo::RuleGifts(tx, lead_id)) {
          assigner_->GiveBack(tx, gift.rule_id, gift.user_id, gift.at, now);
        }
      }
      repo::Purge(tx, lead_id);
      return false;
    }
    Trash(tx, p, lead_id, now);
    return true;
  }
  Lead restored = *lead;
  const auto others = repo::FieldsChangedSince(tx, lead_id, run.started_at, run.finished_at);
  for (const auto& [name, value] : before.items()) {
    // A later change is somebody's: it stays. The team is read-only: it follows the owner.
    if (others.count(name) > 0 || name == "team_id") continue;
    if (name == "custom") {
      restored.custom = value;
    } else if (const FieldDef* f = FindLeadField(name); f && f->set) {
      f->set(restored, value);
    }
  }
  const auto then = before.find("team_id");
  auto team_then = [&] {
    restored.team_id = then->is_number_integer() ? std::optional(then->get<std::int64_t>()) : std::nullopt;
  };
  if (restored.owner_id != lead->owner_id) {
    // Back to the owner before the import, in their team as it is now (or, back to the pool, in
    // the team it had then).
    const auto owner = restored.owner_id ? users_.Find(tx, *restored.owner_id) : std::nullopt;
    if (owner) {
      restored.team_id = owner->team_id;
    } else if (then != before.end()) {
      team_then();
    }
  } else if (then != before.end() && IsClosedStatus(restored.status) && !IsClosedStatus(lead->status)) {
    team_then();  // closed again, in the team that closed it (the import's reopening moved it)
  }
  if (NormaliseLead(restored, now)) SaveChanges(tx, p, *lead, restored, now);  // valid when they were saved
  return false;
}

Status LeadService::CreateBatch(const Principal& p, std::vector<Lead>& leads) {
  const Millis now = clock_.Now();
  for (auto& lead : leads) {
    if (auto ok = NormaliseLead(lead, now); !ok) return ok;
    if (!lead.created_by) lead.created_by = UserIdOf(p);
    if (lead.created_at == 0) lead.created_at = now;
    if (lead.updated_at == 0) lead.updated_at = lead.created_at;
  }
  auto tx = db_.BeginWrite();
  for (auto& lead : leads) {
    lead.id = repo::Insert(*tx, lead);
    audit::Record(*tx, audit::ActorOf(p), "lead", lead.id, {{"create", std::nullopt, std::nullopt, lead.full_name}},
                  lead.created_at);
  }
  tx->Commit();
  return {};
}

}  // namespace sen::leads
