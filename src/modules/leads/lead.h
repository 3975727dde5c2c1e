// A lead: a person with an interest, being worked by sales (SPEC L1-L14). A target (T1-T5) is the
// same record before it is verified and handed on: its `status` is the target's, `lead_id` the
// lead it became, and the stage fields stay unused.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace sen::leads {

struct Lead {
  std::int64_t id = 0;
  std::string full_name;
  std::optional<std::string> mobile;  // as typed, for display
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> company;
  std::optional<std::string> title;
  std::optional<std::string> gender;
  std::optional<std::string> birthday;  // YYYY-MM-DD
  std::optional<std::string> address;
  std::optional<std::string> province;
  std::optional<std::string> source;
  std::optional<std::string> medium;
  std::optional<std::int64_t> campaign_id;
  std::optional<std::string> product_interest;
  std::vector<std::string> tags;
  std::optional<std::int64_t> owner_id;
  std::optional<std::int64_t> team_id;
  std::string status = "new";
  std::string stage = "lead";
  nlohmann::json stage_info = nlohmann::json::object();
  bool do_not_contact = false;
  std::optional<std::string> dnc_reason;
  std::optional<std::string> description;
  nlohmann::json custom = nlohmann::json::object();
  std::optional<std::int64_t> created_by;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::optional<Millis> last_activity_at;
  std::optional<Millis> deleted_at;
  std::optional<std::int64_t> lead_id;  // targets only (T3)

  // Derived by NormaliseLead (L2), stored for comparison and search.
  std::string name_fold;
  std::optional<std::string> company_fold;
  std::optional<std::string> mobile_e164;
  std::optional<std::string> phone_e164;
};

}  // namespace sen::leads
