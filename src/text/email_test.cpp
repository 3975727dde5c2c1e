#include "text/email.h"

#include <gtest/gtest.h>

namespace sen::text {
namespace {

TEST(NormaliseEmail, TrimsAndLowerCases) {
  EXPECT_EQ(NormaliseEmail("  An.Nguyen@Example.COM "), "an.nguyen@example.com");
  EXPECT_EQ(NormaliseEmail("a+tag@sub.example.vn"), "a+tag@sub.example.vn");
}

TEST(NormaliseEmail, RejectsWhatIsNotAnAddress) {
  for (const char* bad : {"", "plain", "a@", "@b.com", "a@b", "a@@b.com", "a b@c.com", "a..b@c.com",
                          ".a@c.com", "a@-c.com", "a@c.c", "a@c.123", "nguyễn@x.vn"}) {
    EXPECT_FALSE(NormaliseEmail(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace sen::text
