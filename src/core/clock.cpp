// Calendar arithmetic with <chrono>; no time-zone database needed because storage is UTC.
#include "core/clock.h"

#include <charconv>
#include <chrono>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <iterator>

namespace sen {

namespace chr = std::chrono;

Millis SystemClock::Now() const {
  return chr::duration_cast<chr::milliseconds>(chr::system_clock::now().time_since_epoch()).count();
}

namespace {

bool ReadInt(std::string_view text, size_t pos, size_t len, int& out) {
  if (pos + len > text.size()) return false;
  for (size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  auto r = std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return r.ec == std::errc();
}

std::optional<chr::sys_days> ReadDate(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!ReadInt(text, 0, 4, y) || !ReadInt(text, 5, 2, m) || !ReadInt(text, 8, 2, d)) {
    return std::nullopt;
  }
  chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)},
                          chr::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return chr::sys_days{ymd};
}

}  // namespace

std::string FormatRfc3339(Millis t) {
  chr::sys_time<chr::milliseconds> tp{chr::milliseconds{t}};
  auto day = chr::floor<chr::days>(tp);
  chr::year_month_day ymd{day};
  chr::hh_mm_ss hms{tp - day};
  auto ms = hms.subseconds().count();
  // Compiled formats: an export writes one of these per row, and parsing the format each time
  // was a tenth of its time.
  std::string out;
  out.reserve(24);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}"),
                 static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                 hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  if (ms != 0) fmt::format_to(std::back_inserter(out), FMT_COMPILE(".{:03}"), ms);
  out += 'Z';
  return out;
}

std::optional<Millis> ParseRfc3339(std::string_view text) {
  auto day = ReadDate(text);
  if (!day || text.size() < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
    return std::nullopt;
  }
  int hh = 0, mm = 0, ss = 0;
  if (!ReadInt(text, 11, 2, hh) || text[13] != ':' || !ReadInt(text, 14, 2, mm) ||
      text[16] != ':' || !ReadInt(text, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60) {
    return std::nullopt;
  }
  size_t pos = 19;
  int ms = 0;
  if (pos < text.size() && text[pos] == '.') {
    size_t start = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
    std::string frac(text.substr(start, std::min<size_t>(pos - start, 3)));
    frac.resize(3, '0');
    ReadInt(frac, 0, 3, ms);
  }
  if (pos >= text.size()) return std::nullopt;
  int offset_min = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int oh = 0, om = 0;
    if (!ReadInt(text, pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ReadInt(text, pos + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_min = (oh * 60 + om) * (text[pos] == '+' ? 1 : -1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  auto tp = chr::sys_time<chr::milliseconds>{*day} + chr::hours{hh} + chr::minutes{mm} +
            chr::seconds{ss} + chr::milliseconds{ms} - chr::minutes{offset_min};
  return tp.time_since_epoch().count();
}

std::optional<Millis> ParseDate(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  auto day = ReadDate(text);
  if (!day) return std::nullopt;
  return chr::sys_time<chr::milliseconds>{*day}.time_since_epoch().count();
}

std::string FormatDate(Millis t) {
  return FormatRfc3339(t).substr(0, 10);
}

std::string FormatLocalTime(Millis t) {
  const std::string s = FormatRfc3339(t + kCompanyUtcOffset);
  return s.substr(11, 5) + " " + s.substr(8, 2) + "/" + s.substr(5, 2) + "/" + s.substr(0, 4);
}

std::string FormatLocalDateTime(Millis t) {
  const std::string s = FormatRfc3339(t + kCompanyUtcOffset);
  return s.substr(0, 10) + " " + s.substr(11, 5);
}

}  // namespace sen
