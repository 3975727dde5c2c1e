// Sign-ins against a real database, with a manual clock for their thirty days.
#include "modules/users/user_service.h"

#include <gtest/gtest.h>

#include <string>

#include "core/event_hub.h"
#include "db/test_database.h"

namespace sen::users {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kT0 = 1'800'000'000'000;  // 2027-01-15

TEST(UserService, ALiveSocketEndsWhenItsSignInExpires) {
  db::testing::TestDatabase db;
  ManualClock clock{kT0};
  EventHub hub;
  UserService users(*db, clock);
  users.SetEvents(&hub);
  ASSERT_TRUE(users.EnsureAdmin("admin-pass-123"));

  // A page opened with each sign-in: one today, one a day later.
  int closed_first = 0, closed_second = 0;
  auto open = [&](int& closed) {
    auto login = users.Login("admin", "admin-pass-123", "127.0.0.1", "test");
    ASSERT_TRUE(login) << login.error().message;
    auto principal = users.Authenticate("", login->session_token);
    ASSERT_TRUE(principal) << principal.error().message;
    hub.Subscribe(
        principal->user_id, [](std::string) {}, principal->credential, [&closed] { ++closed; });
  };
  open(closed_first);
  clock.Advance(kDay);
  open(closed_second);

  clock.Set(kT0 + kSessionLifetime - kMinute);
  users.EndLiveConnections();
  EXPECT_EQ(closed_first, 0) << "closed before its sign-in ended";

  clock.Set(kT0 + kSessionLifetime);
  users.EndLiveConnections();
  EXPECT_EQ(closed_first, 1) << "its sign-in expired, and nobody asked";
  EXPECT_EQ(closed_second, 0) << "the later sign-in has a day left";
}

}  // namespace
}  // namespace sen::users
