// LeadService::MassUpdate (L8): check the request, select the targets, change them with set-wise
// SQL and one audit batch, in one transaction.
#include <map>

#include "modules/campaigns/campaign_repository.h"
#include "modules/leads/lead_fields.h"
#include "modules/leads/lead_repository.h"
#include "modules/leads/lead_rules.h"
#include "modules/leads/lead_service.h"
#include "text/fold.h"

namespace sen::leads {

namespace {

constexpr std::size_t kMaxIds = 10'000;
// Leads a queue run gives in one transaction (about half a second of writing).
constexpr std::int64_t kDistributionChunk = 10'000;

struct CheckedSet {
  std::optional<std::optional<std::int64_t>> owner_id;
  std::optional<std::string> status;
  std::optional<std::string> stage;
  std::optional<std::optional<std::string>> source;
  std::optional<std::optional<std::int64_t>> campaign_id;
  std::optional<bool> do_not_contact;
  std::optional<std::string> dnc_reason;
  std::optional<std::vector<std::string>> tags;
  std::vector<std::string> add_tags;
  std::vector<std::string> remove_tags;
  bool empty() const {
    return !owner_id && !status && !stage && !source && !campaign_id && !do_not_contact && !tags && add_tags.empty() &&
           remove_tags.empty();
  }
};

// `taking_off`: tags to remove are not checked as new ones, so one made before a rule refused it
// can still go.
std::optional<std::vector<std::string>> ReadTags(const nlohmann::json& v, const std::string& name, FieldErrors& errors,
                                                 bool taking_off = false) {
  if (!v.is_array()) {
    errors.Add(name, "must be a list of strings", "wrong_type");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& t : v) {
    if (!t.is_string()) {
      errors.Add(name, "must be a list of strings", "wrong_type");
      return std::nullopt;
    }
    std::string tag = text::Tidy(t.get_ref<const std::string&>());
    if (auto problem = taking_off ? std::nullopt : TagProblem(name, tag)) {
      errors.Add(std::move(*problem));
      return std::nullopt;
    }
    if (!tag.empty() && std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(std::move(tag));
  }
  return out;
}

CheckedSet CheckSet(const nlohmann::json& set, FieldErrors& errors) {
  CheckedSet out;
  if (!set.is_object()) {
    errors.Add("set", "must be an object of fields to set", "wrong_type");
    return out;
  }
  auto id = [&](const std::string& key, const nlohmann::json& v) -> std::optional<std::optional<std::int64_t>> {
    if (v.is_null()) return std::optional<std::int64_t>();
    if (!v.is_number_integer() || v.get<std::int64_t>() < 1) {
      errors.Add("set." + key, "must be a positive whole number or null", "wrong_type");
      return std::nullopt;
    }
    return std::optional<std::int64_t>(v.get<std::int64_t>());
  };
  auto option = [&](const std::string& key, const nlohmann::json& v) -> std::optional<std::string> {
    const FieldDef* field = FindLeadField(key);
    if (!v.is_string() || !IsOption(*field, v.get<std::string>())) {
      errors.Add("set." + key, "has no value " + v.dump(), "unknown_value");
      return std::nullopt;
    }
    return v.get<std::string>();
  };
  auto text = [&](const std::string& key, const nlohmann::json& v, std::size_t max) -> std::optional<std::optional<std::string>> {
    if (v.is_null()) return std::optional<std::string>();
    if (!v.is_string()) {
      errors.Add("set." + key, "must be a string or null", "wrong_type");
      return std::nullopt;
    }
    std::string t = text::Tidy(v.get_ref<const std::string&>());
    if (text::Utf8Length(t) > max) {
      errors.Add("set." + key, "must have at most " + std::to_string(max) + " characters", "too_long");
      return std::nullopt;
    }
    return t.empty() ? std::optional<std::string>() : std::optional<std::string>(t);
  };
  for (const auto& [key, v] : set.items()) {
    if (key == "owner_id") out.owner_id = id(key, v);
    else if (key == "campaign_id") out.campaign_id = id(key, v);
    else if (key == "status") out.status = option(key, v);
    else if (key == "stage") out.stage = option(key, v);
    else if (key == "source") out.source = text(key, v, 100);
    else if (key == "dnc_reason") {
      if (auto r = text(key, v, 500)) out.dnc_reason = r->value_or("");
    } else if (key == "do_not_contact") {
      if (!v.is_boolean()) errors.Add("set.do_not_contact", "must be true or false", "wrong_type");
      else out.do_not_contact = v.get<bool>();
    } else if (key == "tags") out.tags = ReadTags(v, "set.tags", errors);
    else if (key == "add_tags") out.add_tags = ReadTags(v, "set.add_tags", errors).value_or(std::vector<std::string>{});
    else if (key == "remove_tags")
      out.remove_tags = ReadTags(v, "set.remove_tags", errors, true).value_or(std::vector<std::string>{});
    else errors.Add("set." + key, "cannot be changed by a mass update", "unknown_field");
  }
  if (out.do_not_contact == true && (!out.dnc_reason || out.dnc_reason->empty())) {
    errors.Add("set.dnc_reason", "is required when the leads must not be contacted", "required");
  }
  if (out.dnc_reason && !out.do_not_contact) {
    errors.Add("set.dnc_reason", "goes with do_not_contact: true", "unknown_field");
  }
  return out;
}

std::optional<std::string> Text(const std::optional<std::int64_t>& v) {
  return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
}

}  // namespace

void LeadService::CheckSelection(const Selection& selection, FieldErrors& errors) {
  if (selection.ids.empty() == !selection.filter) {
    errors.Add("ids", "give either the ids of the selected rows or a filter", "required");
  }
  if (selection.ids.size() > kMaxIds) errors.Add("ids", "at most 10000 ids; use a filter for more", "too_long");
}

Result<std::int64_t> LeadService::SelectTargets(db::Transaction& tx, const Principal& p, const Selection& selection,
                                                Millis now) {
  LeadFilter filter;
  if (selection.filter) {
    auto params = WithView(p, *selection.filter);
    if (!params) return std::move(params).error();
    auto parsed = ParseFilter(*params, p, custom_fields_.Active(tx, "leads"), now);
    if (!parsed) {
      Error e = std::move(parsed).error();
      for (auto& d : e.details) d.field = "filter." + d.field;
      return Error::Validation(std::move(e.details));
    }
    filter = std::move(*parsed);
  } else {
    filter.ids = selection.ids;
  }
  return repo::SelectTargets(tx, filter, ScopeOf(p));
}

std::int64_t LeadService::SelectImportTargets(db::Transaction& tx, const Principal& p, std::int64_t import_id) {
  LeadFilter filter;
  filter.import_id = import_id;
  return repo::SelectTargets(tx, filter, ScopeOf(p));
}

Result<MassUpdateResult> LeadService::MassUpdate(const Principal& p, const MassUpdateInput& in) {
  if (p.role == Role::kAgent) return Error::Forbidden("agents cannot update leads in bulk; ask a manager");
  FieldErrors errors;
  CheckSelection(in, errors);
  CheckedSet set = CheckSet(in.set, errors);
  const bool unassign = in.action == "unassign";
  const bool queue = in.action == "queue_assignment";
  if (in.action && *in.action != "delete" && !unassign && !queue) {
    errors.Add("action", "must be delete, unassign or queue_assignment", "unknown_value");
  }
  if (queue && !in.rule_id) errors.Add("rule_id", "is required to queue leads for a rule", "required");
  if (in.rule_id && !queue) errors.Add("rule_id", "goes with action queue_assignment", "unknown_field");
  if (!in.action && set.empty() && errors.empty()) errors.Add("set", "nothing to change", "required");
  if (in.action && !set.empty()) errors.Add("action", *in.action + " goes without set", "unknown_value");
  if (!errors.empty()) return errors.ToError();
  if (in.action && p.role == Role::kMarketer) return Error::Forbidden("only managers and admins " + *in.action + " leads");

  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  std::optional<std::int64_t> team_of_owner;
  if (set.owner_id && *set.owner_id) {
    auto owner = users_.ActiveUser(*tx, **set.owner_id, "set.owner_id");
    if (!owner) return std::move(owner).error();
    if (auto allowed = CheckOwnerChange(p, OwnerInfo{owner->id, owner->team_id}); !allowed) {
      return std::move(allowed).error();
    }
    team_of_owner = owner->team_id;
  }
  if (set.campaign_id) {
    if (auto campaign = campaigns::repo::Check(*tx, *set.campaign_id, "set.campaign_id"); !campaign) {
      return std::move(campaign).error();
    }
  }

  if (queue) {
    if (!assigner_) return Error::Conflict("assignment rules are not available", "rules_unavailable");
    if (auto may = assigner_->CheckMayHandOut(*tx, p, *in.rule_id, "rule_id"); !may) return std::move(may).error();
  }

  MassUpdateResult result;
  result.dry_run = in.dry_run;
  auto matched = SelectTargets(*tx, p, in, now);
  if (!matched) return std::move(matched).error();
  result.matched = *matched;
  if (queue) {
    // R5: the leads wait for the rule's auto-assign job; nothing on them changes until it runs.
    const audit::Actor actor = audit::ActorOf(p);
    const std::int64_t batch =
        repo::NewAuditBatch(*tx, actor, "queue for assignment rule " + std::to_string(*in.rule_id), now);
    result.updated = repo::QueueTargets(*tx, *in.rule_id, actor, batch, now);
    repo::FinishAuditBatch(*tx, batch, result.matched);
    if (!in.dry_run) tx->Commit();
    return result;
  }
  if (unassign) {
    // R4 for each lead: another member of its rule, picked in turn, one history row each; each
    // new owner hears once how many they got.
    std::map<std::int64_t, std::int64_t> given;
    for (std::int64_t id : repo::TargetIds(*tx)) {
      auto lead = repo::Find(*tx, id);
      auto after = lead ? HandOn(*tx, p, *lead, now, false) : std::nullopt;
      if (!after) continue;
      ++result.updated;
      ++given[*after->owner_id];
    }
    TellNewOwners(*tx, given, "unassign", p.user_id);
    if (!in.dry_run) tx->Commit();
    return result;
  }
  const audit::Actor actor = audit::ActorOf(p);
  const std::int64_t batch = repo::NewAuditBatch(*tx, actor, in.action ? "delete" : in.set.dump(), now);
  if (in.action) {
    repo::DeleteTargets(*tx, actor, batch, now);
  }
  std::vector<repo::TargetChange> changes;
  if (set.owner_id) {
    changes.push_back({"owner_id", *set.owner_id, Text(*set.owner_id)});
    if (*set.owner_id) changes.push_back({"team_id", team_of_owner, Text(team_of_owner)});
  }
  if (set.status) changes.push_back({"status", *set.status, *set.status});
  if (set.stage) changes.push_back({"stage", *set.stage, *set.stage});
  if (set.source) changes.push_back({"source", *set.source, *set.source});
  if (set.campaign_id) changes.push_back({"campaign_id", *set.campaign_id, Text(*set.campaign_id)});
  const std::optional<std::string> reason = set.do_not_contact && *set.do_not_contact ? set.dnc_reason : std::nullopt;
  if (set.do_not_contact) {
    changes.push_back({"do_not_contact", *set.do_not_contact, *set.do_not_contact ? "true" : "false"});
    changes.push_back({"dnc_reason", reason, reason});
  }
  if (set.owner_id) repo::RecordTargetsOwnerChange(*tx, *set.owner_id, actor.user_id, now);
  if (set.owner_id || (set.do_not_contact && *set.do_not_contact) ||
      (set.status && IsClosedStatus(*set.status))) {
    repo::DequeueTargets(*tx);  // R5: decided by hand, or closed: the queue no longer hands them out
  }
  const bool assign_new = set.owner_id && *set.owner_id && !set.status;
  if (!changes.empty()) repo::SetOnTargets(*tx, changes, assign_new, actor, batch, now);
  if (set.status && !IsClosedStatus(*set.status) && !set.owner_id) repo::TargetsToOwnersTeams(*tx, actor, batch, now);
  if (set.tags || !set.add_tags.empty() || !set.remove_tags.empty()) {
    repo::ChangeTargetTags(*tx, set.tags, set.add_tags, set.remove_tags, actor, batch, now);
  }
  result.updated = repo::FinishAuditBatch(*tx, batch, result.matched);
  if (set.owner_id && *set.owner_id && result.updated > 0) {
    TellNewOwners(*tx, {{**set.owner_id, result.updated}}, "mass_update", p.user_id);
  }
  if (!in.dry_run) tx->Commit();  // a dry run rolls back what it did and keeps the figures
  return result;
}

Result<LeadService::Distribution> LeadService::DistributeQueued(std::int64_t rule_id, std::optional<std::int64_t> batch,
                                                                Millis now) {
  if (!assigner_) return Error::Conflict("assignment rules are not available", "rules_unavailable");
  const audit::Actor actor{std::nullopt, Channel::kRule};
  Distribution out;
  std::optional<std::int64_t> wanted;
  // Chunks of their own transactions: other writers wait for one chunk, not for the batch, and a
  // run cut short leaves what it did not reach in the queue for the next run.
  for (;;) {
    auto tx = db_.BeginWrite();
    if (!wanted) {
      const std::int64_t queued = repo::CountQueued(*tx, rule_id);
      wanted = std::min(queued, batch.value_or(queued));
    }
    const std::int64_t chunk = std::min(*wanted - out.assigned, kDistributionChunk);
    // The leads first, then as many picks: the turns and caps move only for leads given.
    std::vector<repo::QueuedLead> queued = repo::QueuedLeads(*tx, rule_id, chunk);
    std::vector<std::optional<std::int64_t>> owners(queued.size());
    for (std::size_t i = 0; i < queued.size(); ++i) owners[i] = queued[i].owner_id;
    auto choices = assigner_->ChooseMany(*tx, rule_id, owners, !batch, now);
    if (!choices) return std::move(choices).error();
    queued.resize(choices->size());
    if (!queued.empty()) {
      std::vector<repo::OwnerPick> picks(queued.size());
      std::map<std::int64_t, std::int64_t> given;  // new owner -> leads (one kept by its owner is no news)
      for (std::size_t i = 0; i < queued.size(); ++i) {
        picks[i] = {queued[i].id, (*choices)[i].user_id, (*choices)[i].team_id};
        if (picks[i].owner_id != queued[i].owner_id) ++given[picks[i].owner_id];
      }
      const std::int64_t audit_batch =
          repo::NewAuditBatch(*tx, actor, "auto-assign by rule " + std::to_string(rule_id), now);
      repo::GiveTargets(*tx, picks, rule_id, actor, audit_batch, now);
      TellNewOwners(*tx, given, "queue", std::nullopt);
      repo::FinishAuditBatch(*tx, audit_batch, static_cast<std::int64_t>(queued.size()));
      repo::DequeueTargets(*tx);
    }
    out.assigned += static_cast<std::int64_t>(queued.size());
    const bool last = !batch || static_cast<std::int64_t>(queued.size()) < chunk || out.assigned >= *wanted;
    if (last) out.left = repo::CountQueued(*tx, rule_id);
    tx->Commit();
    if (last) break;
  }
  return out;
}

}  // namespace sen::leads
