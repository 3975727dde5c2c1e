// Pure checks on user input: usernames, passwords, roles.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace sen::users {

// Lower-cased username if it is 3-50 of [a-z0-9._-]; nullopt otherwise.
std::optional<std::string> NormaliseUsername(std::string_view username);
// Why a password is not acceptable (too short or too long), as the "password" field's error; or nullopt.
std::optional<FieldError> PasswordProblem(std::string_view password);

}  // namespace sen::users
