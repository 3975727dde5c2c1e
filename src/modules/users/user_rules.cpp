// Username and password rules.
#include "modules/users/user_rules.h"

#include <cctype>

namespace sen::users {

std::optional<std::string> NormaliseUsername(std::string_view username) {
  if (username.size() < 3 || username.size() > 50) return std::nullopt;
  std::string out;
  for (char c : username) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_' || l == '-')) {
      return std::nullopt;
    }
    out.push_back(l);
  }
  return out;
}

std::optional<FieldError> PasswordProblem(std::string_view password) {
  if (password.size() < 8) return FieldError{"password", "must have at least 8 characters", "too_short"};
  if (password.size() > 200) return FieldError{"password", "must have at most 200 characters", "too_long"};
  return std::nullopt;
}

}  // namespace sen::users
