// Pickers: round robin by levelled turn counts, least loaded by open leads, weighted by smooth
// weighted round robin (the nginx algorithm), which keeps every member within one lead of its
// share at all times.
#include "modules/assignment/assignment_rules.h"

#include <algorithm>
#include <limits>

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

// The method's choice among the seats that can take the lead (at least one can).
std::size_t Choose(std::span<const Seat> seats, const PickRequest& request) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < seats.size(); ++i) {
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
  Seat& winner = seats[chosen];
  if (request.method == Method::kWeighted) winner.credit -= total_weight;
  ++winner.turns;
  ++winner.taken_today;
  ++winner.open_leads;
  return chosen;
}

}  // namespace sen::assignment
