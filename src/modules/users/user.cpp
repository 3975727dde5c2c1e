// JSON shapes of users and teams (passwords never leave the repository).
#include "modules/users/user.h"

namespace sen::users {

nlohmann::json ToJson(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"full_name", u.full_name},
          {"email", u.email ? nlohmann::json(*u.email) : nlohmann::json()},
          {"role", RoleName(u.role)},
          {"team_id", u.team_id ? nlohmann::json(*u.team_id) : nlohmann::json()},
          {"language", u.language},
          {"active", u.active},
          {"extension", u.extension ? nlohmann::json(*u.extension) : nlohmann::json()},
          {"online", u.online},
          {"created_at", FormatRfc3339(u.created_at)}};
}

nlohmann::json ToJson(const Team& t) {
  return {{"id", t.id}, {"name", t.name}, {"created_at", FormatRfc3339(t.created_at)}};
}

}  // namespace sen::users
