// Spreadsheet cells as API input: what people type in Excel ("15/03/1990", "Nữ", "có") becomes
// what the API takes ("1990-03-15", "female", true), and our exports' formula guard comes off.
#include "modules/leads/lead_import.h"

#include <charconv>

#include "files/formulas.h"
#include "text/fold.h"

namespace sen::leads {

namespace {

using nlohmann::json;

std::optional<int> Number(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// "15/03/1990", "15-3-1990", "15.03.1990" (day first, as Vietnam writes dates) -> "1990-03-15".
// ISO dates and anything else pass through for the field's own check.
std::string DateText(std::string_view text) {
  std::size_t a = text.find_first_of("/-.");
  if (a == std::string_view::npos || a > 2) return std::string(text);
  std::size_t b = text.find(text[a], a + 1);
  if (b == std::string_view::npos) return std::string(text);
  auto day = Number(text.substr(0, a));
  auto month = Number(text.substr(a + 1, b - a - 1));
  auto year = Number(text.substr(b + 1));
  if (!day || !month || !year || text.size() - b - 1 != 4) return std::string(text);
  return fmt::format("{:04}-{:02}-{:02}", *year, *month, *day);
}

std::optional<bool> YesNo(std::string_view text) {
  const std::string f = text::Fold(text);
  for (std::string_view yes : {"1", "x", "true", "yes", "y", "co", "dung", "c"}) {
    if (f == yes) return true;
  }
  for (std::string_view no : {"0", "false", "no", "n", "khong", "sai", "k"}) {
    if (f == no) return false;
  }
  return std::nullopt;
}

// An option by its value or either label, compared folded ("nu", "Nữ", "FEMALE").
template <typename Options>
std::optional<std::string> OptionValue(const Options& options, std::string_view text) {
  const std::string f = text::Fold(text);
  for (const auto& o : options) {
    if (f == text::Fold(o.value) || f == text::Fold(o.label_vi) || f == text::Fold(o.label_en)) {
      return std::string(o.value);
    }
  }
  return std::nullopt;
}

}  // namespace

json CellInput(const FieldDef& field, std::string_view text) {
  text = files::WithoutFormulaGuard(text);
  switch (field.type) {
    case FieldType::kDate: return DateText(text);
    case FieldType::kEnum: return OptionValue(field.options, text).value_or(std::string(text));
    case FieldType::kUser:
    case FieldType::kTeam:
    case FieldType::kInteger: {
      std::int64_t v = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec == std::errc() && end == text.data() + text.size()) return v;
      return std::string(text);
    }
    case FieldType::kBoolean: {
      auto v = YesNo(text);
      return v ? json(*v) : json(std::string(text));
    }
    case FieldType::kTags: return text::SplitList(text, kListSeparators);
    default: return std::string(text);
  }
}

json CustomCellInput(const customfields::CustomField& field, std::string_view text) {
  text = files::WithoutFormulaGuard(text);
  if (field.type == "number") {
    std::string s(text);
    for (auto& c : s) c = c == ',' ? '.' : c;
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size()) return v;
    return std::string(text);
  }
  if (field.type == "date") return DateText(text);
  if (field.type == "boolean") {
    auto v = YesNo(text);
    return v ? json(*v) : json(std::string(text));
  }
  if (field.type == "select") return OptionValue(field.options, text).value_or(std::string(text));
  if (field.type == "multi_select") {
    json out = json::array();
    for (const auto& item : text::SplitList(text, kListSeparators)) out.push_back(OptionValue(field.options, item).value_or(item));
    return out;
  }
  return std::string(text);
}

std::vector<ImportField> ImportFields(const std::vector<customfields::CustomField>& custom_fields) {
  std::vector<ImportField> out;
  for (const auto& f : LeadFields()) {
    if (f.name != "id" && (f.read_only || f.type == FieldType::kJson)) continue;
    out.push_back({std::string(f.name), std::string(f.label_vi), std::string(f.label_en), f.required});
  }
  for (const auto& c : custom_fields) out.push_back({"custom." + c.name, c.label_vi, c.label_en, c.required});
  return out;
}

std::string_view ImportActionName(ImportAction action) {
  switch (action) {
    case ImportAction::kCreate: return "create";
    case ImportAction::kUpdate: return "update";
    case ImportAction::kDuplicate: return "duplicate";
  }
  return "create";
}

std::optional<std::int64_t> ParseLeadId(std::string_view text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id < 1) return std::nullopt;
  return id;
}

bool AllLeadIds(const std::vector<std::string>& cells) {
  bool any = false;
  for (const auto& cell : cells) {
    if (cell.empty()) continue;
    if (!ParseLeadId(cell)) return false;
    any = true;
  }
  return any;
}

}  // namespace sen::leads
