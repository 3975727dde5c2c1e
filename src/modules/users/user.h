// Users and teams as the rest of Sen sees them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/principal.h"

namespace sen::users {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string full_name;
  std::optional<std::string> email;
  Role role = Role::kAgent;
  std::optional<std::int64_t> team_id;
  std::string language = "vi";
  bool active = true;
  std::optional<std::string> extension;
  bool online = true;  // R1: OFF agents get no new leads
  Millis created_at = 0;
  Millis updated_at = 0;
};

struct Team {
  std::int64_t id = 0;
  std::string name;
  Millis created_at = 0;
};

nlohmann::json ToJson(const User& user);
nlohmann::json ToJson(const Team& team);

}  // namespace sen::users
