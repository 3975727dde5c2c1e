// JSON shape of assignment rules.
#include "modules/assignment/assignment.h"

namespace sen::assignment {

nlohmann::json ToJson(const Rule& rule) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : rule.members) {
    members.push_back({{"user_id", m.user_id},
                       {"full_name", m.full_name},
                       {"online", m.online},
                       {"weight", m.weight},
                       {"daily_cap", m.daily_cap ? nlohmann::json(*m.daily_cap) : nlohmann::json()},
                       {"taken_today", m.taken_today}});
  }
  return {{"id", rule.id},
          {"name", rule.name},
          {"active", rule.active},
          {"campaign_id", rule.campaign_id ? nlohmann::json(*rule.campaign_id) : nlohmann::json()},
          {"source", rule.source ? nlohmann::json(*rule.source) : nlohmann::json()},
          {"method", MethodName(rule.method)},
          {"creator_priority", rule.creator_priority},
          {"members", std::move(members)},
          {"queued", rule.queued},
          {"created_at", FormatRfc3339(rule.created_at)},
          {"updated_at", FormatRfc3339(rule.updated_at)}};
}

}  // namespace sen::assignment
