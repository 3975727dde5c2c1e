// Rules: access check, input, storage, audit. Choose runs inside the caller's write transaction,
// so the pick, the turn state and the lead are saved together or not at all.
#include "modules/assignment/assignment_service.h"

#include <algorithm>
#include <utility>

#include "modules/assignment/assignment_repository.h"
#include "modules/audit/audit.h"
#include "modules/campaigns/campaign_repository.h"
#include "text/fold.h"

namespace sen::assignment {

namespace {

using nlohmann::json;

// Whether `rule` is for `lead`: its campaign, and its source as people type it ("Hội thảo" takes
// "hoi thao" and "HỘI THẢO" too). `source_fold` keeps the lead's folded source between rules.
bool Takes(const repo::ActiveRule& rule, const leads::Lead& lead,
           std::optional<std::string>& source_fold) {
  if (rule.campaign_id && rule.campaign_id != lead.campaign_id) return false;
  if (!rule.source_fold) return true;
  if (!lead.source) return false;
  if (!source_fold) source_fold = text::Fold(*lead.source);
  return *source_fold == *rule.source_fold;
}

Error NotFound(std::int64_t id) { return Error::NotFound("no assignment rule has id " + std::to_string(id)); }

std::optional<std::int64_t> PositiveInt(const json& v, std::int64_t max) {
  if (!v.is_number_integer()) return std::nullopt;
  auto n = v.get<std::int64_t>();
  return n >= 1 && n <= max ? std::optional(n) : std::nullopt;
}

// Whom `p` may name in a rule: anyone for an admin; a manager, themselves and their own team, as
// for giving a lead by hand. A rule hands leads out, and a manager's new and unassigned leads
// given to another team would leave the manager's sight at once.
bool MayName(const Principal& p, const users::User& user) {
  return p.role == Role::kAdmin || user.id == p.user_id || (p.team_id && user.team_id == p.team_id);
}

void ApplyMembers(db::Transaction& tx, const Principal& p, users::UserService& users, Rule& rule,
                  const json& list, FieldErrors& errors) {
  if (!list.is_array() || list.size() > 500) {
    errors.Add("members", "must be a list of at most 500 members", "wrong_type");
    return;
  }
  rule.members.clear();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = "members." + std::to_string(i) + ".";
    const json& m = list[i];
    if (!m.is_object()) {
      errors.Add("members." + std::to_string(i), "must be an object", "wrong_type");
      continue;
    }
    Member member;
    for (const auto& [key, value] : m.items()) {
      if (key == "user_id") {
        auto user = users.ActiveUser(tx, PositiveInt(value, INT64_MAX).value_or(0), at + key);  // 0: nobody
        if (!user) {
          errors.Merge(user.error());
        } else if (!MayName(p, *user)) {
          errors.Add(at + key, "is not in your team: a manager's rule names their own team",
                     "other_team");
        } else {
          member.user_id = user->id;
        }
      } else if (key == "weight") {
        auto w = value.is_null() ? std::optional<std::int64_t>(1) : PositiveInt(value, 100);
        if (!w) errors.Add(at + key, "must be a whole number from 1 to 100", "out_of_range");
        member.weight = static_cast<int>(w.value_or(1));
      } else if (key == "daily_cap") {
        if (value.is_null()) continue;
        auto cap = PositiveInt(value, 100'000);
        if (!cap) errors.Add(at + key, "must be empty or a whole number from 1 to 100000", "out_of_range");
        if (cap) member.daily_cap = static_cast<int>(*cap);
      } else if (key != "full_name" && key != "online" && key != "taken_today") {
        errors.Add(at + key, "is not a member setting", "unknown_field");
      }
    }
    if (!m.contains("user_id")) errors.Add(at + "user_id", "is required", "required");
    const bool twice = std::any_of(rule.members.begin(), rule.members.end(),
                                   [&](const Member& o) { return member.user_id && o.user_id == member.user_id; });
    if (twice) errors.Add(at + "user_id", "is already a member of this rule", "duplicate");
    rule.members.push_back(member);
  }
}

}  // namespace

AssignmentService::AssignmentService(db::Database& db, const Clock& clock, users::UserService& users)
    : db_(db), clock_(clock), users_(users) {}

Status AssignmentService::Apply(db::Transaction& tx, const Principal& p, Rule& rule,
                                const json& input, bool create) {
  FieldErrors errors;
  for (const auto& [key, value] : input.items()) {
    if (key == "name") {
      rule.name = value.is_string() ? text::Tidy(value.get<std::string>()) : "";
      if (rule.name.empty() || rule.name.size() > 200) errors.Add(key, "is required, up to 200 bytes", "required");
    } else if (key == "active" || key == "creator_priority") {
      if (!value.is_boolean()) {
        errors.Add(key, "must be true or false", "wrong_type");
      } else {
        (key == "active" ? rule.active : rule.creator_priority) = value.get<bool>();
      }
    } else if (key == "campaign_id") {
      rule.campaign_id = value.is_null() ? std::nullopt : PositiveInt(value, INT64_MAX);
      if (!value.is_null() && !rule.campaign_id) errors.Add(key, "must be an id or null", "wrong_type");
      if (auto campaign = campaigns::repo::Check(tx, rule.campaign_id, key); !campaign) errors.Merge(campaign.error());
    } else if (key == "source") {
      if (!value.is_null() && !value.is_string()) errors.Add(key, "must be text or null", "wrong_type");
      rule.source.reset();
      if (value.is_string() && !text::Tidy(value.get<std::string>()).empty()) rule.source = text::Tidy(value.get<std::string>());
    } else if (key == "method") {
      auto method = value.is_string() ? ParseMethod(value.get<std::string>()) : std::nullopt;
      if (!method) errors.Add(key, "must be round_robin, least_loaded or weighted", "unknown_value");
      rule.method = method.value_or(rule.method);
    } else if (key == "members") {
      ApplyMembers(tx, p, users_, rule, value, errors);
    } else if (key != "id" && key != "queued" && key != "created_at" && key != "updated_at") {
      errors.Add(key, "is not a rule setting", "unknown_field");
    }
  }
  if (create) {
    for (const char* key : {"name", "method"}) {
      if (!input.contains(key) && !errors.Has(key)) errors.Add(key, "is required", "required");
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Result<std::vector<Rule>> AssignmentService::List(const Principal& p) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins see assignment rules");
  auto tx = db_.BeginRead();
  return repo::List(*tx, CompanyDayStart(clock_.Now()));
}

Result<Rule> AssignmentService::Get(const Principal& p, std::int64_t id) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins see assignment rules");
  auto tx = db_.BeginRead();
  auto rule = repo::Find(*tx, id, CompanyDayStart(clock_.Now()));
  if (!rule) return NotFound(id);
  return *rule;
}

Result<Rule> AssignmentService::Create(const Principal& p, const json& input) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins change assignment rules");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  Rule rule;
  if (auto applied = Apply(*tx, p, rule, input, true); !applied) return std::move(applied).error();
  rule.created_at = rule.updated_at = now;
  rule.id = repo::Insert(*tx, rule);
  audit::Record(*tx, audit::ActorOf(p), "assignment_rule", rule.id, {{"create", std::nullopt, std::nullopt, rule.name}},
                now);
  auto saved = repo::Find(*tx, rule.id, CompanyDayStart(now));
  tx->Commit();
  return *saved;
}

Result<Rule> AssignmentService::Update(const Principal& p, std::int64_t id, const json& input) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins change assignment rules");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto rule = repo::Find(*tx, id, CompanyDayStart(now));
  if (!rule) return NotFound(id);
  if (auto mine = CheckMayChange(*tx, p, *rule); !mine) return std::move(mine).error();
  if (auto applied = Apply(*tx, p, *rule, input, false); !applied) return std::move(applied).error();
  rule->updated_at = now;
  repo::Update(*tx, *rule);
  audit::Record(*tx, audit::ActorOf(p), "assignment_rule", id, {{"update", std::nullopt, std::nullopt, input.dump()}},
                now);
  auto saved = repo::Find(*tx, id, CompanyDayStart(now));
  tx->Commit();
  return *saved;
}

