// Phone numbers to E.164 with libphonenumber, plus what libphonenumber does not know about
// Vietnam: the 2018 move of 11-digit mobiles to 10 digits, and leading zeros lost in Excel.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sen::text {

// "0912.345.678", "+84 912 345 678", "84912345678", "912345678", "01689 123 456"
// -> "+84912345678" / "+84389123456". nullopt when the text is not a valid number.
// `region` is the ISO 3166 code used for numbers written without a country code.
std::optional<std::string> NormalisePhone(std::string_view text, std::string_view region = "VN");

// The pre-2018 11-digit mobile prefix ("0168") mapped to today's ("038"); nullopt if not one.
std::optional<std::string_view> ModernMobilePrefix(std::string_view legacy_prefix);

// Digits of a stored E.164 number as people type them, for the search index:
// "+84912345678" -> "84912345678 0912345678".
std::string PhoneSearchDigits(std::string_view e164);

// Only the digits of `text`: "0912 345" -> "0912345".
std::string DigitsOnly(std::string_view text);

}  // namespace sen::text
