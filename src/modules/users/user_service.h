// Users, teams, sign-in, sessions and API tokens: access checks, rules, storage, audit.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/event_hub.h"
#include "core/paging.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/users/user.h"
#include "modules/users/user_repository.h"

namespace sen::users {

template <typename T>
using Maybe = std::optional<std::optional<T>>;

struct NewUser {
  std::string username;
  std::string password;
  std::string full_name;
  std::optional<std::string> email;
  std::string role;
  std::optional<std::int64_t> team_id;
  std::optional<std::string> extension;
  std::string language = "vi";
};

struct UserPatch {
  std::optional<std::string> full_name;
  Maybe<std::string> email;
  std::optional<std::string> role;
  Maybe<std::int64_t> team_id;
  std::optional<bool> active;
  std::optional<std::string> password;
  Maybe<std::string> extension;
  std::optional<std::string> language;
};

struct SelfPatch {
  std::optional<std::string> full_name;
  std::optional<std::string> language;
  std::optional<std::string> password;
  std::optional<std::string> current_password;
};

// How long a browser session lasts after sign-in.
constexpr Millis kSessionLifetime = 30LL * 24 * 3600 * 1000;

struct LoginResult {
  User user;
  std::string session_token;
  std::string csrf_token;
  Millis expires_at = 0;
};

struct CreatedToken {
  repo::ApiToken token;
  std::string secret;  // shown once
};

// Recently authenticated tokens, so that most requests skip a database round trip. The database
// stays the truth: entries live a few seconds, and every sign-out, revocation or user change on
// this instance clears them at once (other instances see such changes within the lifetime).
class PrincipalCache {
 public:
  static constexpr Millis kLifetime = 10'000;
  std::optional<Principal> Get(const std::string& token_hash, Millis now);
  void Put(const std::string& token_hash, const Principal& p, Millis now);
  void Clear();

 private:
  static constexpr std::size_t kMaxEntries = 10'000;
  struct Entry {
    Principal principal;
    Millis expires = 0;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

struct LoginLimits {
  int max_failures_per_user = 5;
  int max_failures_per_ip = 20;
  Millis window = 15 * 60 * 1000;
};

// `u` acting through `channel`; `csrf` for a browser session.
Principal PrincipalOf(const User& u, Channel channel, std::string csrf = "");

class UserService {
 public:
  UserService(db::Database& db, const Clock& clock, LoginLimits limits = {});

  Result<LoginResult> Login(std::string_view username, std::string_view password, std::string_view ip,
                            std::string_view user_agent);
  void Logout(std::string_view session_token);
  // From an API token (Bearer) or else a session cookie.
  Result<Principal> Authenticate(std::string_view bearer_token, std::string_view session_token);

  // `shape_errors` are problems the caller already found in the request (wrong types, unknown
  // fields); they are answered together with the rule errors, after the access check.
  Result<User> Create(const Principal& actor, const NewUser& input, FieldErrors shape_errors = {});
  Result<User> Update(const Principal& actor, std::int64_t id, const UserPatch& patch);
  Result<User> UpdateSelf(const Principal& actor, const SelfPatch& patch);
  Result<User> Get(const Principal& actor, std::int64_t id);
  // R1: users switch themselves ON or OFF; managers switch the users of their team, admins anyone.
  // A change reaches the user's open pages as a "presence" event {online, by: who, when not they}.
  Result<User> SetPresence(const Principal& actor, std::int64_t id, bool online);
  void SetEvents(EventHub* events) { events_ = events; }
  // Called inside Update's transaction when an admin moves a user to another team (or none): the
  // leads module moves the user's open leads along.
  using TeamChangeHandler = std::function<void(db::Transaction&, const Principal& by, std::int64_t user_id,
                                               std::optional<std::int64_t> team_id, Millis now)>;
  void OnTeamChange(TeamChangeHandler handler) { on_team_change_ = std::move(handler); }
  Page<User> List(const Principal& actor, const repo::UserFilter& filter, PageRequest page);

  std::vector<Team> ListTeams();
  Result<Team> CreateTeam(const Principal& actor, std::string_view name);
  Result<Team> RenameTeam(const Principal& actor, std::int64_t id, std::string_view name);

  Result<CreatedToken> CreateApiToken(const Principal& actor, std::string_view name);
  // The caller's tokens; an admin's call lists everyone's.
  std::vector<repo::ApiToken> ListApiTokens(const Principal& actor);
  Status RevokeApiToken(const Principal& actor, std::int64_t id);

  // For other modules, inside their transaction: an active user, or nullopt.
  std::optional<User> FindActive(db::Transaction& tx, std::int64_t id);
  // The same for a user given in `field` (an owner, a member): else that field's error, which
  // tells an unknown ID from a user who has left.
  Result<User> ActiveUser(db::Transaction& tx, std::int64_t id, std::string field);
  // Names of users for display (timeline).
  std::optional<User> Find(db::Transaction& tx, std::int64_t id);
  std::vector<std::int64_t> TeamMembers(db::Transaction& tx, std::int64_t team_id);
  // Imports and exports name owners by username (manual 001: "Assigned User Name" is the
  // username): every user's, the inactive ones too.
  std::unordered_map<std::int64_t, std::string> Usernames(db::Transaction& tx);

  // Closes the live-event connections whose sign-in has ended: signed out, revoked, deactivated,
  // or simply expired, which no request reports, so the server also calls this every minute.
  void EndLiveConnections();

  // First start: creates `admin` when there is no user. Returns true if it did.
  bool EnsureAdmin(const std::string& password);
  // The command line acts as the system: an admin principal on the CLI channel.
  static Principal System();

 private:
  Status CheckAndFillPatch(db::Transaction& tx, User& user, const UserPatch& patch);
  db::Database& db_;
  const Clock& clock_;
  LoginLimits limits_;
  PrincipalCache principals_;
  EventHub* events_ = nullptr;
  TeamChangeHandler on_team_change_;
  std::once_flag dummy_hash_once_;
  std::string dummy_hash_;  // verified against for unknown users, so timing does not tell them apart
};

}  // namespace sen::users