Status AssignmentService::Delete(const Principal& p, std::int64_t id) {
  if (!p.Manages()) return Error::Forbidden("only managers and admins change assignment rules");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto rule = repo::Find(*tx, id, CompanyDayStart(now));
  if (!rule) return NotFound(id);
  if (auto mine = CheckMayChange(*tx, p, *rule); !mine) return std::move(mine).error();
  repo::Delete(*tx, id, audit::ActorOf(p), now);
  audit::Record(*tx, audit::ActorOf(p), "assignment_rule", id, {{"delete", std::nullopt, rule->name, std::nullopt}},
                now);
  tx->Commit();
  return {};
}

Status AssignmentService::CheckMayChange(db::Transaction& tx, const Principal& p, const Rule& rule) {
  if (p.role == Role::kAdmin) return {};  // may name anyone: no member to look up
  for (const auto& member : rule.members) {
    auto user = users_.Find(tx, member.user_id);
    if (user && !MayName(p, *user)) {
      return Error::Forbidden("the rule names members of other teams: only admins change it");
    }
  }
  return {};
}

AssignmentService::Seating AssignmentService::SeatsOf(db::Transaction& tx, const Rules& rules,
                                                     const repo::ActiveRule& rule, Millis day) {
  Seating out;
  const auto kept = kept_.find(rule.id);
  if (kept != kept_.end() && kept->second.rules == rules && kept->second.day >= day) {
    out = kept->second;
  } else {
    // Counts saved for a later day are today's: a run that began before midnight (its chunks
    // keep the start's day) or an instance whose clock is behind adds to them, and saves that day.
    // The state kept for other rules or members, or an earlier day, is taken as if saved.
    const auto state = kept == kept_.end()
                           ? repo::ReadState(tx, rule.id)
                           : repo::State{EncodeState(kept->second.seats, kept->second.away), kept->second.day};
    out = {rules, rule.seats, {}, std::max(day, state.day)};
    out.away = ApplyState(state.text, state.day >= day, out.seats);
  }
  if (rule.method == Method::kLeastLoaded) {
    for (auto& seat : out.seats) seat.open_leads = seat.online ? repo::OpenLeads(tx, seat.user_id) : 0;
  }
  return out;
}

