// Filter parsing: one loop over the parameters, one error per bad one.
#include "modules/leads/lead_filter.h"

#include <algorithm>
#include <charconv>

#include "modules/customfields/custom_field_rules.h"
#include "modules/leads/lead_fields.h"
#include "text/fold.h"

namespace sen::leads {

namespace {

constexpr std::size_t kMaxTextLength = 200;
constexpr std::string_view kCustomPrefix = "custom.";

std::optional<std::int64_t> ToId(std::string_view s) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 1) return std::nullopt;
  return v;
}

// A date is a whole day of the company's time zone; a full RFC 3339 time is taken as is.
std::optional<Millis> ParseBound(std::string_view s, bool end_of_range) {
  if (auto day = ParseDate(s)) return *day - kCompanyUtcOffset + (end_of_range ? kDay : 0);
  return ParseRfc3339(s);
}

const customfields::CustomField* FindCustom(const std::vector<customfields::CustomField>& fields, std::string_view name) {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace

bool IsListControl(std::string_view key) {
  return key == "page" || key == "page_size" || key == "sort" || key == "view_id";
}

Result<LeadFilter> ParseFilter(const QueryParams& params, const Principal& principal,
                               const std::vector<customfields::CustomField>& custom_fields, Millis now,
                               const std::vector<FieldDef>& fields) {
  LeadFilter f;
  FieldErrors errors;
  auto options = [&](const std::string& key, std::string_view value, std::vector<std::string>& out) {
    const FieldDef* field = FindField(fields, key);
    if (!field) {
      errors.Add(key, "is not a filter of this list", "unknown_field");
      return;
    }
    for (auto& item : text::SplitList(value)) {
      if (!IsOption(*field, item)) {
        errors.Add(key, "has no value '" + item + "'", "unknown_value");
      } else {
        out.push_back(std::move(item));
      }
    }
  };
  auto id = [&](const std::string& key, std::string_view value, std::optional<std::int64_t>& out) {
    out = ToId(value);
    if (!out) errors.Add(key, "must be a positive whole number", "unknown_value");
  };
  auto text = [&](const std::string& key, std::string_view value, std::optional<std::string>& out) {
    std::string t = text::Tidy(value);
    if (text::Utf8Length(t) > kMaxTextLength) {
      errors.Add(key, "must have at most 200 characters", "too_long");
    } else if (!t.empty()) {
      out = std::move(t);
    }
  };
  auto bound = [&](const std::string& key, std::string_view value, bool end, std::optional<Millis>& out) {
    out = ParseBound(value, end);
    if (!out) errors.Add(key, "must be a date YYYY-MM-DD or an RFC 3339 time", "invalid_date");
  };
  auto flag = [&](const std::string& key, std::string_view value, std::optional<bool>& out) {
    if (value == "true" || value == "false") {
      out = value == "true";
    } else {
      errors.Add(key, "must be true or false", "unknown_value");
    }
  };

  for (const auto& [key, value] : params) {
    if (IsListControl(key)) continue;
    if (key == "q") text(key, value, f.q);
    else if (key == "status") options(key, value, f.status);
    else if (key == "stage") options(key, value, f.stage);
    else if (key == "owner_id") {
      if (value == "none") f.unassigned = true;
      else if (value == "me") f.owner_id = principal.user_id;
      else id(key, value, f.owner_id);
    } else if (key == "team_id") id(key, value, f.team_id);
    else if (key == "campaign_id") id(key, value, f.campaign_id);
    else if (key == "lead_id" && FindField(fields, key)) id(key, value, f.lead_id);
    else if (key == "queued_rule_id") id(key, value, f.queued_rule_id);
    else if (key == "target_list_id") {
      // Lists are for those who keep them: an agent's list filtered by one would tell them
      // which of their leads are in which list.
      if (principal.role == Role::kAgent) errors.Add(key, "is not a filter of an agent's list", "unknown_field");
      else id(key, value, f.target_list_id);
    }
    else if (key == "stalled_days") {
      constexpr std::int64_t kMaxDays = 3650;
      const auto days = ToId(value);
      if (!days || *days > kMaxDays) {
        errors.Add(key, "must be a whole number of days from 1 to 3650", "out_of_range");
      } else {
        f.stalled_before = now - *days * kDay;
      }
    } else if (key == "source") f.source = text::SplitList(value);
    else if (key == "tag") f.tags = text::SplitList(value);
    else if (key == "medium") text(key, value, f.medium);
    else if (key == "province") text(key, value, f.province);
    else if (key == "created_from") bound(key, value, false, f.created_from);
    else if (key == "created_to") bound(key, value, true, f.created_to);
    else if (key == "last_activity_from") bound(key, value, false, f.last_activity_from);
    else if (key == "last_activity_to") bound(key, value, true, f.last_activity_to);
    else if (key == "do_not_contact") flag(key, value, f.do_not_contact);
    else if (key == "deleted") {
      std::optional<bool> deleted;
      flag(key, value, deleted);
      f.deleted = deleted.value_or(false);
    } else if (key.rfind(kCustomPrefix, 0) == 0) {
      const auto* field = FindCustom(custom_fields, std::string_view(key).substr(kCustomPrefix.size()));
      if (!field) {
        errors.Add(key, "is not a custom field of leads", "unknown_field");
        continue;
      }
      auto parsed = customfields::ParseFilterValue(*field, value);
      if (!parsed) {
        errors.Add(key, "has no value '" + value + "'", "unknown_value");
        continue;
      }
      f.custom.push_back({"$." + field->name, field->type == "multi_select", std::move(*parsed)});
    } else {
      errors.Add(key, "is not a filter of the lead list", "unknown_field");
    }
  }
  if (!errors.empty()) return errors.ToError();
  return f;
}

Result<LeadSort> ParseSort(const QueryParams& params, const std::vector<customfields::CustomField>& custom_fields,
                           const std::vector<FieldDef>& fields) {
  LeadSort sort;
  auto it = std::find_if(params.begin(), params.end(), [](const auto& p) { return p.first == "sort"; });
  if (it == params.end() || it->second.empty()) return sort;
  std::string_view name = it->second;
  sort.given = true;
  sort.descending = name.front() == '-';
  if (sort.descending) name.remove_prefix(1);
  if (name.rfind(kCustomPrefix, 0) == 0 && FindCustom(custom_fields, name.substr(kCustomPrefix.size()))) {
    sort.custom_path = "$." + std::string(name.substr(kCustomPrefix.size()));
    return sort;
  }
  const FieldDef* field = FindField(fields, name);
  if (!field || field->sort_column.empty()) {
    std::string sortable;
    for (const auto& f : fields) {
      if (!f.sort_column.empty()) sortable += (sortable.empty() ? "" : ", ") + std::string(f.name);
    }
    return Error::Field("sort", "cannot sort by '" + std::string(name) + "'; sortable: " + sortable + " and custom fields",
                        "unknown_value");
  }
  sort.column = field->sort_column;
  return sort;
}

QueryParams MergeParams(const QueryParams& view, const QueryParams& explicit_params) {
  QueryParams out = explicit_params;
  for (const auto& p : view) {
    bool overridden = std::any_of(explicit_params.begin(), explicit_params.end(),
                                  [&](const auto& e) { return e.first == p.first; });
    if (!overridden) out.push_back(p);
  }
  return out;
}

}  // namespace sen::leads
