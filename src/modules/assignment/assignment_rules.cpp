// Pickers: round robin by levelled turn counts, least loaded by open leads, weighted by smooth
// weighted round robin (the nginx algorithm), which keeps every member within one lead of its
// share at all times while the round's members stay the same.
#include "modules/assignment/assignment_rules.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <vector>

namespace sen::assignment {

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kRoundRobin: return "round_robin";
    case Method::kLeastLoaded: return "least_loaded";
    case Method::kWeighted: return "weighted";
  }
  return "round_robin";
}

std::optional<Method> ParseMethod(std::string_view name) {
  for (Method m : {Method::kRoundRobin, Method::kLeastLoaded, Method::kWeighted}) {
    if (MethodName(m) == name) return m;
  }
  return std::nullopt;
}

bool CanTake(const Seat& seat, const PickRequest& request) {
  return seat.online && (!seat.daily_cap || seat.taken_today < *seat.daily_cap) && seat.user_id != request.exclude;
}

namespace {

// The method's choice among the seats that can take the lead (at least one can). Round robin and
// least loaded look from the seat after the last pick's, so that a tie goes on round the rule.
std::size_t Choose(std::span<const Seat> seats, const PickRequest& request) {
  std::size_t start = 0;
  if (request.method != Method::kWeighted) {
    auto last = std::find_if(seats.begin(), seats.end(), [](const Seat& s) { return s.last; });
    if (last != seats.end()) start = static_cast<std::size_t>(last - seats.begin()) + 1;
  }
  std::optional<std::size_t> best;
  for (std::size_t k = 0; k < seats.size(); ++k) {
    const std::size_t i = (start + k) % seats.size();
    if (!CanTake(seats[i], request)) continue;
    if (!best) {
      best = i;
      continue;
    }
    const Seat& s = seats[i];
    const Seat& b = seats[*best];
    bool better = false;
    switch (request.method) {
      case Method::kRoundRobin: better = s.turns < b.turns; break;
      case Method::kLeastLoaded:
        better = s.open_leads < b.open_leads || (s.open_leads == b.open_leads && s.turns < b.turns);
        break;
      case Method::kWeighted: better = s.credit + s.weight > b.credit + b.weight; break;
    }
    if (better) best = i;
  }
  return *best;
}

}  // namespace

std::optional<std::size_t> Pick(std::span<Seat> seats, const PickRequest& request) {
  std::int64_t lowest_turns = std::numeric_limits<std::int64_t>::max();
  int total_weight = 0;
  for (const Seat& s : seats) {
    if (!CanTake(s, request)) continue;
    lowest_turns = std::min(lowest_turns, s.turns);
    total_weight += s.weight;
  }
  if (total_weight == 0) return std::nullopt;
  if (request.method == Method::kWeighted) {
    // In a round of total weight T every credit stays within ±(T - 1), so this changes nothing
    // while the round is the same. When a member leaves it (cap, OFF, excluded), the credits the
    // others banked against the larger round are brought within the smaller one's bounds: without
    // that, one member could take a run of leads on them while another of equal weight waits.
    for (Seat& s : seats) {
      if (CanTake(s, request)) {
        s.credit = std::clamp<std::int64_t>(s.credit, 1 - total_weight, total_weight - 1);
      }
    }
  }

  std::size_t chosen = seats.size();
  if (request.creator_priority && request.creator) {
    for (std::size_t i = 0; i < seats.size(); ++i) {
      if (seats[i].user_id == *request.creator && CanTake(seats[i], request)) chosen = i;
    }
  }
  if (chosen == seats.size()) chosen = Choose(seats, request);

  for (std::size_t i = 0; i < seats.size(); ++i) {
    Seat& s = seats[i];
    if (CanTake(s, request)) {
      if (request.method == Method::kWeighted) s.credit += s.weight;
    } else {
      // Away members keep their place in the round instead of banking turns.
      s.turns = std::max(s.turns, lowest_turns);
    }
  }
  for (Seat& s : seats) s.last = false;
  Seat& winner = seats[chosen];
  winner.last = true;
  if (request.method == Method::kWeighted) winner.credit -= total_weight;
  ++winner.turns;
  ++winner.taken_today;
  ++winner.open_leads;
  return chosen;
}

