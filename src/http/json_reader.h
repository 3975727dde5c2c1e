// Reads fields of a JSON request body, collecting one FieldError per bad field.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace sen::http {

// Absent (nullopt), explicitly null (optional holding nullopt), or a value.
template <typename T>
using Maybe = std::optional<std::optional<T>>;

class JsonReader {
 public:
  // `prefix` names nested objects in errors: "label." gives "label.vi".
  JsonReader(const nlohmann::json& body, FieldErrors& errors, std::string prefix = "")
      : body_(body), errors_(errors), prefix_(std::move(prefix)) {}

  // Text tidied to NFC with collapsed spaces; "" becomes null. Length counted in characters.
  Maybe<std::string> Text(std::string_view key, std::size_t max_length, bool required = false);
  // Like Text, but line breaks and inner spaces are kept (descriptions, notes).
  Maybe<std::string> LongText(std::string_view key, std::size_t max_length, bool required = false);
  // Text exactly as sent (passwords).
  std::optional<std::string> Raw(std::string_view key, std::size_t max_length, bool required = false);
  Maybe<std::int64_t> Id(std::string_view key, bool required = false);
  // A list of at most `max_count` ids.
  std::optional<std::vector<std::int64_t>> Ids(std::string_view key, std::size_t max_count);
  // Any whole number, or null.
  Maybe<std::int64_t> Int(std::string_view key);
  // An RFC 3339 time.
  std::optional<Millis> Time(std::string_view key);
  std::optional<bool> Bool(std::string_view key);
  // Adds an unknown_field error for every key not in `allowed`.
  void AllowOnly(std::initializer_list<std::string_view> allowed);

 private:
  const nlohmann::json* Find(std::string_view key, bool required);
  std::string Name(std::string_view key) const { return prefix_ + std::string(key); }
  Maybe<std::string> ReadText(std::string_view key, std::size_t max_length, bool required, bool multiline);

  const nlohmann::json& body_;
  FieldErrors& errors_;
  std::string prefix_;
};

}  // namespace sen::http
