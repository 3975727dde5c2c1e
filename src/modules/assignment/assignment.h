// Assignment rules (R2) as the rest of Sen sees them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/assignment/assignment_rules.h"

namespace sen::assignment {

struct Member {
  std::int64_t user_id = 0;
  int weight = 1;
  std::optional<int> daily_cap;
  // Shown, not set: the member's name and presence, and what the rule gave them today.
  std::string full_name;
  bool online = false;
  int taken_today = 0;
};

struct Rule {
  std::int64_t id = 0;
  std::string name;
  bool active = true;
  std::optional<std::int64_t> campaign_id;  // leads of this campaign only
  std::optional<std::string> source;        // leads of this source only
  Method method = Method::kRoundRobin;
  bool creator_priority = true;
  std::vector<Member> members;
  std::int64_t queued = 0;  // shown, not set: leads waiting for the rule's auto-assign job (R5)
  Millis created_at = 0;
  Millis updated_at = 0;
};

nlohmann::json ToJson(const Rule& rule);

}  // namespace sen::assignment
