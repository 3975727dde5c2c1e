// Field-by-field reading with messages that say which field and why.
#include "http/json_reader.h"

#include <algorithm>

#include "text/fold.h"

namespace sen::http {

const nlohmann::json* JsonReader::Find(std::string_view key, bool required) {
  auto it = body_.find(key);
  if (it == body_.end()) {
    if (required) errors_.Add(Name(key), "is required", "required");
    return nullptr;
  }
  return &*it;
}

Maybe<std::string> JsonReader::Text(std::string_view key, std::size_t max_length, bool required) {
  return ReadText(key, max_length, required, false);
}

Maybe<std::string> JsonReader::LongText(std::string_view key, std::size_t max_length, bool required) {
  return ReadText(key, max_length, required, true);
}

Maybe<std::int64_t> JsonReader::Int(std::string_view key) {
  const auto* v = Find(key, false);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::optional<std::int64_t>();
  if (!v->is_number_integer()) {
    errors_.Add(Name(key), "must be a whole number", "wrong_type");
    return std::nullopt;
  }
  return std::optional<std::int64_t>(v->get<std::int64_t>());
}

std::optional<Millis> JsonReader::Time(std::string_view key) {
  const auto* v = Find(key, false);
  if (!v) return std::nullopt;
  std::optional<Millis> t;
  if (v->is_string()) t = ParseRfc3339(v->get_ref<const std::string&>());
  if (!t) errors_.Add(Name(key), "must be a time like 2026-11-22T08:30:00Z", "invalid_date");
  return t;
}

Maybe<std::string> JsonReader::ReadText(std::string_view key, std::size_t max_length, bool required, bool multiline) {
  const auto* v = Find(key, required);
  if (!v) return std::nullopt;
  if (v->is_null()) {
    if (required) errors_.Add(Name(key), "is required", "required");
    return std::optional<std::string>();
  }
  if (!v->is_string()) {
    errors_.Add(Name(key), "must be a string", "wrong_type");
    return std::nullopt;
  }
  std::string tidy = multiline ? text::Nfc(v->get_ref<const std::string&>()) : text::Tidy(v->get_ref<const std::string&>());
  if (tidy.empty()) {
    if (required) errors_.Add(Name(key), "is required", "required");
    return std::optional<std::string>();
  }
  if (text::Utf8Length(tidy) > max_length) {
    errors_.Add(Name(key), "must have at most " + std::to_string(max_length) + " characters", "too_long");
    return std::nullopt;
  }
  return std::optional<std::string>(std::move(tidy));
}

std::optional<std::string> JsonReader::Raw(std::string_view key, std::size_t max_length, bool required) {
  const auto* v = Find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    errors_.Add(Name(key), "must be a string", "wrong_type");
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.empty() && required) {
    errors_.Add(Name(key), "is required", "required");
    return std::nullopt;
  }
  if (text::Utf8Length(s) > max_length) {
    errors_.Add(Name(key), "must have at most " + std::to_string(max_length) + " characters", "too_long");
    return std::nullopt;
  }
  return s;
}

Maybe<std::int64_t> JsonReader::Id(std::string_view key, bool required) {
  const auto* v = Find(key, required);
  if (!v) return std::nullopt;
  if (v->is_null()) {
    if (required) errors_.Add(Name(key), "is required", "required");
    return std::optional<std::int64_t>();
  }
  if (!v->is_number_integer() || v->get<std::int64_t>() < 1) {
    errors_.Add(Name(key), "must be a positive whole number", "wrong_type");
    return std::nullopt;
  }
  return std::optional<std::int64_t>(v->get<std::int64_t>());
}

std::optional<std::vector<std::int64_t>> JsonReader::Ids(std::string_view key, std::size_t max_count) {
  const auto* v = Find(key, false);
  if (!v) return std::nullopt;
  if (!v->is_array() || v->size() > max_count) {
    errors_.Add(Name(key), "must be a list of at most " + std::to_string(max_count) + " ids", "wrong_type");
    return std::nullopt;
  }
  std::vector<std::int64_t> ids;
  for (const auto& id : *v) {
    if (!id.is_number_integer() || id.get<std::int64_t>() < 1) {
      errors_.Add(Name(key), "must be a list of positive whole numbers", "wrong_type");
      return std::nullopt;
    }
    ids.push_back(id.get<std::int64_t>());
  }
  return ids;
}

std::optional<bool> JsonReader::Bool(std::string_view key) {
  const auto* v = Find(key, false);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    errors_.Add(Name(key), "must be true or false", "wrong_type");
    return std::nullopt;
  }
  return v->get<bool>();
}

void JsonReader::AllowOnly(std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : body_.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      errors_.Add(Name(key), "is not a field of this request", "unknown_field");
    }
  }
}

}  // namespace sen::http