// Why not a save per pick: a rule's state is a row of ~1 KB for 50 members; reading, decoding,
// encoding and writing it at each of a group commit's creates took 4.3% of the server's time in
// bench/assign.sh, of the 5.5% the whole pick took (perf, bench/README.md).
void AssignmentService::Keep(db::Transaction& tx, std::int64_t rule_id, Seating seating) {
  std::optional<Seating> before;
  if (auto it = kept_.find(rule_id); it != kept_.end()) {
    before = std::exchange(it->second, std::move(seating));
  } else {
    kept_.emplace(rule_id, std::move(seating));
  }
  tx.AtRollback([this, rule_id, before = std::move(before)]() mutable {
    if (before) {
      kept_[rule_id] = std::move(*before);
    } else {
      kept_.erase(rule_id);
    }
  });
  // Before the search index's work (ordered by lead id), once for the transaction: the first to
  // run saves, the others find nothing kept.
  tx.AtCommit(0, [this, rule_id](db::Transaction& t) {
    auto it = kept_.find(rule_id);
    if (it == kept_.end()) return;
    repo::SaveState(t, rule_id, {EncodeState(it->second.seats, it->second.away), it->second.day});
    kept_.erase(it);
  });
}

AssignmentService::Rules AssignmentService::ActiveRules(db::Transaction& tx) {
  const std::int64_t generation = repo::Generation(tx);
  std::lock_guard lock(mutex_);
  if (!rules_ || generation != generation_) {
    rules_ = std::make_shared<const std::vector<repo::ActiveRule>>(repo::ActiveRules(tx));
    generation_ = generation;
  }
  return rules_;
}

std::optional<leads::Assigner::Choice> AssignmentService::Choose(db::Transaction& tx, const leads::Lead& lead,
                                                                 std::optional<std::int64_t> creator,
                                                                 std::optional<std::int64_t> exclude, Millis now) {
  const Millis day = CompanyDayStart(now);
  const auto rules = ActiveRules(tx);
  std::optional<std::string> source_fold;
  // R3: a creator who is an ON member of a rule for the lead (with creator priority) keeps it, even
  // when another rule for it comes first: with a rule per team, the first would give it to another.
  for (const auto& rule : *rules) {
    if (!creator || !rule.creator_priority) continue;
    const bool seated =
        std::any_of(rule.seats.begin(), rule.seats.end(), [&](const Seat& s) { return s.user_id == *creator; });
    if (!seated || !Takes(rule, lead, source_fold)) continue;
    Seating seating = SeatsOf(tx, rules, rule, day);
    auto chosen = Pick(seating.seats, {rule.method, true, creator, exclude});
    if (!chosen || seating.seats[*chosen].user_id != *creator) continue;
    Keep(tx, rule.id, std::move(seating));
    return Choice{*creator, rule.teams[*chosen], rule.id};
  }
  for (const auto& rule : *rules) {
    if (!Takes(rule, lead, source_fold)) continue;
    Seating seating = SeatsOf(tx, rules, rule, day);
    auto chosen = Pick(seating.seats, {rule.method, rule.creator_priority && creator, creator, exclude});
    if (!chosen) continue;
    const std::int64_t owner = seating.seats[*chosen].user_id;
    Keep(tx, rule.id, std::move(seating));
    return Choice{owner, rule.teams[*chosen], rule.id};
  }
  return std::nullopt;
}

