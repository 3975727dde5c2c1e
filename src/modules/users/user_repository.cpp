// SQL for the users module; every query is a named constant with bound parameters.
#include "modules/users/user_repository.h"

namespace sen::users::repo {

namespace {

#define SEN_USER_COLUMNS \
  "u.id, u.username, u.full_name, u.email, u.role, u.team_id, u.language, u.active, u.extension, u.created_at, u.updated_at, u.online"

constexpr std::string_view kUserColumns = SEN_USER_COLUMNS;

constexpr std::string_view kFindById = "SELECT " SEN_USER_COLUMNS " FROM users u WHERE u.id = ?";
constexpr std::string_view kFindByUsername =
    "SELECT " SEN_USER_COLUMNS ", u.password_hash FROM users u WHERE u.username = ?";
constexpr std::string_view kInsert = R"~(
INSERT INTO users (username, password_hash, full_name, email, role, team_id, language, active,
                   extension, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kUpdate = R"~(
UPDATE users SET full_name = ?, email = ?, role = ?, team_id = ?, language = ?, active = ?,
                 extension = ?, updated_at = ?
WHERE id = ?)~";
constexpr std::string_view kSetOnline = "UPDATE users SET online = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kUpdatePassword = "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM users";
constexpr std::string_view kTeamMembers = "SELECT id FROM users WHERE team_id = ?";

constexpr std::string_view kInsertSession = R"~(
INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, ip, user_agent)
VALUES (?, ?, ?, ?, ?, ?, ?))~";
constexpr std::string_view kFindSession =
    "SELECT " SEN_USER_COLUMNS ", s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteSessionsOf = "DELETE FROM sessions WHERE user_id = ?";
constexpr std::string_view kDeleteExpiredSessions = "DELETE FROM sessions WHERE expires_at <= ?";

constexpr std::string_view kInsertApiToken = R"~(
INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kFindApiTokenUser =
    "SELECT " SEN_USER_COLUMNS " FROM api_tokens t JOIN users u ON u.id = t.user_id "
    "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active = 1";
constexpr std::string_view kListApiTokens =
    "SELECT id, user_id, name, created_at, revoked_at FROM api_tokens ORDER BY id";
constexpr std::string_view kListApiTokensOf =
    "SELECT id, user_id, name, created_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY id";
constexpr std::string_view kFindApiToken =
    "SELECT id, user_id, name, created_at, revoked_at FROM api_tokens WHERE id = ?";
constexpr std::string_view kRevokeApiToken =
    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";

constexpr std::string_view kGetFailures = "SELECT window_start, failures FROM login_failures WHERE key = ?";
constexpr std::string_view kSetFailures = R"~(
INSERT INTO login_failures (key, window_start, failures) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, failures = excluded.failures)~";
constexpr std::string_view kClearFailures = "DELETE FROM login_failures WHERE key = ?";

constexpr std::string_view kListTeams = "SELECT id, name, created_at FROM teams ORDER BY name";
constexpr std::string_view kFindTeam = "SELECT id, name, created_at FROM teams WHERE id = ?";
constexpr std::string_view kFindTeamByName = "SELECT id, name, created_at FROM teams WHERE name = ?";
constexpr std::string_view kInsertTeam = "INSERT INTO teams (name, created_at) VALUES (?, ?) RETURNING id";
constexpr std::string_view kRenameTeam = "UPDATE teams SET name = ? WHERE id = ?";

#undef SEN_USER_COLUMNS

User ReadUser(const db::Row& r) {
  User u;
  u.id = r.Int(0);
  u.username = r.Str(1);
  u.full_name = r.Str(2);
  u.email = r.OptStr(3);
  u.role = ParseRole(r.Text(4)).value_or(Role::kAgent);
  u.team_id = r.OptInt(5);
  u.language = r.Str(6);
  u.active = r.Int(7) != 0;
  u.extension = r.OptStr(8);
  u.created_at = r.Int(9);
  u.updated_at = r.Int(10);
  u.online = r.Int(11) != 0;
  return u;
}

