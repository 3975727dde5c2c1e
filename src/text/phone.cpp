// Phone normalisation: clean the text, repair Vietnamese national forms, validate and format.
#include "text/phone.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <utility>

namespace sen::text {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Vietnam's 2018 conversion of 11-digit mobile numbers to 10 digits (Ministry of Information
// and Communications, Decision 798/QĐ-BTTTT of 25 May 2018; carried out 15 Sep - 15 Nov 2018).
constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kLegacyMobilePrefixes{{
    // Viettel
    {"0162", "032"}, {"0163", "033"}, {"0164", "034"}, {"0165", "035"},
    {"0166", "036"}, {"0167", "037"}, {"0168", "038"}, {"0169", "039"},
    // MobiFone
    {"0120", "070"}, {"0121", "079"}, {"0122", "077"}, {"0126", "076"}, {"0128", "078"},
    // VinaPhone
    {"0123", "083"}, {"0124", "084"}, {"0125", "085"}, {"0127", "081"}, {"0129", "082"},
    // Vietnamobile
    {"0186", "056"}, {"0188", "058"},
    // Gmobile
    {"0199", "059"},
}};

bool IsSeparator(char c) {
  return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '/' || c == '\t';
}

std::optional<std::string> Format(const PhoneNumber& number) {
  const auto& util = *PhoneNumberUtil::GetInstance();
  if (!util.IsValidNumber(number)) return std::nullopt;
  std::string out;
  util.Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

// `text` in E.164 or, without '+', in the national form of `region` ("ZZ": none).
std::optional<std::string> ParseWithLibrary(const std::string& text, const std::string& region) {
  PhoneNumber number;
  if (PhoneNumberUtil::GetInstance()->Parse(text, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::nullopt;
  }
  return Format(number);
}

// libphonenumber spends ~12 µs a number in ICU regular expressions, which a bulk import of
// mobiles cannot afford. Vietnam's numbering plan decides whether a 10-digit national number
// (0 + 9 digits: every mobile) is valid from the four digits after the 0, so the library is
// asked once per such prefix and its verdict kept; phone_test checks that against the library
// for every prefix.
std::optional<std::string> ParseTenDigitVietnamese(const std::string& national) {
  enum : std::uint8_t { kUnknown, kValid, kInvalid };
  static std::array<std::atomic<std::uint8_t>, 10000> verdicts{};
  const int prefix = (national[1] - '0') * 1000 + (national[2] - '0') * 100 + (national[3] - '0') * 10 +
                     (national[4] - '0');
  switch (verdicts[prefix].load(std::memory_order_relaxed)) {
    case kValid:
      return "+84" + national.substr(1);
    case kInvalid:
      return std::nullopt;
    default: {
      auto parsed = ParseWithLibrary(national, "VN");
      verdicts[prefix].store(parsed ? kValid : kInvalid, std::memory_order_relaxed);
      return parsed;
    }
  }
}

// `national` is a Vietnamese number without country code, with or without its leading 0.
std::optional<std::string> ParseVietnamese(std::string national) {
  if (national.empty()) return std::nullopt;
  // Excel drops the leading 0 of a number stored as a number: "912345678".
  if (national[0] != '0') national.insert(national.begin(), '0');
  if (national.size() == 11 && national.compare(0, 2, "01") == 0) {
    auto modern = ModernMobilePrefix(std::string_view(national).substr(0, 4));
    if (!modern) return std::nullopt;
    national = std::string(*modern) + national.substr(4);
  }
  if (national.size() == 10) return ParseTenDigitVietnamese(national);
  return ParseWithLibrary(national, "VN");
}

}  // namespace

std::optional<std::string_view> ModernMobilePrefix(std::string_view legacy_prefix) {
  for (const auto& [old_prefix, new_prefix] : kLegacyMobilePrefixes) {
    if (old_prefix == legacy_prefix) return new_prefix;
  }
  return std::nullopt;
}

std::string DigitsOnly(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

std::optional<std::string> NormalisePhone(std::string_view text, std::string_view region) {
  // Accept digits, separators people type, and one leading '+'; anything else is not a phone.
  std::string digits;
  bool plus = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (!IsSeparator(c)) {
      return std::nullopt;
    }
  }
  if (digits.size() < 6 || digits.size() > 17) return std::nullopt;
  if (!plus && digits.compare(0, 2, "00") == 0) {  // international call prefix
    plus = true;
    digits.erase(0, 2);
  }
  const bool vietnam_default = region == "VN";
  if (plus && digits.compare(0, 2, "84") == 0) return ParseVietnamese(digits.substr(2));
  if (plus) return ParseWithLibrary("+" + digits, "ZZ");
  if (vietnam_default) {
    // "84" + 9 or 10 national digits is the country code typed without '+'; a 9-digit
    // "84..." is a VinaPhone 084 mobile that lost its leading zero.
    if (digits.compare(0, 2, "84") == 0 && (digits.size() == 11 || digits.size() == 12)) {
      return ParseVietnamese(digits.substr(2));
    }
    return ParseVietnamese(digits);
  }
  return ParseWithLibrary(digits, std::string(region));
}

std::string PhoneSearchDigits(std::string_view e164) {
  std::string digits = DigitsOnly(e164);
  if (digits.compare(0, 2, "84") == 0) return digits + " 0" + digits.substr(2);
  return digits;
}

}  // namespace sen::text