Result<std::vector<leads::Assigner::Choice>> AssignmentService::ChooseMany(
    db::Transaction& tx, std::int64_t rule_id, std::span<const std::optional<std::int64_t>> owners, bool one_each,
    Millis now) {
  const Millis day = CompanyDayStart(now);
  const auto rules = ActiveRules(tx);
  auto rule = std::find_if(rules->begin(), rules->end(), [&](const repo::ActiveRule& r) { return r.id == rule_id; });
  if (rule == rules->end()) {
    return Error::Conflict("assignment rule " + std::to_string(rule_id) + " is switched off or deleted",
                           "rule_inactive");
  }
  Seating seating = SeatsOf(tx, rules, *rule, day);
  std::vector<Seat>& seats = seating.seats;
  PickRequest request{rule->method, false, std::nullopt, std::nullopt};
  std::size_t max = owners.size();
  if (one_each) {
    max = std::min<std::size_t>(max, std::count_if(seats.begin(), seats.end(),
                                                   [&](const Seat& s) { return CanTake(s, request); }));
  }
  std::vector<Choice> out;
  out.reserve(max);
  while (out.size() < max) {
    request.exclude = owners[out.size()];  // handed on, as an unassign does (R4)
    auto chosen = Pick(seats, request);
    if (!chosen && request.exclude) {
      request.exclude.reset();
      chosen = Pick(seats, request);
    }
    if (!chosen) break;
    out.push_back(Choice{seats[*chosen].user_id, rule->teams[*chosen], rule->id});
  }
  if (!out.empty()) Keep(tx, rule->id, std::move(seating));
  return out;
}

Status AssignmentService::CheckMayHandOut(db::Transaction& tx, const Principal& p, std::int64_t rule_id,
                                         const std::string& field) {
  auto rule = repo::Find(tx, rule_id, CompanyDayStart(clock_.Now()));
  if (!rule) return Error::Field(field, "no assignment rule has id " + std::to_string(rule_id), "not_found");
  if (auto mine = CheckMayChange(tx, p, *rule); !mine) {
    return Error::Forbidden("assignment rule " + rule->name +
                            " gives leads to members of other teams: only admins hand leads out through it");
  }
  return {};
}

void AssignmentService::GiveBack(db::Transaction& tx, std::int64_t rule_id, std::int64_t user_id, Millis at,
                                 Millis now) {
  const Millis day = CompanyDayStart(now);
  if (at < day) return;  // an earlier day's count is over anyway
  const auto rules = ActiveRules(tx);
  auto rule = std::find_if(rules->begin(), rules->end(), [&](const repo::ActiveRule& r) { return r.id == rule_id; });
  if (rule == rules->end()) return;
  Seating seating = SeatsOf(tx, rules, *rule, day);
  if (seating.day != day) return;  // counts saved for a later day (a clock behind): left as they are
  for (auto& seat : seating.seats) {
    if (seat.user_id == user_id && seat.taken_today > 0) --seat.taken_today;
  }
  for (auto& away : seating.away) {
    if (away.user_id == user_id && away.taken_today > 0) --away.taken_today;
  }
  Keep(tx, rule_id, std::move(seating));
}

bool AssignmentService::AnyRuleTakes(db::Transaction& tx, const leads::Lead& lead) {
  const auto rules = ActiveRules(tx);
  std::optional<std::string> source_fold;
  return std::any_of(rules->begin(), rules->end(),
                     [&](const repo::ActiveRule& rule) { return Takes(rule, lead, source_fold); });
}

}  // namespace sen::assignment
