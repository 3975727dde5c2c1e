#include "modules/assignment/assignment_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

namespace sen::assignment {
namespace {

std::vector<Seat> Seats(int n) {
  std::vector<Seat> seats(n);
  for (int i = 0; i < n; ++i) {
    seats[i].user_id = 100 + i;
    seats[i].online = true;
  }
  return seats;
}

// The user ids picked for `leads` leads in a row.
std::vector<std::int64_t> Picks(std::vector<Seat>& seats, const PickRequest& request, int leads) {
  std::vector<std::int64_t> out;
  for (int i = 0; i < leads; ++i) {
    auto chosen = Pick(seats, request);
    out.push_back(chosen ? seats[*chosen].user_id : 0);
  }
  return out;
}

TEST(AssignmentRules, MethodNamesRoundTrip) {
  for (Method m : {Method::kRoundRobin, Method::kLeastLoaded, Method::kWeighted}) {
    EXPECT_EQ(ParseMethod(MethodName(m)), m);
  }
  EXPECT_FALSE(ParseMethod("random").has_value());
}

TEST(AssignmentRules, RoundRobinTakesTurnsInTheRulesOrder) {
  auto seats = Seats(3);
  EXPECT_EQ(Picks(seats, {}, 7), (std::vector<std::int64_t>{100, 101, 102, 100, 101, 102, 100}));
}

TEST(AssignmentRules, NobodyOnMeansNoPickAndNoStateChange) {
  auto seats = Seats(2);
  for (auto& s : seats) s.online = false;
  EXPECT_FALSE(Pick(seats, {}).has_value());
  for (const auto& s : seats) EXPECT_EQ(s.turns, 0);
}

// Every sequence of ON/OFF states of three members over six leads (8^6 sequences): an OFF
// member never gets a lead, the turn counts never drift more than one apart, and members who
// were ON for every lead got the same number of leads give or take one.
TEST(AssignmentRules, RoundRobinStaysEvenOverEverySequenceOfPresenceChanges) {
  constexpr int kMembers = 3, kLeads = 6;
  int sequences = 1;
  for (int i = 0; i < kLeads; ++i) sequences *= 1 << kMembers;
  for (int seq = 0; seq < sequences; ++seq) {
    auto seats = Seats(kMembers);
    std::vector<int> got(kMembers, 0);
    int always_on = (1 << kMembers) - 1;
    int code = seq;
    for (int lead = 0; lead < kLeads; ++lead, code >>= kMembers) {
      const int on = code & ((1 << kMembers) - 1);
      always_on &= on;
      for (int m = 0; m < kMembers; ++m) seats[m].online = (on >> m) & 1;
      auto chosen = Pick(seats, {});
      ASSERT_EQ(chosen.has_value(), on != 0);
      if (!chosen) {
        continue;
      }
      ASSERT_TRUE(seats[*chosen].online);
      ++got[*chosen];
      auto [lo, hi] = std::minmax_element(seats.begin(), seats.end(),
                                          [](const Seat& a, const Seat& b) { return a.turns < b.turns; });
      ASSERT_LE(hi->turns - lo->turns, 1) << "sequence " << seq << " lead " << lead;
    }
    for (int a = 0; a < kMembers; ++a) {
      for (int b = 0; b < kMembers; ++b) {
        if ((always_on >> a & 1) && (always_on >> b & 1)) {
          ASSERT_LE(got[a] - got[b], 1) << "sequence " << seq;
        }
      }
    }
  }
}

TEST(AssignmentRules, AMemberBackFromOffRejoinsTheRoundWithoutARunOfLeads) {
  auto seats = Seats(3);
  seats[1].online = false;
  Picks(seats, {}, 10);  // 100 and 102 take five each
  seats[1].online = true;
  // 101 takes the turn it was due when it left, then the round goes on from there.
  EXPECT_EQ(Picks(seats, {}, 6), (std::vector<std::int64_t>{101, 102, 100, 101, 102, 100}));
}

// R2: nobody is picked twice in a row while another member can take the lead, whatever came
// before: two unassigns from the first member, or that member away for two leads.
TEST(AssignmentRules, NoMemberTwiceInARowWhenAnotherCanTakeTheLead) {
  auto seats = Seats(3);
  Pick(seats, {.exclude = 100});
  Pick(seats, {.exclude = 100});
  EXPECT_EQ(Picks(seats, {}, 6), (std::vector<std::int64_t>{100, 101, 102, 100, 101, 102}));

  auto away = Seats(3);
  away[0].online = false;
  Picks(away, {}, 2);
  away[0].online = true;
  EXPECT_EQ(Picks(away, {}, 6), (std::vector<std::int64_t>{100, 101, 102, 100, 101, 102}));

  // The round goes on from the last pick after a restart.
  auto saved = Seats(3);
  Picks(saved, {}, 4);  // 100 101 102 100
  auto restarted = Seats(3);
  ApplyState(EncodeState(saved), true, restarted);
  EXPECT_EQ(Picks(restarted, {}, 3), (std::vector<std::int64_t>{101, 102, 100}));
}

// Every weight vector of 1..4 over two and three members: after every lead each member is
// within one lead of its share (leads * weight / total weight).
TEST(AssignmentRules, WeightedKeepsEveryMemberWithinOneLeadOfItsShare) {
  for (int n = 2; n <= 3; ++n) {
    int combos = 1;
    for (int i = 0; i < n; ++i) combos *= 4;
    for (int c = 0; c < combos; ++c) {
      auto seats = Seats(n);
      int total = 0;
      for (int i = 0, code = c; i < n; ++i, code /= 4) total += seats[i].weight = 1 + code % 4;
      std::vector<std::int64_t> got(n, 0);
      for (int lead = 1; lead <= 5 * total; ++lead) {
        auto chosen = Pick(seats, {.method = Method::kWeighted});
        ASSERT_TRUE(chosen.has_value());
        ++got[*chosen];
        for (int i = 0; i < n; ++i) {
          // |got - lead * w / total| < 1, in integers.
          ASSERT_LT(std::abs(got[i] * total - std::int64_t{lead} * seats[i].weight), total)
              << "weights combo " << c << " member " << i << " lead " << lead;
        }
      }
    }
  }
}

// A member leaving the weighted round (its cap reached, OFF) takes its share of the credit with
// it: the others go on as even as their weights say, instead of one of them having a run of
// leads on credit banked against the larger round.
TEST(AssignmentRules, WeightedStaysEvenWhenAMemberReachesItsCap) {
  auto seats = Seats(3);
  seats[0].weight = 3;
  seats[0].daily_cap = 2;
  EXPECT_EQ(Picks(seats, {.method = Method::kWeighted}, 10),
            (std::vector<std::int64_t>{100, 101, 100, 102, 101, 102, 101, 102, 101, 102}));
}

TEST(AssignmentRules, WeightedSpreadsTheHeavierMembersTurns) {
  auto seats = Seats(2);
  seats[0].weight = 2;
  EXPECT_EQ(Picks(seats, {.method = Method::kWeighted}, 6), (std::vector<std::int64_t>{100, 101, 100, 100, 101, 100}));
}

TEST(AssignmentRules, DailyCapsAreNeverExceeded) {
  std::mt19937 random(7);
  for (Method method : {Method::kRoundRobin, Method::kLeastLoaded, Method::kWeighted}) {
    auto seats = Seats(4);
    for (int i = 0; i < 4; ++i) {
      seats[i].daily_cap = i + 1;  // 10 leads a day in all
      seats[i].weight = 1 + i % 2;
    }
    int given = 0;
    for (int lead = 0; lead < 30; ++lead) {
      for (auto& s : seats) s.online = random() % 4 != 0;
      PickRequest request{.method = method, .creator = 100 + std::int64_t(random() % 5)};
      if (auto chosen = Pick(seats, request)) ++given;
      for (const auto& s : seats) ASSERT_LE(s.taken_today, *s.daily_cap) << MethodName(method);
    }
    for (auto& s : seats) s.online = true;
    while (Pick(seats, {.method = method})) ++given;
    EXPECT_EQ(given, 10) << MethodName(method);
  }
}

TEST(AssignmentRules, TheCreatorGoesFirstWhenAnOnMember) {
  auto seats = Seats(3);
  EXPECT_EQ(Picks(seats, {.creator = 102}, 2), (std::vector<std::int64_t>{102, 102}));
  seats[2].online = false;
  EXPECT_EQ(Picks(seats, {.creator = 102}, 1), (std::vector<std::int64_t>{100}));
  EXPECT_EQ(Picks(seats, {.creator = 999}, 1), (std::vector<std::int64_t>{101}));
  seats[2].online = true;
  EXPECT_EQ(Picks(seats, {.creator_priority = false, .creator = 101}, 1), (std::vector<std::int64_t>{100}));
}

// R4: an unassign gives the lead to another member, and the round goes on from there, so no
// member is picked twice in a row while another is available.
TEST(AssignmentRules, UnassignGivesTheLeadToAnotherMemberAndTheRoundGoesOn) {
  for (int members = 2; members <= 4; ++members) {
    for (int first = 0; first < members; ++first) {
      auto seats = Seats(members);
      Picks(seats, {}, first);
      auto owner = Pick(seats, {});
      ASSERT_TRUE(owner.has_value());
      auto other = Pick(seats, {.exclude = seats[*owner].user_id});
      ASSERT_TRUE(other.has_value());
      EXPECT_NE(*other, *owner);
      auto next = Pick(seats, {});
      EXPECT_NE(*next, *other) << members << " members";
    }
  }
  auto alone = Seats(1);
  EXPECT_FALSE(Pick(alone, {.exclude = 100}).has_value());
}

TEST(AssignmentRules, LeastLoadedPicksTheFewestOpenLeadsThenTheRound) {
  auto seats = Seats(3);
  seats[0].open_leads = 5;
  seats[1].open_leads = 2;
  seats[2].open_leads = 3;
  EXPECT_EQ(Picks(seats, {.method = Method::kLeastLoaded}, 6),
            (std::vector<std::int64_t>{101, 102, 101, 102, 101, 100}));
}

TEST(AssignmentRules, TheStateRoundTripsAndNewMembersJoinAtTheLowestTurn) {
  auto seats = Seats(3);
  seats[2].weight = 3;
  Picks(seats, {.method = Method::kWeighted}, 7);
  const std::string saved = EncodeState(seats);

  auto again = Seats(4);  // a member was added since
  again[2].weight = 3;
  ApplyState(saved, true, again);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(again[i].turns, seats[i].turns);
    EXPECT_EQ(again[i].credit, seats[i].credit);
    EXPECT_EQ(again[i].taken_today, seats[i].taken_today);
  }
  EXPECT_EQ(again[3].turns, std::min({seats[0].turns, seats[1].turns, seats[2].turns}));
  EXPECT_EQ(again[3].taken_today, 0);

