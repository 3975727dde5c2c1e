// Assignment rules (R2) and picking the owner of a lead by them (R3, R4).
#pragma once

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/assignment/assignment.h"
#include "modules/assignment/assignment_repository.h"
#include "modules/leads/lead_service.h"
#include "modules/users/user_service.h"

namespace sen::assignment {

class AssignmentService final : public leads::Assigner {
 public:
  AssignmentService(db::Database& db, const Clock& clock, users::UserService& users);

  // Managers and admins see and change rules. `input` is the API's rule object; a create needs
  // name, method and members, an update takes what it is given.
  Result<std::vector<Rule>> List(const Principal& p);
  Result<Rule> Get(const Principal& p, std::int64_t id);
  Result<Rule> Create(const Principal& p, const nlohmann::json& input);
  Result<Rule> Update(const Principal& p, std::int64_t id, const nlohmann::json& input);
  Status Delete(const Principal& p, std::int64_t id);

  std::optional<Choice> Choose(db::Transaction& tx, const leads::Lead& lead, std::optional<std::int64_t> creator,
                               std::optional<std::int64_t> exclude, Millis now) override;
  Result<std::vector<Choice>> ChooseMany(db::Transaction& tx, std::int64_t rule_id,
                                         std::span<const std::optional<std::int64_t>> owners, bool one_each,
                                         Millis now) override;
  Status CheckMayHandOut(db::Transaction& tx, const Principal& p, std::int64_t rule_id,
                         const std::string& field) override;
  void GiveBack(db::Transaction& tx, std::int64_t rule_id, std::int64_t user_id, Millis at, Millis now) override;
  bool AnyRuleTakes(db::Transaction& tx, const leads::Lead& lead) override;

 private:
  // Applies `input` onto `rule` as `p` may; 422 naming each wrong field (members.<i>.user_id, ...).
  Status Apply(db::Transaction& tx, const Principal& p, Rule& rule, const nlohmann::json& input,
               bool create);
  // 403 when the rule names someone `p` may not name (a manager, another team's agent).
  Status CheckMayChange(db::Transaction& tx, const Principal& p, const Rule& rule);
  // The active rules as picks need them, read again only when their generation moved.
  using Rules = std::shared_ptr<const std::vector<repo::ActiveRule>>;
  Rules ActiveRules(db::Transaction& tx);

  // A rule's members as a pick sees them on `day`: settings and presence of `rules`, turn state,
  // and for least loaded their open leads. `away` keeps the turn state of members not seated.
  struct Seating {
    Rules rules;
    std::vector<Seat> seats;
    std::vector<AwaySeat> away;
    Millis day = 0;
  };
  // The seating of `rule` (one of `rules`) for a pick on `day`, to change and Keep. Its turn
  // state is read from the database once per write transaction; later picks in it (the creates
  // of a group commit) start from what the last one kept.
  Seating SeatsOf(db::Transaction& tx, const Rules& rules, const repo::ActiveRule& rule, Millis day);
  // Makes `seating` the turn state of rule `rule_id` in `tx`, saved once when tx commits and put
  // back as it was if tx rolls back.
  void Keep(db::Transaction& tx, std::int64_t rule_id, Seating seating);

  db::Database& db_;
  const Clock& clock_;
  users::UserService& users_;
  std::mutex mutex_;
  std::int64_t generation_ = -1;
  Rules rules_;
  // The turn states kept in the open write transaction, by rule; only its thread, the one
  // holding the database's writer, reads or changes them.
  std::unordered_map<std::int64_t, Seating> kept_;
};

}  // namespace sen::assignment
