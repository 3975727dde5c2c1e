// Pure checks on user input: usernames, passwords, roles.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sen::users {

// Lower-cased username if it is 3-50 of [a-z0-9._-]; nullopt otherwise.
std::optional<std::string> NormaliseUsername(std::string_view username);
// Why a password is not acceptable, or nullopt.
std::optional<std::string> PasswordProblem(std::string_view password);

}  // namespace sen::users
