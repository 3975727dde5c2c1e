// The only code that runs SQL on assignment rules, their members and turn state.
#pragma once

#include <optional>
#include <vector>

#include "db/database.h"
#include "modules/assignment/assignment.h"
#include "modules/audit/audit.h"

namespace sen::assignment::repo {

// Every rule with its members in order; today's counts from the state of `day_start`.
std::vector<Rule> List(db::Transaction& tx, Millis day_start);
std::optional<Rule> Find(db::Transaction& tx, std::int64_t id, Millis day_start);
std::int64_t Insert(db::Transaction& tx, const Rule& rule);
// Saves the rule and its member list (members who stay keep their turn state).
void Update(db::Transaction& tx, const Rule& rule);
// Deletes the rule; the leads in its queue leave it, each with an audit row by `actor`.
void Delete(db::Transaction& tx, std::int64_t id, const audit::Actor& actor, Millis now);

// What picks need of the active rules, most specific first (campaign and source, then one, then
// any), with their active members in order: settings and presence, not the turn state.
struct ActiveRule {
  std::int64_t id = 0;
  Method method = Method::kRoundRobin;
  bool creator_priority = true;
  std::optional<std::int64_t> campaign_id;
  std::optional<std::string> source_fold;  // folded (text::Fold): "Hội thảo" takes "hoi thao"
  std::vector<Seat> seats;
  std::vector<std::optional<std::int64_t>> teams;  // of each seat's user
};
std::vector<ActiveRule> ActiveRules(db::Transaction& tx);
// Moves whenever what ActiveRules answers may have changed (rules, members, users' presence).
std::int64_t Generation(db::Transaction& tx);

struct State {
  std::string text;
  Millis day = 0;
};
State ReadState(db::Transaction& tx, std::int64_t rule_id);
void SaveState(db::Transaction& tx, std::int64_t rule_id, const State& state);
// Least loaded: the user's leads that are still open.
std::int64_t OpenLeads(db::Transaction& tx, std::int64_t user_id);

}  // namespace sen::assignment::repo
