#include "core/clock.h"

#include <gtest/gtest.h>

namespace sen {
namespace {

TEST(Rfc3339, FormatsUtcWithMillisecondsOnlyWhenPresent) {
  EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(1'795'000'000'123), "2026-11-18T11:06:40.123Z");
}

TEST(Rfc3339, ParsesOffsetsAndFractionsAndRejectsJunk) {
  EXPECT_EQ(ParseRfc3339("2026-11-18T11:06:40Z"), 1'795'000'000'000);
  EXPECT_EQ(ParseRfc3339("2026-11-18T18:06:40.5+07:00"), 1'795'000'000'500);
  EXPECT_FALSE(ParseRfc3339("2026-11-18"));
  EXPECT_FALSE(ParseRfc3339("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-11-18T25:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-11-18T08:26:40"));
  EXPECT_FALSE(ParseRfc3339("2026-11-18T11:06:40Zjunk"));
}

TEST(Dates, AcceptOnlyRealCalendarDays) {
  EXPECT_EQ(ParseDate("1970-01-02"), 86'400'000);
  EXPECT_TRUE(ParseDate("2024-02-29"));
  EXPECT_FALSE(ParseDate("2023-02-29"));
  EXPECT_FALSE(ParseDate("2023-13-01"));
  EXPECT_FALSE(ParseDate("23-01-01"));
  EXPECT_EQ(FormatDate(1'795'000'000'000), "2026-11-18");
  EXPECT_EQ(FormatLocalTime(1'795'626'000'000), "00:00 26/11/2026");  // 17:00 UTC the day before
}

TEST(Dates, ADayStartsAtMidnightInVietnam) {
  const Millis midnight = *ParseRfc3339("2026-11-26T00:00:00+07:00");
  EXPECT_EQ(CompanyDayStart(midnight), midnight);
  EXPECT_EQ(CompanyDayStart(midnight + kDay - 1), midnight);
  // 16:59:59 UTC is still the day before.
  EXPECT_EQ(CompanyDayStart(midnight - 1), midnight - kDay);
}

TEST(ManualClock, MovesOnlyWhenTold) {
  ManualClock clock(1000);
  EXPECT_EQ(clock.Now(), 1000);
  clock.Advance(500);
  EXPECT_EQ(clock.Now(), 1500);
}

}  // namespace
}  // namespace sen
