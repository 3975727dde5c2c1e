// The only code that runs SQL on users, teams, sessions, API tokens and login failures.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/paging.h"
#include "db/database.h"
#include "modules/users/user.h"

namespace sen::users::repo {

std::optional<User> FindById(db::Transaction& tx, std::int64_t id);
// The user and their password hash.
std::optional<std::pair<User, std::string>> FindByUsername(db::Transaction& tx, std::string_view username);
std::int64_t Insert(db::Transaction& tx, const User& user, std::string_view password_hash);
void Update(db::Transaction& tx, const User& user);
void SetOnline(db::Transaction& tx, std::int64_t id, bool online, Millis now);
void UpdatePassword(db::Transaction& tx, std::int64_t id, std::string_view hash, Millis now);
std::int64_t Count(db::Transaction& tx);
std::vector<std::int64_t> TeamMembers(db::Transaction& tx, std::int64_t team_id);
// Every user's username by id, the inactive ones too.
std::unordered_map<std::int64_t, std::string> Usernames(db::Transaction& tx);

struct UserFilter {
  std::optional<std::string> q;  // part of username or full name
  std::optional<Role> role;
  std::optional<std::int64_t> team_id;
  std::optional<bool> active;
};
Page<User> List(db::Transaction& tx, const UserFilter& filter, PageRequest page);

void InsertSession(db::Transaction& tx, std::string_view token_hash, std::int64_t user_id,
                   std::string_view csrf, Millis now, Millis expires, std::string_view ip,
                   std::string_view user_agent);
// The active user of a live session, and the session's CSRF token.
std::optional<std::pair<User, std::string>> FindSession(db::Transaction& tx, std::string_view token_hash, Millis now);
void DeleteSession(db::Transaction& tx, std::string_view token_hash);
void DeleteSessionsOf(db::Transaction& tx, std::int64_t user_id);
void DeleteExpiredSessions(db::Transaction& tx, Millis now);

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  Millis created_at = 0;
  std::optional<Millis> revoked_at;
};
std::int64_t InsertApiToken(db::Transaction& tx, std::int64_t user_id, std::string_view name,
                            std::string_view token_hash, Millis now);
std::optional<User> FindApiTokenUser(db::Transaction& tx, std::string_view token_hash);
std::vector<ApiToken> ListApiTokens(db::Transaction& tx, std::optional<std::int64_t> user_id);
std::optional<ApiToken> FindApiToken(db::Transaction& tx, std::int64_t id);
void RevokeApiToken(db::Transaction& tx, std::int64_t id, Millis now);

struct Failures {
  Millis window_start = 0;
  int count = 0;
};
std::optional<Failures> GetFailures(db::Transaction& tx, std::string_view key);
void SetFailures(db::Transaction& tx, std::string_view key, Failures failures);
void ClearFailures(db::Transaction& tx, std::string_view key);

std::vector<Team> ListTeams(db::Transaction& tx);
std::optional<Team> FindTeam(db::Transaction& tx, std::int64_t id);
std::optional<Team> FindTeamByName(db::Transaction& tx, std::string_view name);
std::int64_t InsertTeam(db::Transaction& tx, std::string_view name, Millis now);
void RenameTeam(db::Transaction& tx, std::int64_t id, std::string_view name);

}  // namespace sen::users::repo
