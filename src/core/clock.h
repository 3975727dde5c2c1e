// Time as milliseconds since the Unix epoch (UTC), an injectable clock, and RFC 3339 at the edges.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sen {

using Millis = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Millis Now() const override;
};

// A clock that moves only when told to: tests move time instead of sleeping.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Millis start) : now_(start) {}
  Millis Now() const override { return now_.load(); }
  void Set(Millis t) { now_.store(t); }
  void Advance(Millis d) { now_.fetch_add(d); }

 private:
  std::atomic<Millis> now_;
};

// Dates people type (filters, reports) are days of the company's time zone. Asia/Ho_Chi_Minh has
// no daylight saving, so a fixed offset is exact; A4 will make the zone a setting.
constexpr Millis kCompanyUtcOffset = 7LL * 3600 * 1000;
constexpr Millis kDay = 24LL * 3600 * 1000;

// Midnight, in the company's time zone, of the day a time falls on.
constexpr Millis CompanyDayStart(Millis t) {
  return (t + kCompanyUtcOffset) / kDay * kDay - kCompanyUtcOffset;
}

// "2026-11-22T08:30:00Z", or with milliseconds when they are not zero.
std::string FormatRfc3339(Millis t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)"; nullopt when malformed.
std::optional<Millis> ParseRfc3339(std::string_view text);
// Accepts a real calendar date "YYYY-MM-DD"; returns midnight UTC of it.
std::optional<Millis> ParseDate(std::string_view text);
// "YYYY-MM-DD" of a time, UTC.
std::string FormatDate(Millis t);
// "HH:MM DD/MM/YYYY" of a time in the company's zone, as Vietnamese write it in a message.
std::string FormatLocalTime(Millis t);
// "YYYY-MM-DD HH:MM" of a time in the company's zone, as a spreadsheet reads a date and time.
std::string FormatLocalDateTime(Millis t);

}  // namespace sen
