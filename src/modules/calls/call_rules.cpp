// Call rules and the labels of their options.
#include "modules/calls/call_rules.h"

#include <algorithm>
#include <array>

namespace sen::calls {

namespace {

struct Option {
  std::string_view value, vi, en;
};

constexpr std::array<Option, 2> kDirections{{{"outbound", "Gọi đi", "Outbound"}, {"inbound", "Gọi đến", "Inbound"}}};
constexpr std::array<Option, 3> kStatuses{
    {{"scheduled", "Đã lên lịch", "Scheduled"}, {"completed", "Đã gọi", "Completed"}, {"cancelled", "Đã huỷ", "Cancelled"}}};
constexpr std::array<Option, 6> kResults{{{"interested", "Quan tâm", "Interested"},
                                          {"not_interested", "Không quan tâm", "Not interested"},
                                          {"deny", "Từ chối (máy bận, khoá máy)", "Deny (busy, rejected)"},
                                          {"call_back_later", "Gọi lại sau (không nghe máy)", "Call back later (no answer)"},
                                          {"invalid_number", "Sai số", "Invalid number"},
                                          {"wrong_person", "Nhầm người", "Wrong person"}}};
constexpr std::array<Option, 5> kReminders{{{"0", "Đúng giờ", "At the time"},
                                            {"5", "Trước 5 phút", "5 minutes before"},
                                            {"10", "Trước 10 phút", "10 minutes before"},
                                            {"15", "Trước 15 phút", "15 minutes before"},
                                            {"30", "Trước 30 phút", "30 minutes before"}}};

template <std::size_t N>
bool In(const std::array<Option, N>& options, std::string_view v) {
  for (const auto& o : options) {
    if (o.value == v) return true;
  }
  return false;
}

template <std::size_t N>
nlohmann::json Field(std::string_view name, std::string_view vi, std::string_view en, const std::array<Option, N>& options) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& o : options) list.push_back({{"value", o.value}, {"label", {{"vi", o.vi}, {"en", o.en}}}});
  return {{"name", name}, {"type", "enum"}, {"label", {{"vi", vi}, {"en", en}}}, {"options", std::move(list)}};
}

}  // namespace

std::optional<std::string> LeadStatusAfterCall(std::string_view lead_status, std::string_view call_status,
                                               const std::optional<std::string>& result) {
  if (call_status != "completed") return std::nullopt;
  if (lead_status != "new" && lead_status != "assigned") return std::nullopt;
  if (result == "deny" || result == "call_back_later" || result == "invalid_number") return std::nullopt;
  return "in_process";
}

std::optional<std::string> TargetStatusAfterCall(std::string_view target_status, std::string_view call_status,
                                                 const std::optional<std::string>& result) {
  if (call_status != "completed" || target_status == "transferred" || !result) return std::nullopt;
  std::optional<std::string> next;
  if (*result == "interested") next = "wait_for_deliver";
  if (*result == "not_interested" || *result == "invalid_number" || *result == "wrong_person") next = "invalid";
  return next == target_status ? std::nullopt : next;
}

bool IsDirection(std::string_view v) { return In(kDirections, v); }
bool IsStatus(std::string_view v) { return In(kStatuses, v); }
bool IsResult(std::string_view v) { return In(kResults, v); }
bool IsReminder(std::int64_t m) { return m >= 0 && m <= kMaxReminderMin; }

Millis ReminderRetryDelay(int tries) {
  constexpr Millis kMinute = 60 * 1000;
  return tries >= 5 ? 15 * kMinute : (Millis{1} << std::max(tries - 1, 0)) * kMinute;
}

Status CheckCall(const Call& c) {
  FieldErrors errors;
  if (c.status == "completed" && !c.result) errors.Add("result", "is required for a completed call", "required");
  if (c.status != "completed" && c.result) errors.Add("result", "only a completed call has a result", "unknown_value");
  if (c.status != "scheduled" && (c.remind_popup_min || c.remind_email_min)) {
    errors.Add(c.remind_popup_min ? "remind_popup_min" : "remind_email_min", "only a scheduled call reminds",
               "unknown_value");
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

nlohmann::json CallsMetaJson() {
  return {{"fields",
           {Field("direction", "Hướng gọi", "Direction", kDirections), Field("status", "Trạng thái", "Status", kStatuses),
            Field("result", "Kết quả", "Result", kResults),
            Field("remind_popup_min", "Nhắc bằng popup", "Popup reminder", kReminders),
            Field("remind_email_min", "Nhắc qua email", "E-mail reminder", kReminders)}}};
}

std::vector<ReminderDue> RemindersOf(const Call& call) {
  std::vector<ReminderDue> out;
  if (call.status != "scheduled") return out;
  if (call.remind_popup_min) out.push_back({"popup", call.start_at - *call.remind_popup_min * 60'000});
  if (call.remind_email_min) out.push_back({"email", call.start_at - *call.remind_email_min * 60'000});
  return out;
}

ReminderText ReminderMail(std::string_view language, const std::string& owner_name, const Call& call,
                          const std::string& lead_name) {
  // The body names the clock: an owner travelling, or reading on a phone set to another zone,
  // would otherwise take the time for theirs.
  const std::string when = FormatLocalTime(call.start_at);
  const std::string clock = when.substr(0, 5);
  if (language == "en") {
    return {"Call reminder: " + call.subject + " at " + clock,
            "Hello " + owner_name + ",\n\nYou have a call planned with " + lead_name + " at " +
                when + " (Vietnam time, GMT+7): " + call.subject + ".\n\n-- Sen"};
  }
  return {"Nhắc lịch gọi: " + call.subject + " lúc " + clock,
          "Xin chào " + owner_name + ",\n\nBạn có lịch gọi cho " + lead_name + " lúc " + when +
              " (giờ Việt Nam, GMT+7): " + call.subject + ".\n\n-- Sen"};
}

}  // namespace sen::calls
