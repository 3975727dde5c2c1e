// SQL for assignment rules; every query is a named constant with bound parameters.
#include "modules/assignment/assignment_repository.h"

#include <algorithm>

#include "db/list_cache.h"
#include "text/fold.h"

namespace sen::assignment::repo {

namespace {

constexpr std::string_view kRulesCounter = "assignment_rules";
constexpr std::string_view kUsersCounter = "users";
constexpr std::string_view kLeadsCounter = "leads";

constexpr std::string_view kRuleColumns =
    "SELECT id, name, active, campaign_id, source, method, creator_priority, created_at, updated_at, state, "
    "state_day, (SELECT COUNT(*) FROM assignment_queue q JOIN leads l ON l.id = q.lead_id "
    "WHERE q.rule_id = assignment_rules.id AND l.deleted_at IS NULL) FROM assignment_rules";
constexpr std::string_view kMembers = R"~(
SELECT m.user_id, m.weight, m.daily_cap, u.full_name, u.online
FROM assignment_rule_members m JOIN users u ON u.id = m.user_id
WHERE m.rule_id = ? ORDER BY m.position)~";
constexpr std::string_view kInsert = R"~(
INSERT INTO assignment_rules (name, active, campaign_id, source, method, creator_priority, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kUpdate = R"~(
UPDATE assignment_rules SET name = ?, active = ?, campaign_id = ?, source = ?, method = ?, creator_priority = ?,
                            updated_at = ?
WHERE id = ?)~";
constexpr std::string_view kDelete = "DELETE FROM assignment_rules WHERE id = ?";
// The leads waiting in a deleted rule's queue leave it, each with its trail saying so (the rule's
// name, as the queue's audit rows keep names).
constexpr std::string_view kDequeueAudit = R"~(
INSERT INTO audit_log (entity_type, entity_id, action, field, old_value, new_value, user_id, via, created_at)
SELECT 'lead', q.lead_id, 'update', 'queue', r.name, NULL, ?, ?, ?
FROM assignment_queue q JOIN assignment_rules r ON r.id = q.rule_id WHERE q.rule_id = ?)~";
constexpr std::string_view kDeleteMembers = "DELETE FROM assignment_rule_members WHERE rule_id = ?";
constexpr std::string_view kInsertMember = R"~(
INSERT INTO assignment_rule_members (rule_id, user_id, position, weight, daily_cap) VALUES (?, ?, ?, ?, ?))~";
constexpr std::string_view kActiveRules = R"~(
SELECT id, method, creator_priority, campaign_id, source FROM assignment_rules WHERE active = 1
ORDER BY (campaign_id IS NOT NULL) + (source IS NOT NULL) DESC, id)~";
constexpr std::string_view kActiveMembers = R"~(
SELECT m.rule_id, m.user_id, m.weight, m.daily_cap, u.online, u.team_id
FROM assignment_rule_members m JOIN users u ON u.id = m.user_id JOIN assignment_rules r ON r.id = m.rule_id
WHERE r.active = 1 AND u.active = 1 ORDER BY m.rule_id, m.position)~";
// Both counters only grow, so their sum moves whenever either does: one read per pick, at every
// lead a rule may take. Two point reads (both rows come with migration 0007): `name IN (?, ?)`
// made SQLite build a temporary B-tree, a pager of its own, for the list at every run.
constexpr std::string_view kGeneration =
    "SELECT (SELECT value FROM change_counters WHERE name = ?) + (SELECT value FROM change_counters WHERE name = ?)";
constexpr std::string_view kReadState = "SELECT state, state_day FROM assignment_rules WHERE id = ?";
constexpr std::string_view kSaveState = "UPDATE assignment_rules SET state = ?, state_day = ? WHERE id = ?";
constexpr std::string_view kOpenLeads = "SELECT open FROM owner_open_leads WHERE user_id = ?";

std::optional<int> OptSmall(const db::Row& r, int col) {
  return r.IsNull(col) ? std::nullopt : std::optional(static_cast<int>(r.Int(col)));
}

Rule ReadRule(const db::Row& r, State& state) {
  Rule rule;
  rule.id = r.Int(0);
  rule.name = r.Str(1);
  rule.active = r.Int(2) != 0;
  rule.campaign_id = r.OptInt(3);
  rule.source = r.OptStr(4);
  rule.method = ParseMethod(r.Text(5)).value_or(Method::kRoundRobin);
  rule.creator_priority = r.Int(6) != 0;
  rule.created_at = r.Int(7);
  rule.updated_at = r.Int(8);
  state = {r.Str(9), r.Int(10)};
  rule.queued = r.Int(11);
  return rule;
}

