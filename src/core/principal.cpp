// Names of roles and channels as stored and as the API spells them.
#include "core/principal.h"

namespace sen {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kManager: return "manager";
    case Role::kMarketer: return "marketer";
    case Role::kAgent: return "agent";
  }
  return "agent";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kAdmin, Role::kManager, Role::kMarketer, Role::kAgent}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kUi: return "ui";
    case Channel::kApi: return "api";
    case Channel::kImport: return "import";
    case Channel::kRule: return "rule";
    case Channel::kCli: return "cli";
  }
  return "api";
}

}  // namespace sen
