// Pure call rules: what a call may hold, and what a completed call does to its lead (C3).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "modules/calls/call.h"

namespace sen::calls {

// C3: a completed call on a New or Assigned lead moves it to In Process, unless its result is
// Deny, Call back later or Invalid number. The new status, or nullopt when it stays.
std::optional<std::string> LeadStatusAfterCall(std::string_view lead_status, std::string_view call_status,
                                               const std::optional<std::string>& result);
// T2: a completed call verifies a target: Interested makes it Wait for deliver; Not interested,
// Invalid number and Wrong person make it Invalid; the rest (busy, call back later) leave it. A
// transferred target is a lead now and stays as it is.
std::optional<std::string> TargetStatusAfterCall(std::string_view target_status, std::string_view call_status,
                                                 const std::optional<std::string>& result);

bool IsDirection(std::string_view v);
bool IsStatus(std::string_view v);
bool IsResult(std::string_view v);
// C4: minutes before the call. The form offers 0, 5, 10, 15 and 30, or a chosen time, which it
// sends as the minutes between that time and the call; at most a week before.
constexpr std::int64_t kMaxReminderMin = 7 * 24 * 60;
bool IsReminder(std::int64_t minutes);

// What only the whole call can tell: results belong to completed calls (and a completed call
// needs one); reminders belong to scheduled calls.
Status CheckCall(const Call& call);

// C4: the reminders a call asks for, each channel with the time it is due (none unless the
// call is scheduled).
struct ReminderDue {
  std::string_view channel;  // popup | email
  Millis due_at = 0;
};
std::vector<ReminderDue> RemindersOf(const Call& call);

// C4: a reminder that comes later than this after its call's start is not sent (the server was
// down meanwhile): a late "call at 9:00" at noon helps no one. Migration 0018's trigger repeats
// the figure (it re-arms no reminders of a call over by more).
constexpr Millis kReminderTooLate = 60LL * 60 * 1000;

// C4: a reminder whose e-mail failed `tries` times is tried again after 1, 2, 4, 8, then every 15
// minutes (a mail server down for a while costs no reminder that still has time), at most
// kReminderTries times in all (about four hours of tries).
Millis ReminderRetryDelay(int tries);
constexpr int kReminderTries = 20;

// C4: the e-mail of a reminder in the owner's language ("vi" or "en"), times in the company's
// zone: subject and body.
struct ReminderText {
  std::string subject;
  std::string body;
};
ReminderText ReminderMail(std::string_view language, const std::string& owner_name, const Call& call,
                          const std::string& lead_name);

// Options of the call fields with their labels, for forms (GET /api/meta/calls).
nlohmann::json CallsMetaJson();

}  // namespace sen::calls
