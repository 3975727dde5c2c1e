// The only code that runs SQL on assignment rules and their members' turn state.
#pragma once

#include <optional>
#include <vector>

#include "db/database.h"
#include "modules/assignment/assignment.h"

namespace sen::assignment::repo {

// Every rule with its members in order; `day_start` counts what each member took today.
std::vector<Rule> List(db::Transaction& tx, Millis day_start);
std::optional<Rule> Find(db::Transaction& tx, std::int64_t id, Millis day_start);
std::int64_t Insert(db::Transaction& tx, const Rule& rule);
// Saves the rule and its member list: members who stay keep their turn state, new ones join at
// the lowest turn count so that they take their turn without a run of leads.
void Update(db::Transaction& tx, const Rule& rule);
void Delete(db::Transaction& tx, std::int64_t id);

// A rule that may take a lead, most specific first (campaign and source, then one, then any).
struct Candidate {
  std::int64_t id = 0;
  Method method = Method::kRoundRobin;
  bool creator_priority = true;
};
std::vector<Candidate> Matching(db::Transaction& tx, std::optional<std::int64_t> campaign_id,
                                const std::optional<std::string>& source);
// The rule's active members in order with their state; open leads are counted only if asked.
struct SeatRow {
  Seat seat;
  std::optional<std::int64_t> team_id;
};
std::vector<SeatRow> Seats(db::Transaction& tx, std::int64_t rule_id, Millis day_start, bool count_open_leads);
void SaveSeat(db::Transaction& tx, std::int64_t rule_id, const Seat& seat);

}  // namespace sen::assignment::repo