// The members with today's counts taken from the rule's state.
void ReadMembers(db::Transaction& tx, Rule& rule, const State& state, Millis day_start) {
  std::vector<Seat> seats;
  tx.Query(kMembers, {rule.id}, [&](const db::Row& r) {
    rule.members.push_back({r.Int(0), static_cast<int>(r.Int(1)), OptSmall(r, 2), r.Str(3), r.Int(4) != 0, 0});
    seats.push_back({.user_id = r.Int(0)});
  });
  ApplyState(state.text, state.day >= day_start, seats);  // a later day's counts are today's (SeatsOf)
  for (std::size_t i = 0; i < seats.size(); ++i) rule.members[i].taken_today = seats[i].taken_today;
}

void SaveMembers(db::Transaction& tx, const Rule& rule) {
  tx.Execute(kDeleteMembers, {rule.id});
  for (std::size_t i = 0; i < rule.members.size(); ++i) {
    const Member& m = rule.members[i];
    tx.Execute(kInsertMember, {rule.id, m.user_id, static_cast<std::int64_t>(i), m.weight, m.daily_cap});
  }
  db::BumpChangeCounter(tx, kRulesCounter);
}

}  // namespace

std::vector<Rule> List(db::Transaction& tx, Millis day_start) {
  std::vector<std::pair<Rule, State>> found;
  tx.Query(std::string(kRuleColumns) + " ORDER BY id", {}, [&](const db::Row& r) {
    State state;
    Rule rule = ReadRule(r, state);
    found.emplace_back(std::move(rule), std::move(state));
  });
  std::vector<Rule> out;
  for (auto& [rule, state] : found) {
    ReadMembers(tx, rule, state, day_start);
    out.push_back(std::move(rule));
  }
  return out;
}

std::optional<Rule> Find(db::Transaction& tx, std::int64_t id, Millis day_start) {
  std::optional<Rule> out;
  State state;
  tx.Query(std::string(kRuleColumns) + " WHERE id = ?", {id}, [&](const db::Row& r) { out = ReadRule(r, state); });
  if (out) ReadMembers(tx, *out, state, day_start);
  return out;
}

std::int64_t Insert(db::Transaction& tx, const Rule& rule) {
  Rule saved = rule;
  saved.id = *tx.QueryInt(kInsert, {rule.name, rule.active, rule.campaign_id, rule.source, MethodName(rule.method),
                                    rule.creator_priority, rule.created_at, rule.updated_at});
  SaveMembers(tx, saved);
  return saved.id;
}

void Update(db::Transaction& tx, const Rule& rule) {
  tx.Execute(kUpdate, {rule.name, rule.active, rule.campaign_id, rule.source, MethodName(rule.method),
                       rule.creator_priority, rule.updated_at, rule.id});
  SaveMembers(tx, rule);
}

void Delete(db::Transaction& tx, std::int64_t id, const audit::Actor& actor, Millis now) {
  tx.Execute(kDequeueAudit, {actor.user_id, ChannelName(actor.channel), now, id});
  tx.Execute(kDeleteMembers, {id});
  tx.Execute(kDelete, {id});  // its queue goes with it (ON DELETE CASCADE)
  db::BumpChangeCounter(tx, kRulesCounter);
  db::BumpChangeCounter(tx, kLeadsCounter);  // the lists of its queue are empty now
}

std::vector<ActiveRule> ActiveRules(db::Transaction& tx) {
  std::vector<ActiveRule> rules;
  tx.Query(kActiveRules, {}, [&](const db::Row& r) {
    ActiveRule rule;
    rule.id = r.Int(0);
    rule.method = ParseMethod(r.Text(1)).value_or(Method::kRoundRobin);
    rule.creator_priority = r.Int(2) != 0;
    rule.campaign_id = r.OptInt(3);
    if (auto source = r.OptStr(4)) rule.source_fold = text::Fold(*source);
    rules.push_back(std::move(rule));
  });
  tx.Query(kActiveMembers, {}, [&](const db::Row& r) {
    auto rule = std::find_if(rules.begin(), rules.end(), [&](const ActiveRule& a) { return a.id == r.Int(0); });
    if (rule == rules.end()) return;
    rule->seats.push_back({.user_id = r.Int(1),
                           .weight = static_cast<int>(r.Int(2)),
                           .daily_cap = OptSmall(r, 3),
                           .online = r.Int(4) != 0});
    rule->teams.push_back(r.OptInt(5));
  });
  return rules;
}

std::int64_t Generation(db::Transaction& tx) {
  return tx.QueryInt(kGeneration, {kRulesCounter, kUsersCounter}).value_or(0);
}

State ReadState(db::Transaction& tx, std::int64_t rule_id) {
  State state;
  tx.Query(kReadState, {rule_id}, [&](const db::Row& r) { state = {r.Str(0), r.Int(1)}; });
  return state;
}

void SaveState(db::Transaction& tx, std::int64_t rule_id, const State& state) {
  tx.Execute(kSaveState, {state.text, state.day, rule_id});
}

std::int64_t OpenLeads(db::Transaction& tx, std::int64_t user_id) {
  return tx.QueryInt(kOpenLeads, {user_id}).value_or(0);
}

}  // namespace sen::assignment::repo