ApiToken ReadToken(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Str(2), r.Int(3), r.OptInt(4)};
}

Team ReadTeam(const db::Row& r) { return {r.Int(0), r.Str(1), r.Int(2)}; }

std::optional<Team> FindTeamBy(db::Transaction& tx, std::string_view sql, db::Param key) {
  std::optional<Team> out;
  tx.Query(sql, {key}, [&](const db::Row& r) { out = ReadTeam(r); });
  return out;
}

}  // namespace

std::optional<User> FindById(db::Transaction& tx, std::int64_t id) {
  std::optional<User> out;
  tx.Query(kFindById, {id}, [&](const db::Row& r) { out = ReadUser(r); });
  return out;
}

std::unordered_map<std::int64_t, std::string> Usernames(db::Transaction& tx) {
  std::unordered_map<std::int64_t, std::string> out;
  tx.Query("SELECT id, username FROM users", {}, [&](const db::Row& r) { out.emplace(r.Int(0), r.Str(1)); });
  return out;
}

std::optional<std::pair<User, std::string>> FindByUsername(db::Transaction& tx, std::string_view username) {
  std::optional<std::pair<User, std::string>> out;
  tx.Query(kFindByUsername, {username}, [&](const db::Row& r) { out.emplace(ReadUser(r), r.Str(12)); });
  return out;
}

std::int64_t Insert(db::Transaction& tx, const User& u, std::string_view password_hash) {
  return tx.QueryInt(kInsert, {u.username, password_hash, u.full_name, u.email, RoleName(u.role), u.team_id,
                               u.language, u.active, u.extension, u.created_at, u.updated_at})
      .value();
}

void Update(db::Transaction& tx, const User& u) {
  tx.Execute(kUpdate, {u.full_name, u.email, RoleName(u.role), u.team_id, u.language, u.active, u.extension,
                       u.updated_at, u.id});
}

void SetOnline(db::Transaction& tx, std::int64_t id, bool online, Millis now) {
  tx.Execute(kSetOnline, {online, now, id});
}

void UpdatePassword(db::Transaction& tx, std::int64_t id, std::string_view hash, Millis now) {
  tx.Execute(kUpdatePassword, {hash, now, id});
}

std::int64_t Count(db::Transaction& tx) { return tx.QueryInt(kCount, {}).value_or(0); }

std::vector<std::int64_t> TeamMembers(db::Transaction& tx, std::int64_t team_id) {
  std::vector<std::int64_t> out;
  tx.Query(kTeamMembers, {team_id}, [&](const db::Row& r) { out.push_back(r.Int(0)); });
  return out;
}

Page<User> List(db::Transaction& tx, const UserFilter& filter, PageRequest page) {
  // Conditions are fixed fragments; only their parameters vary.
  std::string where = " WHERE 1 = 1";
  db::Params params;
  std::string like;
  if (filter.q) {
    like = "%" + *filter.q + "%";
    where += " AND (u.username LIKE ? OR u.full_name LIKE ?)";
    params.emplace_back(like);
    params.emplace_back(like);
  }
  std::string role;
  if (filter.role) {
    role = std::string(RoleName(*filter.role));
    where += " AND u.role = ?";
    params.emplace_back(role);
  }
  if (filter.team_id) {
    where += " AND u.team_id = ?";
    params.emplace_back(*filter.team_id);
  }
  if (filter.active) {
    where += " AND u.active = ?";
    params.emplace_back(*filter.active);
  }
  Page<User> out;
  out.request = page;
  out.total = tx.QueryInt("SELECT COUNT(*) FROM users u" + where, params).value_or(0);
  params.emplace_back(static_cast<std::int64_t>(page.page_size));
  params.emplace_back(page.offset());
  tx.Query(std::string("SELECT ").append(kUserColumns).append(" FROM users u").append(where).append(
               " ORDER BY u.full_name, u.id LIMIT ? OFFSET ?"),
           params, [&](const db::Row& r) { out.items.push_back(ReadUser(r)); });
  return out;
}

