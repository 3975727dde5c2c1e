#include "modules/jobs/job_rules.h"

#include <gtest/gtest.h>

namespace sen::jobs {
namespace {

constexpr Millis kMin = 60'000;

TEST(JobRules, FirstRunIsTheStartWhenItIsAhead) {
  EXPECT_EQ(NextRun(1000 * kMin, 5 * kMin, 10 * kMin), 1000 * kMin);
  EXPECT_EQ(FirstRun(1000 * kMin, 5 * kMin, 1000 * kMin), 1000 * kMin);
}

TEST(JobRules, NextRunIsTheFirstSlotAfterWithoutMakingUpMissedOnes) {
  const Millis start = 1000 * kMin;
  EXPECT_EQ(NextRun(start, 5 * kMin, start), start + 5 * kMin);
  EXPECT_EQ(NextRun(start, 5 * kMin, start + 4 * kMin), start + 5 * kMin);
  EXPECT_EQ(NextRun(start, 5 * kMin, start + 5 * kMin), start + 10 * kMin);
  // Down for an hour: one run now-ish, then on the grid again.
  EXPECT_EQ(NextRun(start, 5 * kMin, start + 61 * kMin), start + 65 * kMin);
  EXPECT_EQ(FirstRun(start, 5 * kMin, start + 65 * kMin), start + 65 * kMin);
  EXPECT_EQ(FirstRun(start, 5 * kMin, start + 65 * kMin + 1), start + 70 * kMin);
}

TEST(JobRules, EverySlotOfADayComesOnceInOrder) {
  const Millis start = 7 * kMin;
  Millis next = FirstRun(start, 30 * kMin, 0);
  int runs = 0;
  for (Millis now = 0; now < 24 * 60 * kMin; now += kMin) {
    if (IsDue(true, next, std::nullopt, now)) {
      EXPECT_EQ(now, start + runs * 30 * kMin);
      next = NextRun(start, 30 * kMin, now);
      ++runs;
    }
  }
  EXPECT_EQ(runs, 48);
}

TEST(JobRules, DueOnlyWhenActiveAndBeforeTheEnd) {
  EXPECT_TRUE(IsDue(true, 10, std::nullopt, 10));
  EXPECT_FALSE(IsDue(true, 10, std::nullopt, 9));
  EXPECT_FALSE(IsDue(false, 10, std::nullopt, 10));
  EXPECT_TRUE(IsDue(true, 10, 11, 10));
  EXPECT_FALSE(IsDue(true, 10, 10, 10));
}

}  // namespace
}  // namespace sen::jobs
