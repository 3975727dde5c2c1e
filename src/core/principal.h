// Who is calling: the signed-in user, their role and team, and through what channel.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sen {

enum class Role { kAdmin, kManager, kMarketer, kAgent };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// How a change was made, as the audit trail records it (A3).
enum class Channel { kUi, kApi, kImport, kRule, kCli };
std::string_view ChannelName(Channel channel);

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string full_name;
  Role role = Role::kAgent;
  std::optional<std::int64_t> team_id;
  std::string language = "vi";
  Channel channel = Channel::kUi;
  // Set for browser sessions: state-changing requests must echo it in X-CSRF-Token.
  std::string csrf_token;
  // Which sign-in this is: "s" and the session's hash, or "b" and the API token's (live events
  // end with it).
  std::string credential;

  // Admins and managers: they hand leads out (rules, jobs, reassigning) and see the trash.
  bool Manages() const { return role == Role::kAdmin || role == Role::kManager; }
};

}  // namespace sen
