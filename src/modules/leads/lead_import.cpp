// Spreadsheet cells as API input: what people type in Excel ("15/03/1990", "Nữ", "có") becomes
// what the API takes ("1990-03-15", "female", true), and our exports' formula guard comes off.
#include "modules/leads/lead_import.h"

#include <charconv>

#include "files/formulas.h"
#include "modules/users/user_rules.h"
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

std::vector<ImportField> ImportFields(const std::vector<customfields::CustomField>& custom_fields,
                                      const std::vector<FieldDef>& fields) {
  std::vector<ImportField> out;
  for (const auto& f : fields) {
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

json WithTags(json tags, const std::vector<std::string>& added) {
  if (!tags.is_array()) tags = json::array();
  for (const auto& t : added) {
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
  }
  return tags;
}

json WithImportDefaults(const ImportSettings& s, json input) {
  if (s.default_owner_id && !input.contains("owner_id")) input["owner_id"] = *s.default_owner_id;
  if (s.default_campaign_id && !input.contains("campaign_id")) input["campaign_id"] = *s.default_campaign_id;
  if (s.default_source && !input.contains("source")) input["source"] = *s.default_source;
  if (!s.default_tags.empty()) input["tags"] = WithTags(input.value("tags", json()), s.default_tags);
  return input;
}

Result<ImportRow> ReadImportCells(const ImportContext& ctx,
                                  const std::vector<std::pair<std::string_view, std::string_view>>& cells,
                                  const std::vector<FieldDef>& fields) {
  const bool by_id = ctx.settings.MatchesOn("id");
  ImportRow row;
  for (const auto& [name, text] : cells) {
    if (name == "id") {
      if (!by_id) continue;  // not matched on: another system's code ("HV001"), not a record of ours
      row.id = ParseLeadId(text);
      if (!row.id) return Error::Field("id", "is not an ID (a positive whole number)", "wrong_type");
    } else if (name.rfind("custom.", 0) == 0) {
      for (const auto& c : ctx.custom_fields) {
        if (c.name == name.substr(7)) row.input["custom"][c.name] = CustomCellInput(c, text);
      }
    } else if (name == "owner_id") {
      // Manual 001: the username, looked up first (a username may be digits, like an employee
      // code), else a user ID.
      const std::string_view cell = files::WithoutFormulaGuard(text);
      auto value = CellInput(*FindField(fields, name), cell);
      const auto username = users::NormaliseUsername(cell);
      const auto found = username ? ctx.user_ids.find(*username) : ctx.user_ids.end();
      if (found != ctx.user_ids.end()) {
        value = found->second;
      } else if (value.is_string()) {
        return Error::Field("owner_id", "no user has the username \"" + std::string(cell) + "\"", "not_found");
      }
      row.input["owner_id"] = std::move(value);
    } else if (name == "campaign_id") {
      // The campaign's name as people type it ("hoi thao 12/2026"), else its ID.
      const std::string_view cell = files::WithoutFormulaGuard(text);
      auto value = CellInput(*FindField(fields, name), cell);
      if (auto found = ctx.campaign_ids.find(text::Fold(cell)); found != ctx.campaign_ids.end()) {
        value = found->second;
      } else if (value.is_string()) {
        return Error::Field("campaign_id", "no campaign is named \"" + std::string(cell) + "\"", "unknown_campaign");
      }
      row.input["campaign_id"] = std::move(value);
    } else if (const FieldDef* f = FindField(fields, name)) {
      row.input[std::string(name)] = CellInput(*f, text);
    }
  }
  return row;
}

}  // namespace sen::leads
