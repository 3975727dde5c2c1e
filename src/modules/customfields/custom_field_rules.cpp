// Custom field definitions and values.
#include "modules/customfields/custom_field_rules.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/clock.h"
#include "text/fold.h"

namespace sen::customfields {

namespace {

constexpr std::size_t kMaxText = 1000;
constexpr std::size_t kMaxOptions = 200;

bool HasOption(const CustomField& f, std::string_view value) {
  return std::any_of(f.options.begin(), f.options.end(), [&](const Option& o) { return o.value == value; });
}

std::string OptionList(const CustomField& f) {
  std::string out;
  for (const auto& o : f.options) out += (out.empty() ? "" : ", ") + o.value;
  return out;
}

}  // namespace

bool IsType(std::string_view type) {
  for (std::string_view t : {"text", "number", "date", "select", "multi_select", "boolean"}) {
    if (t == type) return true;
  }
  return false;
}

bool IsValidName(std::string_view name) {
  if (name.size() < 2 || name.size() > 40 || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

Status CheckDefinition(const CustomField& f) {
  FieldErrors errors;
  if (!IsValidName(f.name)) errors.Add("name", "must be 2-40 of a-z, 0-9 and _, starting with a letter", "unknown_value");
  if (!IsType(f.type)) errors.Add("type", "must be text, number, date, select, multi_select or boolean", "unknown_value");
  if (f.label_vi.empty()) errors.Add("label.vi", "is required", "required");
  if (f.label_en.empty()) errors.Add("label.en", "is required", "required");
  const bool choice = f.type == "select" || f.type == "multi_select";
  if (choice && f.options.empty()) errors.Add("options", "a select field needs at least one option", "required");
  if (!choice && !f.options.empty()) errors.Add("options", "only select fields have options", "unknown_field");
  if (f.options.size() > kMaxOptions) errors.Add("options", "must have at most 200 options", "too_long");
  std::set<std::string> seen;
  for (const auto& o : f.options) {
    if (o.value.empty() || o.value.size() > 100 || o.label_vi.empty() || o.label_en.empty()) {
      errors.Add("options", "each option needs a value (at most 100 characters) and both labels", "required");
      break;
    }
    if (!seen.insert(o.value).second) {
      errors.Add("options", "option values must differ: " + o.value, "unknown_value");
      break;
    }
    // A cell of an import or an export lists a multi-select's options with these between them.
    const bool separated = (o.value + o.label_vi + o.label_en).find_first_of(text::kListSeparators) != std::string::npos;
    if (f.type == "multi_select" && separated) {
      errors.Add("options",
                 "a multi-select option may not hold , ; or |, which separate the options in a cell: " + o.value,
                 "list_separator");
      break;
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

std::optional<nlohmann::json> CheckValue(const CustomField& f, const nlohmann::json& v, FieldErrors& errors) {
  const std::string field = "custom." + f.name;
  auto fail = [&](std::string message, std::string reason) -> std::optional<nlohmann::json> {
    errors.Add(field, std::move(message), std::move(reason));
    return std::nullopt;
  };
  if (v.is_null()) return nlohmann::json();
  if (f.type == "text") {
    if (!v.is_string()) return fail("must be a string", "wrong_type");
    std::string s = text::Tidy(v.get_ref<const std::string&>());
    if (text::Utf8Length(s) > kMaxText) return fail("must have at most 1000 characters", "too_long");
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
  }
  if (f.type == "number") {
    if (!v.is_number() || !std::isfinite(v.get<double>())) return fail("must be a number", "wrong_type");
    return v;
  }
  if (f.type == "date") {
    if (!v.is_string() || !ParseDate(v.get_ref<const std::string&>())) {
      return fail("must be a date written YYYY-MM-DD", "invalid_date");
    }
    return v;
  }
  if (f.type == "boolean") {
    if (!v.is_boolean()) return fail("must be true or false", "wrong_type");
    return v;
  }
  if (f.type == "select") {
    if (!v.is_string()) return fail("must be one of: " + OptionList(f), "wrong_type");
    if (!HasOption(f, v.get_ref<const std::string&>())) return fail("must be one of: " + OptionList(f), "unknown_value");
    return v;
  }
  // multi_select: a list of distinct options, kept in the order of the definition.
  if (!v.is_array()) return fail("must be a list of: " + OptionList(f), "wrong_type");
  std::set<std::string> chosen;
  for (const auto& item : v) {
    if (!item.is_string() || !HasOption(f, item.get_ref<const std::string&>())) {
      return fail("must be a list of: " + OptionList(f), "unknown_value");
    }
    chosen.insert(item.get<std::string>());
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : f.options) {
    if (chosen.count(o.value)) out.push_back(o.value);
  }
  return out.empty() ? nlohmann::json() : out;
}

void ApplyCustomInput(nlohmann::json& custom, const nlohmann::json& input, const std::vector<CustomField>& fields,
                      bool require_all, FieldErrors& errors) {
  if (!custom.is_object()) custom = nlohmann::json::object();
  if (!input.is_null() && !input.is_object()) {
    errors.Add("custom", "must be an object of custom field values", "wrong_type");
    return;
  }
  if (input.is_object()) {
    for (const auto& [name, value] : input.items()) {
      auto it = std::find_if(fields.begin(), fields.end(), [&](const CustomField& f) { return f.name == name; });
      if (it == fields.end()) {
        errors.Add("custom." + name, "is not a custom field of this record", "unknown_field");
        continue;
      }
      if (auto checked = CheckValue(*it, value, errors)) {
        if (checked->is_null()) {
          custom.erase(name);
        } else {
          custom[name] = std::move(*checked);
        }
      }
    }
  }
  if (require_all) {
    for (const auto& f : fields) {
      if (f.required && !custom.contains(f.name) && !errors.Has("custom." + f.name)) {
        errors.Add("custom." + f.name, "is required", "required");
      }
    }
  }
}

std::optional<nlohmann::json> ParseFilterValue(const CustomField& f, std::string_view text) {
  if (f.type == "number") {
    double d = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), d);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
    return d;
  }
  if (f.type == "boolean") {
    if (text == "true" || text == "false") return text == "true";
    return std::nullopt;
  }
  if (f.type == "date" && !ParseDate(text)) return std::nullopt;
  if ((f.type == "select" || f.type == "multi_select") && !HasOption(f, text)) return std::nullopt;
  return std::string(text);
}

}  // namespace sen::customfields
