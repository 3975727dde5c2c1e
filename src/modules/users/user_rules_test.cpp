#include "modules/users/user_rules.h"

#include <gtest/gtest.h>

namespace sen::users {
namespace {

TEST(UserRules, UsernamesAreLowerCasedAndLimitedToSafeCharacters) {
  EXPECT_EQ(NormaliseUsername("Agent.An"), "agent.an");
  EXPECT_EQ(NormaliseUsername("an_1-b"), "an_1-b");
  EXPECT_FALSE(NormaliseUsername("an").has_value());
  EXPECT_FALSE(NormaliseUsername("an bình").has_value());
  EXPECT_FALSE(NormaliseUsername(std::string(51, 'a')).has_value());
}

TEST(UserRules, PasswordsNeedEightToTwoHundredCharacters) {
  EXPECT_EQ(PasswordProblem("short").value_or(FieldError{}).reason, "too_short");
  EXPECT_FALSE(PasswordProblem("long enough").has_value());
  EXPECT_EQ(PasswordProblem(std::string(201, 'x')).value_or(FieldError{}).reason, "too_long");
}

}  // namespace
}  // namespace sen::users