void InsertSession(db::Transaction& tx, std::string_view token_hash, std::int64_t user_id, std::string_view csrf,
                   Millis now, Millis expires, std::string_view ip, std::string_view user_agent) {
  tx.Execute(kInsertSession, {token_hash, user_id, csrf, now, expires, ip, user_agent.substr(0, 300)});
}

std::optional<std::pair<User, std::string>> FindSession(db::Transaction& tx, std::string_view token_hash, Millis now) {
  std::optional<std::pair<User, std::string>> out;
  tx.Query(kFindSession, {token_hash, now}, [&](const db::Row& r) { out.emplace(ReadUser(r), r.Str(12)); });
  return out;
}

void DeleteSession(db::Transaction& tx, std::string_view token_hash) { tx.Execute(kDeleteSession, {token_hash}); }
void DeleteSessionsOf(db::Transaction& tx, std::int64_t user_id) { tx.Execute(kDeleteSessionsOf, {user_id}); }
void DeleteExpiredSessions(db::Transaction& tx, Millis now) { tx.Execute(kDeleteExpiredSessions, {now}); }

std::int64_t InsertApiToken(db::Transaction& tx, std::int64_t user_id, std::string_view name,
                            std::string_view token_hash, Millis now) {
  return tx.QueryInt(kInsertApiToken, {user_id, name, token_hash, now}).value();
}

std::optional<User> FindApiTokenUser(db::Transaction& tx, std::string_view token_hash) {
  std::optional<User> out;
  tx.Query(kFindApiTokenUser, {token_hash}, [&](const db::Row& r) { out = ReadUser(r); });
  return out;
}

std::vector<ApiToken> ListApiTokens(db::Transaction& tx, std::optional<std::int64_t> user_id) {
  std::vector<ApiToken> out;
  auto read = [&](const db::Row& r) { out.push_back(ReadToken(r)); };
  if (user_id) {
    tx.Query(kListApiTokensOf, {*user_id}, read);
  } else {
    tx.Query(kListApiTokens, {}, read);
  }
  return out;
}

std::optional<ApiToken> FindApiToken(db::Transaction& tx, std::int64_t id) {
  std::optional<ApiToken> out;
  tx.Query(kFindApiToken, {id}, [&](const db::Row& r) { out = ReadToken(r); });
  return out;
}

void RevokeApiToken(db::Transaction& tx, std::int64_t id, Millis now) { tx.Execute(kRevokeApiToken, {now, id}); }

std::optional<Failures> GetFailures(db::Transaction& tx, std::string_view key) {
  std::optional<Failures> out;
  tx.Query(kGetFailures, {key}, [&](const db::Row& r) { out = Failures{r.Int(0), static_cast<int>(r.Int(1))}; });
  return out;
}

void SetFailures(db::Transaction& tx, std::string_view key, Failures f) {
  tx.Execute(kSetFailures, {key, f.window_start, f.count});
}

void ClearFailures(db::Transaction& tx, std::string_view key) { tx.Execute(kClearFailures, {key}); }

std::vector<Team> ListTeams(db::Transaction& tx) {
  std::vector<Team> out;
  tx.Query(kListTeams, {}, [&](const db::Row& r) { out.push_back(ReadTeam(r)); });
  return out;
}

std::optional<Team> FindTeam(db::Transaction& tx, std::int64_t id) { return FindTeamBy(tx, kFindTeam, id); }
std::optional<Team> FindTeamByName(db::Transaction& tx, std::string_view name) {
  return FindTeamBy(tx, kFindTeamByName, name);
}

std::int64_t InsertTeam(db::Transaction& tx, std::string_view name, Millis now) {
  return tx.QueryInt(kInsertTeam, {name, now}).value();
}

void RenameTeam(db::Transaction& tx, std::int64_t id, std::string_view name) { tx.Execute(kRenameTeam, {name, id}); }

}  // namespace sen::users::repo