namespace {

// A saved state's entries in its order: user, turns, credit, taken today, and 1 for the last
// pick's member (older states lack it). Malformed entries are skipped.
std::vector<std::array<std::int64_t, 5>> ParseState(std::string_view state) {
  std::vector<std::array<std::int64_t, 5>> saved;
  while (!state.empty()) {
    const auto end = std::min(state.find(' '), state.size());
    const std::string_view entry = state.substr(0, end);
    state.remove_prefix(std::min(end + 1, state.size()));
    std::array<std::int64_t, 5> v{};
    const char* p = entry.data();
    const char* last = entry.data() + entry.size();
    std::size_t n = 0;
    bool whole = true;
    while (whole && n < v.size()) {
      auto [next, ec] = std::from_chars(p, last, v[n]);
      whole = ec == std::errc();
      if (!whole) break;
      ++n;
      p = next;
      if (p == last) break;
      whole = *p++ == ':';
    }
    if (whole && p == last && n >= 4) saved.push_back(v);
  }
  return saved;
}

void AppendEntry(std::string& out, std::span<const std::int64_t> values, bool last) {
  char buffer[96];
  char* p = buffer;
  if (!out.empty()) *p++ = ' ';
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k > 0) *p++ = ':';
    p = std::to_chars(p, buffer + sizeof buffer, values[k]).ptr;
  }
  out.append(buffer, p);
  if (last) out += ":1";
}

}  // namespace

std::string EncodeState(std::span<const Seat> seats, std::span<const AwaySeat> away) {
  std::string out;
  out.reserve((seats.size() + away.size()) * 24);
  std::int64_t lowest = 0;
  for (std::size_t i = 0; i < seats.size(); ++i) {
    const Seat& s = seats[i];
    const std::int64_t values[] = {s.user_id, s.turns, s.credit, s.taken_today};
    AppendEntry(out, values, s.last);
    lowest = i == 0 ? s.turns : std::min(lowest, s.turns);
  }
  for (const AwaySeat& a : away) {
    const std::int64_t values[] = {a.user_id, lowest, 0, a.taken_today};
    AppendEntry(out, values, false);
  }
  return out;
}

std::vector<AwaySeat> ApplyState(std::string_view state, bool same_day, std::span<Seat> seats) {
  // Entries in the seats' order as a rule saves them; a changed member list may reorder them.
  const auto saved = ParseState(state);
  std::vector<bool> seated(saved.size());
  std::int64_t lowest = saved.empty() ? 0 : std::numeric_limits<std::int64_t>::max();
  for (const auto& v : saved) lowest = std::min(lowest, v[1]);
  for (std::size_t i = 0; i < seats.size(); ++i) {
    Seat& seat = seats[i];
    auto it = i < saved.size() && saved[i][0] == seat.user_id
                  ? saved.begin() + static_cast<std::ptrdiff_t>(i)
                  : std::find_if(saved.begin(), saved.end(), [&](const auto& v) { return v[0] == seat.user_id; });
    if (it == saved.end()) {
      seat.turns = lowest;
      seat.credit = 0;
      seat.taken_today = 0;
      seat.last = false;
      continue;
    }
    seated[static_cast<std::size_t>(it - saved.begin())] = true;
    seat.turns = (*it)[1];
    seat.credit = (*it)[2];
    seat.last = (*it)[4] == 1;
    seat.taken_today = same_day ? static_cast<int>((*it)[3]) : 0;
  }
  std::vector<AwaySeat> away;
  for (std::size_t i = 0; same_day && i < saved.size(); ++i) {
    if (!seated[i] && saved[i][3] > 0) away.push_back({saved[i][0], saved[i][3]});
  }
  return away;
}

}  // namespace sen::assignment
