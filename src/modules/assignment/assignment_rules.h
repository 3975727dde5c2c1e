// Pure assignment rules (R2-R4): which member of a rule gets the next lead, and how the rule's
// turn state moves. No storage here: the repository loads the seats, `Pick` decides and updates
// them, the repository saves them back in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sen::assignment {

enum class Method { kRoundRobin, kLeastLoaded, kWeighted };
std::string_view MethodName(Method method);
std::optional<Method> ParseMethod(std::string_view name);

// One member of a rule as a pick sees it: settings, persisted turn state, and facts of the day.
struct Seat {
  std::int64_t user_id = 0;
  int weight = 1;
  std::optional<int> daily_cap;
  // Round robin: leads taken, levelled up while away so that coming back does not mean a run
  // of leads in a row. Also the tie-break of least loaded.
  std::int64_t turns = 0;
  // Weighted: the smooth weighted round robin credit (grows by the weight at every pick the
  // member could have taken, drops by the sum of those weights when the member takes one).
  std::int64_t credit = 0;
  bool online = false;
  // Took the rule's last lead: ties of round robin and least loaded go to the members after
  // this one in the rule's order (a cursor), so nobody gets two in a row while another can take.
  bool last = false;
  int taken_today = 0;          // leads this rule gave the member today
  std::int64_t open_leads = 0;  // least loaded: leads the member owns that are still open
};

struct PickRequest {
  Method method = Method::kRoundRobin;
  bool creator_priority = true;
  std::optional<std::int64_t> creator;  // who created the lead (R3: first if an ON member)
  std::optional<std::int64_t> exclude;  // the owner an unassign takes the lead from (R4)
};

// Whether the seat may take a lead now: ON, under its daily cap, not the excluded owner.
bool CanTake(const Seat& seat, const PickRequest& request);

// Picks the member for one lead and moves the seats' state as if the lead was given; nullopt
// (state untouched) when no member can take it. `seats` are in the rule's order, which breaks
// ties.
std::optional<std::size_t> Pick(std::span<Seat> seats, const PickRequest& request);

// A member of the saved state who is no seat now (deactivated, or out of the rule) and took
// leads today: the count goes on with the state, so that coming back the same day does not
// reset their daily cap.
struct AwaySeat {
  std::int64_t user_id = 0;
  std::int64_t taken_today = 0;
};

// A rule's turn state as one line, "user:turns:credit:taken" per seat (":1" more for the one who
// took the last lead), so that a pick reads and writes one row however many members the rule has.
// The `away` members follow, levelled to the lowest turn count, as an OFF member is.
std::string EncodeState(std::span<const Seat> seats, std::span<const AwaySeat> away = {});
// Puts a saved state onto `seats` (settings and presence already set). A member the state does
// not know (just added) joins at the lowest turn count, so without a run of leads; when the
// state is of an earlier day (`same_day` false) the day's counts start at zero. Malformed
// entries are skipped. Returns the away members, for EncodeState (none on another day).
std::vector<AwaySeat> ApplyState(std::string_view state, bool same_day, std::span<Seat> seats);

}  // namespace sen::assignment
