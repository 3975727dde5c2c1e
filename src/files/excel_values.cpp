// Excel's 1900 date system counts 1900-02-29, a day that never was (serial 60), to match
// Lotus 1-2-3; serials before it are one day off from a plain count from 1899-12-30.
#include "files/excel_values.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <charconv>
#include <chrono>
#include <cmath>

namespace sen::files {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void AppendTime(long long seconds, std::string& out) {
  fmt::format_to(std::back_inserter(out), "{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60,
                 seconds % 60);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = Lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

}  // namespace

DateKind BuiltinFormatKind(int format_id) {
  if (format_id >= 14 && format_id <= 17) return DateKind::kDate;
  if ((format_id >= 18 && format_id <= 21) || (format_id >= 45 && format_id <= 47)) {
    return DateKind::kTime;
  }
  if (format_id == 22) return DateKind::kDateTime;
  return DateKind::kNone;
}

DateKind FormatCodeKind(std::string_view code) {
  bool date = false;
  bool time = false;
  char previous = 0;  // the last of d, m (as month or minute), y, h, s seen
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = Lower(code[i]);
    if (c == ';') break;  // later sections format negatives, zero and text
    if (c == '"') {
      const auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown literally, or is padding
    } else if (c == '[') {
      const auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      // [h], [mm], [ss] are elapsed time; [Red], [$-42A], [>100] are not about dates.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
        time = true;
        previous = Lower(inside[0]) == 'm' ? 'n' : Lower(inside[0]);
      }
      i = close;
    } else if (StartsWithNoCase(code.substr(i), "am/pm") ||
               StartsWithNoCase(code.substr(i), "a/p")) {
      time = true;
      i += StartsWithNoCase(code.substr(i), "am/pm") ? 4 : 2;
    } else if (c == 'd' || c == 'y') {
      date = true;
      previous = c;
    } else if (c == 'h' || c == 's') {
      time = true;
      previous = c;
    } else if (c == 'm') {
      std::size_t end = i;
      while (end < code.size() && Lower(code[end]) == 'm') ++end;
      std::size_t next = end;
      while (next < code.size() && !IsLetter(code[next]) && code[next] != '"' &&
             code[next] != '[') {
        ++next;
      }
      const bool minutes = previous == 'h' || (next < code.size() && Lower(code[next]) == 's');
      if (minutes) {
        time = true;
        previous = 'n';
      } else {
        date = true;
        previous = 'm';
      }
      i = end - 1;
    }
  }
  if (date && time) return DateKind::kDateTime;
  if (date) return DateKind::kDate;
  return time ? DateKind::kTime : DateKind::kNone;
}

void AppendNumber(std::string_view value, std::string& out) {
  // Most stored numbers are whole, like phone numbers and ids: copy them as they are.
  const std::string_view digits = value.starts_with('-') ? value.substr(1) : value;
  if (!digits.empty() && digits.size() <= 15 && (digits[0] != '0' || digits.size() == 1) &&
      digits.find_first_not_of("0123456789") == std::string_view::npos) {
    out.append(value == "-0" ? "0" : value);
    return;
  }
  double number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(number)) {
    out.append(value);
    return;
  }
  if (number == 0) {
    out.push_back('0');
  } else if (std::abs(number) < 1e15 && number == std::trunc(number)) {
    fmt::format_to(std::back_inserter(out), "{:.0f}", number);
  } else {
    fmt::format_to(std::back_inserter(out), "{:.15G}", number);
  }
}

bool AppendSerialDate(double serial, DateKind kind, bool date1904, std::string& out) {
  if (!(serial >= 0) || serial > 3e6) return false;
  auto days = static_cast<long long>(std::floor(serial));
  long long seconds = std::llround((serial - static_cast<double>(days)) * 86400);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  if (kind == DateKind::kTime) {
    AppendTime(seconds, out);
    return true;
  }
  using namespace std::chrono;
  year_month_day date;
  if (date1904) {
    date = sys_days(year{1904} / 1 / 1) + std::chrono::days(days);
  } else if (days == 0) {
    return false;  // Excel shows "1900-01-00", a date no other program would accept
  } else if (days == 60) {
    date = year{1900} / 2 / 29;  // not a valid date; the caller's date parser will say so
  } else {
    date = sys_days(year{1899} / 12 / (days < 60 ? 31 : 30)) + std::chrono::days(days);
  }
  if (date.year() > year{9999}) return false;
  fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                 static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  if (kind == DateKind::kDateTime) {
    out.push_back(' ');
    AppendTime(seconds, out);
  }
  return true;
}

void DecodeOoxmlEscapes(std::string& text) {
  std::size_t at = text.find("_x");
  if (at == std::string::npos) return;
  std::string out(text, 0, at);
  while (at < text.size()) {
    int code = 0;
    bool escape =
        at + 7 <= text.size() && text[at] == '_' && text[at + 1] == 'x' && text[at + 6] == '_';
    for (std::size_t k = 2; escape && k < 6; ++k) {
      const int digit = HexDigit(text[at + k]);
      escape = digit >= 0;
      code = code * 16 + digit;
    }
    if (!escape) {
      out.push_back(text[at++]);
      continue;
    }
    if (U_IS_SURROGATE(code)) code = 0xFFFD;
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, code);
    out.append(buffer, static_cast<std::size_t>(length));
    at += 7;
  }
  text.swap(out);
}

std::optional<std::size_t> ColumnIndex(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (char c : reference) {
    c = Lower(c);
    if (c < 'a' || c > 'z') break;
    if (++letters > 3) return std::nullopt;  // XFD is the last column Excel has
    column = column * 26 + static_cast<std::size_t>(c - 'a' + 1);
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

std::string ColumnName(std::size_t index) {
  std::string name;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

}  // namespace sen::files
