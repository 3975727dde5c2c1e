// Pure call rules: what a call may hold, and what a completed call does to its lead (C3).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "modules/calls/call.h"

namespace sen::calls {

// C3: a completed call on a New or Assigned lead moves it to In Process, unless its result is
// Deny, Call back later or Invalid number. The new status, or nullopt when it stays.
std::optional<std::string> LeadStatusAfterCall(std::string_view lead_status, std::string_view call_status,
                                               const std::optional<std::string>& result);

bool IsDirection(std::string_view v);
bool IsStatus(std::string_view v);
bool IsResult(std::string_view v);
bool IsReminder(std::int64_t minutes);

// What only the whole call can tell: results belong to completed calls (and a completed call
// needs one); reminders belong to scheduled calls.
Status CheckCall(const Call& call);

// Options of the call fields with their labels, for forms (GET /api/meta/calls).
nlohmann::json CallsMetaJson();

}  // namespace sen::calls
