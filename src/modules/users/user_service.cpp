// The order of every use case: access check, input rules, storage, audit.
#include "modules/users/user_service.h"

#include "core/secrets.h"
#include "db/list_cache.h"
#include "modules/audit/audit.h"
#include "modules/users/user_rules.h"
#include "text/email.h"

namespace sen::users {

namespace {

// Bumped by changes that decide who may get leads (presence, active, team): the assignment
// module keeps its rules in memory until it moves.
constexpr std::string_view kUsersCounter = "users";

bool IsAdmin(const Principal& p) { return p.role == Role::kAdmin; }

Error TeamNameTaken(std::string_view name) {
  return Error::Conflict("a team named " + std::string(name) + " exists", "team_name_taken", {{"name", name}});
}

std::string OptText(const std::optional<std::string>& s) { return s.value_or(""); }
std::string OptId(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

void Diff(std::vector<audit::Change>& out, const char* field, const std::string& before, const std::string& after) {
  if (before != after) {
    out.push_back({"update", field, before.empty() ? std::nullopt : std::optional(before),
                   after.empty() ? std::nullopt : std::optional(after)});
  }
}

std::vector<audit::Change> Changes(const User& a, const User& b) {
  std::vector<audit::Change> out;
  Diff(out, "full_name", a.full_name, b.full_name);
  Diff(out, "email", OptText(a.email), OptText(b.email));
  Diff(out, "role", std::string(RoleName(a.role)), std::string(RoleName(b.role)));
  Diff(out, "team_id", OptId(a.team_id), OptId(b.team_id));
  Diff(out, "active", a.active ? "true" : "false", b.active ? "true" : "false");
  Diff(out, "extension", OptText(a.extension), OptText(b.extension));
  Diff(out, "language", a.language, b.language);
  return out;
}

bool ValidLanguage(std::string_view l) { return l == "vi" || l == "en"; }

}  // namespace

Principal PrincipalOf(const User& u, Channel channel, std::string csrf) {
  return {u.id, u.username, u.full_name, u.role, u.team_id, u.language, channel, std::move(csrf)};
}

UserService::UserService(db::Database& db, const Clock& clock, LoginLimits limits)
    : db_(db), clock_(clock), limits_(limits) {}

Principal UserService::System() {
  Principal p;
  p.user_id = 0;
  p.username = "system";
  p.full_name = "System";
  p.role = Role::kAdmin;
  p.channel = Channel::kCli;
  return p;
}

Result<LoginResult> UserService::Login(std::string_view username_in, std::string_view password, std::string_view ip,
                                       std::string_view user_agent) {
  const Millis now = clock_.Now();
  auto username = NormaliseUsername(username_in).value_or(std::string(username_in.substr(0, 60)));
  const std::string user_key = "user:" + username;
  const std::string ip_key = "ip:" + std::string(ip);

  // 1. Throttle before spending ~90 ms on argon2.
  std::optional<std::pair<User, std::string>> found;
  {
    auto tx = db_.BeginRead();
    Millis retry_after = 0;
    for (auto [key, max] : {std::pair{std::string_view(user_key), limits_.max_failures_per_user},
                            std::pair{std::string_view(ip_key), limits_.max_failures_per_ip}}) {
      auto f = repo::GetFailures(*tx, key);
      if (f && f->window_start + limits_.window > now && f->count >= max) {
        retry_after = std::max(retry_after, f->window_start + limits_.window - now);
      }
    }
    if (retry_after > 0) {
      Error e{ErrorCode::kRateLimited, "too many failed sign-ins; try again later"};
      e.extra["retry_after"] = (retry_after + 999) / 1000;
      return e;
    }
    found = repo::FindByUsername(*tx, username);
  }

  // 2. Verify outside any transaction; unknown users cost the same time as known ones.
  std::call_once(dummy_hash_once_, [this] { dummy_hash_ = HashPassword(RandomToken(16)); });
  bool ok = found && found->first.active ? VerifyPassword(found->second, password)
                                         : (VerifyPassword(dummy_hash_, password), false);

  auto tx = db_.BeginWrite();
  if (!ok) {
    for (const auto& key : {user_key, ip_key}) {
      auto f = repo::GetFailures(*tx, key).value_or(repo::Failures{now, 0});
      if (f.window_start + limits_.window <= now) f = {now, 0};
      ++f.count;
      repo::SetFailures(*tx, key, f);
    }
    tx->Commit();
    return Error::Unauthenticated("wrong username or password");
  }
  repo::ClearFailures(*tx, user_key);
  repo::DeleteExpiredSessions(*tx, now);
  LoginResult result{found->first, RandomToken(), RandomToken(), now + kSessionLifetime};
  repo::InsertSession(*tx, Sha256Hex(result.session_token), result.user.id, result.csrf_token, now,
                      result.expires_at, ip, user_agent);
  tx->Commit();
  return result;
}

void UserService::Logout(std::string_view session_token) {
  if (session_token.empty()) return;
  auto tx = db_.BeginWrite();
  repo::DeleteSession(*tx, Sha256Hex(session_token));
  tx->Commit();
  principals_.Clear();
  EndLiveConnections();
}

std::optional<Principal> PrincipalCache::Get(const std::string& token_hash, Millis now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end() || it->second.expires <= now) return std::nullopt;
  return it->second.principal;
}

void PrincipalCache::Put(const std::string& token_hash, const Principal& p, Millis now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[token_hash] = {p, now + kLifetime};
}

void PrincipalCache::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

Result<Principal> UserService::Authenticate(std::string_view bearer_token, std::string_view session_token) {
  if (bearer_token.empty() && session_token.empty()) return Error::Unauthenticated("sign in first");
  const Millis now = clock_.Now();
  // A "b" or "s" prefix keeps an API token from ever passing as a session token.
  const std::string key = (bearer_token.empty() ? "s" : "b") + Sha256Hex(bearer_token.empty() ? session_token : bearer_token);
  if (auto cached = principals_.Get(key, now)) return *cached;
  auto tx = db_.BeginRead();
  Principal principal;
  if (!bearer_token.empty()) {
    auto user = repo::FindApiTokenUser(*tx, std::string_view(key).substr(1));
    if (!user) return Error::Unauthenticated("the API token is unknown or revoked");
    principal = PrincipalOf(*user, Channel::kApi, "");
  } else {
    auto found = repo::FindSession(*tx, std::string_view(key).substr(1), now);
    if (!found) return Error::Unauthenticated("the session has ended; sign in again");
    principal = PrincipalOf(found->first, Channel::kUi, std::move(found->second));
  }
  principal.credential = key;
  principals_.Put(key, principal, now);
  return principal;
}

void UserService::EndLiveConnections() {
  if (!events_) return;
  const Millis now = clock_.Now();
  auto tx = db_.BeginRead();
  events_->EndWhere([&](std::int64_t, const std::string& credential) {
    if (credential.empty()) return false;
    const std::string_view hash = std::string_view(credential).substr(1);
    return credential[0] == 'b' ? !repo::FindApiTokenUser(*tx, hash) : !repo::FindSession(*tx, hash, now);
  });
}

Result<User> UserService::Create(const Principal& actor, const NewUser& in, FieldErrors errors) {
  if (!IsAdmin(actor)) return Error::Forbidden("only admins manage users");
  auto username = NormaliseUsername(in.username);
  if (!username && !errors.Has("username")) {
    errors.Add("username", "must be 3-50 letters, digits, '.', '_' or '-'", "unknown_value");
  }
  if (auto problem = PasswordProblem(in.password); problem && !errors.Has("password")) errors.Add(*problem);
  if (in.full_name.empty() && !errors.Has("full_name")) errors.Add("full_name", "is required", "required");
  std::optional<std::string> email;
  if (in.email) {
    email = text::NormaliseEmail(*in.email);
    if (!email) errors.Add("email", "is not an e-mail address", "invalid_email");
  }
  auto role = ParseRole(in.role);
  if (!role && !errors.Has("role")) errors.Add("role", "must be admin, manager, marketer or agent", "unknown_value");
  if (!ValidLanguage(in.language)) errors.Add("language", "must be vi or en", "unknown_value");
  if (!errors.empty()) return errors.ToError();

  const std::string hash = HashPassword(in.password);
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  if (in.team_id && !repo::FindTeam(*tx, *in.team_id)) {
    return Error::Field("team_id", "no team has this id", "not_found");
  }
  if (repo::FindByUsername(*tx, *username)) {
    return Error::Conflict("the username " + *username + " is taken", "username_taken", {{"username", *username}});
  }
  User u;
  u.username = *username;
  u.full_name = in.full_name;
  u.email = email;
  u.role = *role;
  u.team_id = in.team_id;
  u.language = in.language;
  u.extension = in.extension;
  u.created_at = u.updated_at = now;
  u.id = repo::Insert(*tx, u, hash);
  audit::Record(*tx, audit::ActorOf(actor), "user", u.id, {{"create", std::nullopt, std::nullopt, u.username}}, now);
  tx->Commit();
  return u;
}

Status UserService::CheckAndFillPatch(db::Transaction& tx, User& u, const UserPatch& p) {
  FieldErrors errors;
  if (p.full_name) {
    if (p.full_name->empty()) errors.Add("full_name", "is required", "required");
    u.full_name = *p.full_name;
  }
  if (p.email) {
    u.email.reset();
    if (*p.email) {
      u.email = text::NormaliseEmail(**p.email);
      if (!u.email) errors.Add("email", "is not an e-mail address", "invalid_email");
    }
  }
  if (p.role) {
    auto role = ParseRole(*p.role);
    if (!role) errors.Add("role", "must be admin, manager, marketer or agent", "unknown_value");
    u.role = role.value_or(u.role);
  }
  if (p.team_id) {
    u.team_id = *p.team_id;
    if (u.team_id && !repo::FindTeam(tx, *u.team_id)) errors.Add("team_id", "no team has this id", "not_found");
  }
  if (p.active) u.active = *p.active;
  if (p.extension) u.extension = *p.extension;
  if (p.language) {
    if (!ValidLanguage(*p.language)) errors.Add("language", "must be vi or en", "unknown_value");
    u.language = *p.language;
  }
  if (p.password) {
    if (auto problem = PasswordProblem(*p.password)) errors.Add(*problem);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Result<User> UserService::Update(const Principal& actor, std::int64_t id, const UserPatch& patch) {
  if (!IsAdmin(actor)) return Error::Forbidden("only admins manage users");
  if (id == actor.user_id && ((patch.active && !*patch.active) || (patch.role && *patch.role != "admin"))) {
    return Error::Conflict("admins cannot deactivate or demote themselves", "self_demotion");
  }
  std::string hash = patch.password && !PasswordProblem(*patch.password) ? HashPassword(*patch.password) : "";
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto before = repo::FindById(*tx, id);
  if (!before) return Error::NotFound("no user has id " + std::to_string(id));
  User after = *before;
  if (auto r = CheckAndFillPatch(*tx, after, patch); !r) return std::move(r).error();
  after.updated_at = now;
  repo::Update(*tx, after);
  db::BumpChangeCounter(*tx, kUsersCounter);
  auto changes = Changes(*before, after);
  if (!hash.empty()) {
    repo::UpdatePassword(*tx, id, hash, now);
    changes.push_back({"update", "password", std::nullopt, std::nullopt});
  }
  // Deactivation or a new password ends the user's sessions at once.
  const bool signed_out = !after.active || !hash.empty();
  if (signed_out) repo::DeleteSessionsOf(*tx, id);
  audit::Record(*tx, audit::ActorOf(actor), "user", id, changes, now);
  if (after.team_id != before->team_id && on_team_change_) on_team_change_(*tx, actor, id, after.team_id, now);
  tx->Commit();
  principals_.Clear();
  if (signed_out) EndLiveConnections();
  return after;
}

Result<User> UserService::SetPresence(const Principal& actor, std::int64_t id, bool online) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto user = repo::FindById(*tx, id);
  if (!user) return Error::NotFound("no user has id " + std::to_string(id));
  const bool allowed = id == actor.user_id || IsAdmin(actor) ||
                       (actor.role == Role::kManager && actor.team_id && user->team_id == actor.team_id);
  if (!allowed) return Error::Forbidden("only the user, their team's manager or an admin switches them ON or OFF");
  if (user->online == online) return *user;
  repo::SetOnline(*tx, id, online, now);
  db::BumpChangeCounter(*tx, kUsersCounter);
  audit::Record(*tx, audit::ActorOf(actor), "user", id,
                {{"update", "online", user->online ? "true" : "false", online ? "true" : "false"}}, now);
  tx->Commit();
  if (events_) {
    events_->Publish(id, "presence",
                     {{"online", online},
                      {"by", id == actor.user_id ? nlohmann::json() : nlohmann::json(actor.full_name)}});
  }
  user->online = online;
  user->updated_at = now;
  return *user;
}

Result<User> UserService::UpdateSelf(const Principal& actor, const SelfPatch& patch) {
  FieldErrors errors;
  if (patch.language && !ValidLanguage(*patch.language)) errors.Add("language", "must be vi or en", "unknown_value");
  if (patch.full_name && patch.full_name->empty()) errors.Add("full_name", "is required", "required");
  std::string hash;
  if (patch.password) {
    if (auto problem = PasswordProblem(*patch.password)) errors.Add(*problem);
    if (!patch.current_password) errors.Add("current_password", "is required to change the password", "required");
  }
  if (!errors.empty()) return errors.ToError();
  if (patch.password) {
    std::optional<std::pair<User, std::string>> found;
    {
      auto tx = db_.BeginRead();
      found = repo::FindByUsername(*tx, actor.username);
    }
    if (!found || !VerifyPassword(found->second, *patch.current_password)) {
      return Error::Field("current_password", "is not your current password", "unknown_value");
    }
    hash = HashPassword(*patch.password);
  }
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto before = repo::FindById(*tx, actor.user_id);
  if (!before) return Error::NotFound("your user no longer exists");
  User after = *before;
  if (patch.full_name) after.full_name = *patch.full_name;
  if (patch.language) after.language = *patch.language;
  after.updated_at = now;
  repo::Update(*tx, after);
  auto changes = Changes(*before, after);
  if (!hash.empty()) {
    repo::UpdatePassword(*tx, actor.user_id, hash, now);
    changes.push_back({"update", "password", std::nullopt, std::nullopt});
  }
  audit::Record(*tx, audit::ActorOf(actor), "user", actor.user_id, changes, now);
  tx->Commit();
  principals_.Clear();
  return after;
}

Result<User> UserService::Get(const Principal&, std::int64_t id) {
  auto tx = db_.BeginRead();
  auto u = repo::FindById(*tx, id);
  if (!u) return Error::NotFound("no user has id " + std::to_string(id));
  return *u;
}

Page<User> UserService::List(const Principal&, const repo::UserFilter& filter, PageRequest page) {
  auto tx = db_.BeginRead();
  return repo::List(*tx, filter, page);
}

std::vector<Team> UserService::ListTeams() {
  auto tx = db_.BeginRead();
  return repo::ListTeams(*tx);
}

Result<Team> UserService::CreateTeam(const Principal& actor, std::string_view name) {
  if (!IsAdmin(actor)) return Error::Forbidden("only admins manage teams");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  if (repo::FindTeamByName(*tx, name)) return TeamNameTaken(name);
  Team t{repo::InsertTeam(*tx, name, now), std::string(name), now};
  audit::Record(*tx, audit::ActorOf(actor), "team", t.id, {{"create", std::nullopt, std::nullopt, t.name}}, now);
  tx->Commit();
  return t;
}

Result<Team> UserService::RenameTeam(const Principal& actor, std::int64_t id, std::string_view name) {
  if (!IsAdmin(actor)) return Error::Forbidden("only admins manage teams");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto team = repo::FindTeam(*tx, id);
  if (!team) return Error::NotFound("no team has id " + std::to_string(id));
  if (auto other = repo::FindTeamByName(*tx, name); other && other->id != id) {
    return TeamNameTaken(name);
  }
  repo::RenameTeam(*tx, id, name);
  audit::Record(*tx, audit::ActorOf(actor), "team", id, {{"update", "name", team->name, std::string(name)}}, now);
  tx->Commit();
  team->name = name;
  return *team;
}

Result<CreatedToken> UserService::CreateApiToken(const Principal& actor, std::string_view name) {
  const Millis now = clock_.Now();
  CreatedToken out;
  out.secret = "sen_" + RandomToken();
  auto tx = db_.BeginWrite();
  out.token = {repo::InsertApiToken(*tx, actor.user_id, name, Sha256Hex(out.secret), now), actor.user_id,
               std::string(name), now, std::nullopt};
  audit::Record(*tx, audit::ActorOf(actor), "api_token", out.token.id, {{"create", std::nullopt, std::nullopt, out.token.name}}, now);
  tx->Commit();
  return out;
}

std::vector<repo::ApiToken> UserService::ListApiTokens(const Principal& actor) {
  auto tx = db_.BeginRead();
  return repo::ListApiTokens(*tx, IsAdmin(actor) ? std::nullopt : std::optional(actor.user_id));
}

Status UserService::RevokeApiToken(const Principal& actor, std::int64_t id) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto token = repo::FindApiToken(*tx, id);
  if (!token || (token->user_id != actor.user_id && !IsAdmin(actor))) {
    return Error::NotFound("no API token of yours has id " + std::to_string(id));
  }
  repo::RevokeApiToken(*tx, id, now);
  audit::Record(*tx, audit::ActorOf(actor), "api_token", id, {{"delete", std::nullopt, token->name, std::nullopt}}, now);
  tx->Commit();
  principals_.Clear();
  EndLiveConnections();
  return {};
}

std::optional<User> UserService::FindActive(db::Transaction& tx, std::int64_t id) {
  auto u = repo::FindById(tx, id);
  if (u && !u->active) return std::nullopt;
  return u;
}

Result<User> UserService::ActiveUser(db::Transaction& tx, std::int64_t id, std::string field) {
  auto u = repo::FindById(tx, id);
  if (!u) return Error::Field(std::move(field), "no user has this id", "not_found");
  if (!u->active) return Error::Field(std::move(field), "the user " + u->username + " is deactivated", "inactive");
  return std::move(*u);
}

std::optional<User> UserService::Find(db::Transaction& tx, std::int64_t id) { return repo::FindById(tx, id); }

std::unordered_map<std::int64_t, std::string> UserService::Usernames(db::Transaction& tx) {
  return repo::Usernames(tx);
}

std::vector<std::int64_t> UserService::TeamMembers(db::Transaction& tx, std::int64_t team_id) {
  return repo::TeamMembers(tx, team_id);
}

bool UserService::EnsureAdmin(const std::string& password) {
  {
    auto tx = db_.BeginRead();
    if (repo::Count(*tx) > 0) return false;
  }
  const std::string hash = HashPassword(password);
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  if (repo::Count(*tx) > 0) return false;
  User u;
  u.username = "admin";
  u.full_name = "Administrator";
  u.role = Role::kAdmin;
  u.created_at = u.updated_at = now;
  u.id = repo::Insert(*tx, u, hash);
  audit::Record(*tx, audit::ActorOf(System()), "user", u.id, {{"create", std::nullopt, std::nullopt, u.username}}, now);
  tx->Commit();
  return true;
}

}  // namespace sen::users