  ApplyState(saved, false, again);  // a new day
  for (const auto& s : again) EXPECT_EQ(s.taken_today, 0);
}

// A member deactivated, or taken out of the rule, is no seat while away; back the same day, the
// leads they took before still count towards their cap.
TEST(AssignmentRules, AMemberAwayFromTheRuleKeepsTodaysCountForTheirCap) {
  auto seats = Seats(3);
  seats[0].daily_cap = 2;
  Picks(seats, {}, 6);  // 2 each
  const std::string before = EncodeState(seats);

  std::vector<Seat> without(seats.begin() + 1, seats.end());  // 100 is away
  const auto away = ApplyState(before, true, without);
  Picks(without, {}, 4);
  const std::string while_away = EncodeState(without, away);

  auto back = Seats(3);
  back[0].daily_cap = 2;
  ApplyState(while_away, true, back);
  EXPECT_EQ(back[0].taken_today, 2);
  EXPECT_EQ(back[0].turns, 4);  // levelled like a member who was OFF: no run of leads
  EXPECT_EQ(Picks(back, {}, 4), (std::vector<std::int64_t>{101, 102, 101, 102}));

  ApplyState(EncodeState(without, ApplyState(before, false, without)), true, back);  // away since an earlier day
  EXPECT_EQ(back[0].taken_today, 0);
}

TEST(AssignmentRules, AMalformedStateIsSkippedEntryByEntry) {
  auto seats = Seats(2);
  ApplyState("100:5:-2:1 garbage 101:x:0:0 101:4:1", true, seats);
  EXPECT_EQ(seats[0].turns, 5);
  EXPECT_EQ(seats[0].credit, -2);
  EXPECT_EQ(seats[0].taken_today, 1);
  EXPECT_EQ(seats[1].turns, 5);  // unknown: joins at the lowest turn count
  ApplyState("", true, seats);
  EXPECT_EQ(seats[0].turns, 0);
}

}  // namespace
}  // namespace sen::assignment
