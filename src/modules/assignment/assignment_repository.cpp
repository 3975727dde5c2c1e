// SQL for assignment rules; every query is a named constant with bound parameters.
#include "modules/assignment/assignment_repository.h"

#include <algorithm>

namespace sen::assignment::repo {

namespace {

constexpr std::string_view kRuleColumns =
    "SELECT id, name, active, campaign_id, source, method, creator_priority, created_at, updated_at "
    "FROM assignment_rules";
constexpr std::string_view kMembers = R"~(
SELECT m.user_id, m.weight, m.daily_cap, u.full_name, u.online,
       (SELECT COUNT(*) FROM lead_assignments a WHERE a.rule_id = m.rule_id AND a.to_user = m.user_id AND a.at >= ?)
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
constexpr std::string_view kDeleteMembers = "DELETE FROM assignment_rule_members WHERE rule_id = ?";
constexpr std::string_view kDeleteMember = "DELETE FROM assignment_rule_members WHERE rule_id = ? AND user_id = ?";
constexpr std::string_view kMemberIds = "SELECT user_id FROM assignment_rule_members WHERE rule_id = ?";
constexpr std::string_view kUpsertMember = R"~(
INSERT INTO assignment_rule_members (rule_id, user_id, position, weight, daily_cap, turns)
VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MIN(turns), 0) FROM assignment_rule_members WHERE rule_id = ?))
ON CONFLICT (rule_id, user_id) DO UPDATE SET position = excluded.position, weight = excluded.weight,
                                             daily_cap = excluded.daily_cap)~";
constexpr std::string_view kMatching = R"~(
SELECT id, method, creator_priority FROM assignment_rules
WHERE active = 1 AND (campaign_id IS NULL OR campaign_id = ?) AND (source IS NULL OR source = ?)
ORDER BY (campaign_id IS NOT NULL) + (source IS NOT NULL) DESC, id)~";
constexpr std::string_view kSeats = R"~(
SELECT m.user_id, m.weight, m.daily_cap, m.turns, m.credit, u.online, u.team_id,
       (SELECT COUNT(*) FROM lead_assignments a WHERE a.rule_id = m.rule_id AND a.to_user = m.user_id AND a.at >= ?),
       CASE WHEN ? THEN (SELECT COUNT(*) FROM leads l WHERE l.owner_id = m.user_id AND l.deleted_at IS NULL
                                                  AND l.status NOT IN ('converted', 'dead')) ELSE 0 END
FROM assignment_rule_members m JOIN users u ON u.id = m.user_id
WHERE m.rule_id = ? AND u.active = 1 ORDER BY m.position)~";
constexpr std::string_view kSaveSeat =
    "UPDATE assignment_rule_members SET turns = ?, credit = ? WHERE rule_id = ? AND user_id = ?";

std::optional<int> OptSmall(const db::Row& r, int col) {
  return r.IsNull(col) ? std::nullopt : std::optional(static_cast<int>(r.Int(col)));
}

Rule ReadRule(const db::Row& r) {
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
  return rule;
}

void ReadMembers(db::Transaction& tx, Rule& rule, Millis day_start) {
  tx.Query(kMembers, {day_start, rule.id}, [&](const db::Row& r) {
    rule.members.push_back({r.Int(0), static_cast<int>(r.Int(1)), OptSmall(r, 2), r.Str(3), r.Int(4) != 0,
                            static_cast<int>(r.Int(5))});
  });
}

void SaveMembers(db::Transaction& tx, const Rule& rule) {
  std::vector<std::int64_t> gone;
  tx.Query(kMemberIds, {rule.id}, [&](const db::Row& r) { gone.push_back(r.Int(0)); });
  std::erase_if(gone, [&](std::int64_t id) {
    return std::any_of(rule.members.begin(), rule.members.end(), [&](const Member& m) { return m.user_id == id; });
  });
  for (std::int64_t id : gone) tx.Execute(kDeleteMember, {rule.id, id});
  for (std::size_t i = 0; i < rule.members.size(); ++i) {
    const Member& m = rule.members[i];
    tx.Execute(kUpsertMember, {rule.id, m.user_id, static_cast<std::int64_t>(i), m.weight, m.daily_cap, rule.id});
  }
}

}  // namespace

std::vector<Rule> List(db::Transaction& tx, Millis day_start) {
  std::vector<Rule> out;
  tx.Query(std::string(kRuleColumns) + " ORDER BY id", {}, [&](const db::Row& r) { out.push_back(ReadRule(r)); });
  for (auto& rule : out) ReadMembers(tx, rule, day_start);
  return out;
}

std::optional<Rule> Find(db::Transaction& tx, std::int64_t id, Millis day_start) {
  std::optional<Rule> out;
  tx.Query(std::string(kRuleColumns) + " WHERE id = ?", {id}, [&](const db::Row& r) { out = ReadRule(r); });
  if (out) ReadMembers(tx, *out, day_start);
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

void Delete(db::Transaction& tx, std::int64_t id) {
  tx.Execute(kDeleteMembers, {id});
  tx.Execute(kDelete, {id});
}

std::vector<Candidate> Matching(db::Transaction& tx, std::optional<std::int64_t> campaign_id,
                                const std::optional<std::string>& source) {
  std::vector<Candidate> out;
  tx.Query(kMatching, {campaign_id, source}, [&](const db::Row& r) {
    out.push_back({r.Int(0), ParseMethod(r.Text(1)).value_or(Method::kRoundRobin), r.Int(2) != 0});
  });
  return out;
}

std::vector<SeatRow> Seats(db::Transaction& tx, std::int64_t rule_id, Millis day_start, bool count_open_leads) {
  std::vector<SeatRow> out;
  tx.Query(kSeats, {day_start, count_open_leads, rule_id}, [&](const db::Row& r) {
    SeatRow row;
    row.seat.user_id = r.Int(0);
    row.seat.weight = static_cast<int>(r.Int(1));
    row.seat.daily_cap = OptSmall(r, 2);
    row.seat.turns = r.Int(3);
    row.seat.credit = r.Int(4);
    row.seat.online = r.Int(5) != 0;
    row.team_id = r.OptInt(6);
    row.seat.taken_today = static_cast<int>(r.Int(7));
    row.seat.open_leads = r.Int(8);
    out.push_back(row);
  });
  return out;
}

void SaveSeat(db::Transaction& tx, std::int64_t rule_id, const Seat& seat) {
  tx.Execute(kSaveSeat, {seat.turns, seat.credit, rule_id, seat.user_id});
}

}  // namespace sen::assignment::repo
