// Every lead field once: its type, labels, limits and how to read and write it.
#include "modules/leads/lead_fields.h"

#include <algorithm>

#include "modules/customfields/custom_field_rules.h"
#include "text/fold.h"

namespace sen::leads {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxTags = 30;
constexpr std::size_t kMaxTagLength = 50;

template <auto M>
json GetText(const Lead& l) {
  const auto& v = l.*M;
  return v ? json(*v) : json();
}
template <auto M>
void SetText(Lead& l, const json& v) {
  l.*M = v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
}
template <auto M>
json GetString(const Lead& l) {
  return l.*M;
}
template <auto M>
void SetString(Lead& l, const json& v) {
  l.*M = v.is_null() ? std::string() : v.get<std::string>();
}
template <auto M>
json GetId(const Lead& l) {
  const auto& v = l.*M;
  return v ? json(*v) : json();
}
template <auto M>
void SetId(Lead& l, const json& v) {
  l.*M = v.is_null() ? std::nullopt : std::optional<std::int64_t>(v.get<std::int64_t>());
}
template <auto M>
json GetTime(const Lead& l) {
  const auto& v = l.*M;
  return v ? json(FormatRfc3339(*v)) : json();
}
template <auto M>
json GetRequiredTime(const Lead& l) {
  return FormatRfc3339(l.*M);
}
template <auto M>
std::optional<Millis> TimeOf(const Lead& l) {
  return l.*M;
}
template <auto M>
json GetJson(const Lead& l) {
  return l.*M;
}

json GetLeadId(const Lead& l) { return l.id; }
json GetTags(const Lead& l) { return l.tags; }
void SetTags(Lead& l, const json& v) { l.tags = v.is_null() ? std::vector<std::string>{} : v.get<std::vector<std::string>>(); }
json GetDnc(const Lead& l) { return l.do_not_contact; }
void SetDnc(Lead& l, const json& v) { l.do_not_contact = v.is_boolean() && v.get<bool>(); }

std::vector<FieldDef> BuildFields() {
  using T = FieldType;
  std::vector<FieldDef> f;
  auto add = [&f](FieldDef d) { f.push_back(std::move(d)); };
  add({"id", T::kInteger, "Mã", "ID", 0, false, true, false, false, "id", {}, GetLeadId, nullptr});
  add({"full_name", T::kText, "Họ và tên", "Full name", 200, true, false, true, false, "name_fold", {},
       GetString<&Lead::full_name>, SetString<&Lead::full_name>});
  add({"mobile", T::kPhone, "Di động", "Mobile", 40, false, false, true, false, "", {}, GetText<&Lead::mobile>,
       SetText<&Lead::mobile>});
  add({"mobile_e164", T::kText, "Di động (chuẩn hoá)", "Mobile (E.164)", 0, false, true, false, false, "", {},
       GetText<&Lead::mobile_e164>, nullptr});
  add({"phone", T::kPhone, "Điện thoại khác", "Other phone", 40, false, false, false, false, "", {},
       GetText<&Lead::phone>, SetText<&Lead::phone>});
  add({"phone_e164", T::kText, "Điện thoại khác (chuẩn hoá)", "Other phone (E.164)", 0, false, true, false, false,
       "", {}, GetText<&Lead::phone_e164>, nullptr});
  add({"email", T::kEmail, "Email", "Email", 254, false, false, true, false, "", {}, GetText<&Lead::email>,
       SetText<&Lead::email>});
  add({"company", T::kText, "Công ty", "Company", 200, false, false, false, false, "", {}, GetText<&Lead::company>,
       SetText<&Lead::company>});
  add({"title", T::kText, "Chức danh", "Job title", 100, false, false, false, false, "", {}, GetText<&Lead::title>,
       SetText<&Lead::title>});
  add({"gender", T::kEnum, "Giới tính", "Gender", 10, false, false, false, false, "",
       {{"male", "Nam", "Male"}, {"female", "Nữ", "Female"}, {"other", "Khác", "Other"}}, GetText<&Lead::gender>,
       SetText<&Lead::gender>});
  add({"birthday", T::kDate, "Ngày sinh", "Birthday", 10, false, false, false, false, "", {},
       GetText<&Lead::birthday>, SetText<&Lead::birthday>});
  add({"address", T::kText, "Địa chỉ", "Address", 500, false, false, false, false, "", {}, GetText<&Lead::address>,
       SetText<&Lead::address>});
  add({"province", T::kText, "Tỉnh/Thành phố", "Province", 100, false, false, false, true, "", {},
       GetText<&Lead::province>, SetText<&Lead::province>});
  add({"source", T::kText, "Nguồn", "Source", 100, false, false, true, true, "source", {}, GetText<&Lead::source>,
       SetText<&Lead::source>});
  add({"medium", T::kText, "Phương tiện", "Medium", 100, false, false, false, true, "", {}, GetText<&Lead::medium>,
       SetText<&Lead::medium>});
  add({"campaign_id", T::kInteger, "Chiến dịch", "Campaign", 0, false, false, false, true, "", {},
       GetId<&Lead::campaign_id>, SetId<&Lead::campaign_id>});
  add({"product_interest", T::kText, "Sản phẩm quan tâm", "Product of interest", 200, false, false, false, false,
       "", {}, GetText<&Lead::product_interest>, SetText<&Lead::product_interest>});
  add({"tags", T::kTags, "Thẻ", "Tags", kMaxTagLength, false, false, false, false, "", {}, GetTags, SetTags});
  add({"owner_id", T::kUser, "Người phụ trách", "Owner", 0, false, false, false, true, "owner_id", {},
       GetId<&Lead::owner_id>, SetId<&Lead::owner_id>});
  add({"team_id", T::kTeam, "Nhóm", "Team", 0, false, true, false, true, "", {}, GetId<&Lead::team_id>, nullptr});
  add({"status", T::kEnum, "Tình trạng chăm sóc", "Status", 20, false, false, false, true, "status",
       {{"new", "Mới", "New"},
        {"assigned", "Đã giao", "Assigned"},
        {"in_process", "Đang chăm sóc", "In process"},
        {"converted", "Đã chuyển đổi", "Converted"},
        {"recycled", "Tái chăm sóc", "Recycled"},
        {"dead", "Đã huỷ", "Dead"}},
       GetString<&Lead::status>, SetString<&Lead::status>, nullptr, true});
  add({"stage", T::kEnum, "Giai đoạn", "Stage", 20, false, false, false, true, "stage",
       {{"lead", "LEAD", "LEAD"}, {"mql", "MQL", "MQL"}, {"sal", "SAL", "SAL"}, {"sql", "SQL", "SQL"},
        {"customer", "CUSTOMER", "CUSTOMER"}},
       GetString<&Lead::stage>, SetString<&Lead::stage>, nullptr, true});
  add({"stage_info", T::kJson, "Thông tin giai đoạn", "Stage details", 0, false, true, false, false, "", {},
       GetJson<&Lead::stage_info>, nullptr});
  add({"do_not_contact", T::kBoolean, "Không liên hệ", "Do not contact", 0, false, false, false, true, "", {},
       GetDnc, SetDnc});
  add({"dnc_reason", T::kText, "Lý do không liên hệ", "Do-not-contact reason", 500, false, false, false, false, "",
       {}, GetText<&Lead::dnc_reason>, SetText<&Lead::dnc_reason>});
  add({"description", T::kLongText, "Mô tả", "Description", 10000, false, false, false, false, "", {},
       GetText<&Lead::description>, SetText<&Lead::description>});
  add({"custom", T::kJson, "Trường tuỳ chỉnh", "Custom fields", 0, false, false, false, false, "", {},
       GetJson<&Lead::custom>, nullptr});
  add({"created_by", T::kUser, "Người tạo", "Created by", 0, false, true, false, false, "", {},
       GetId<&Lead::created_by>, nullptr});
  add({"created_at", T::kDateTime, "Ngày tạo", "Created at", 0, false, true, false, true, "created_at", {},
       GetRequiredTime<&Lead::created_at>, nullptr, TimeOf<&Lead::created_at>});
  add({"updated_at", T::kDateTime, "Ngày cập nhật", "Updated at", 0, false, true, false, false, "updated_at", {},
       GetRequiredTime<&Lead::updated_at>, nullptr, TimeOf<&Lead::updated_at>});
  add({"last_activity_at", T::kDateTime, "Hoạt động gần nhất", "Last activity", 0, false, true, false, false,
       "last_activity_at", {}, GetTime<&Lead::last_activity_at>, nullptr, TimeOf<&Lead::last_activity_at>});
  add({"deleted_at", T::kDateTime, "Ngày xoá", "Deleted at", 0, false, true, false, false, "", {},
       GetTime<&Lead::deleted_at>, nullptr, TimeOf<&Lead::deleted_at>});
  return f;
}

std::string_view TypeName(FieldType t) {
  switch (t) {
    case FieldType::kText: return "text";
    case FieldType::kLongText: return "long_text";
    case FieldType::kPhone: return "phone";
    case FieldType::kEmail: return "email";
    case FieldType::kDate: return "date";
    case FieldType::kDateTime: return "datetime";
    case FieldType::kEnum: return "enum";
    case FieldType::kUser: return "user";
    case FieldType::kTeam: return "team";
    case FieldType::kInteger: return "integer";
    case FieldType::kTags: return "tags";
    case FieldType::kBoolean: return "boolean";
    case FieldType::kJson: return "json";
  }
  return "text";
}

std::string OptionList(const FieldDef& field) {
  std::string out;
  for (const auto& o : field.options) out += (out.empty() ? "" : ", ") + std::string(o.value);
  return out;
}

// Checks one value against its field's type; returns the value to store or records an error.
std::optional<json> CheckValue(const FieldDef& field, const json& value, FieldErrors& errors) {
  const std::string name(field.name);
  auto fail = [&](std::string message, std::string reason) -> std::optional<json> {
    errors.Add(name, std::move(message), std::move(reason));
    return std::nullopt;
  };
  if (value.is_null()) {
    if (field.required || field.keeps_value) return fail("is required", "required");
    return json();
  }
  switch (field.type) {
    case FieldType::kText:
    case FieldType::kLongText:
    case FieldType::kPhone:
    case FieldType::kEmail:
    case FieldType::kDate:
    case FieldType::kEnum: {
      if (!value.is_string()) return fail("must be a string", "wrong_type");
      const auto& raw = value.get_ref<const std::string&>();
      std::string s = field.type == FieldType::kLongText ? text::Nfc(raw) : text::Tidy(raw);
      if (s.empty()) {
        if (field.required || field.keeps_value) return fail("is required", "required");
        return json();
      }
      if (text::Utf8Length(s) > field.max_length) {
        return fail("must have at most " + std::to_string(field.max_length) + " characters", "too_long");
      }
      if (field.type == FieldType::kEnum && !IsOption(field, s)) {
        return fail("must be one of: " + OptionList(field), "unknown_value");
      }
      if (field.type == FieldType::kDate && !ParseDate(s)) {
        return fail("must be a date written YYYY-MM-DD", "invalid_date");
      }
      return json(std::move(s));
    }
    case FieldType::kUser:
    case FieldType::kTeam:
    case FieldType::kInteger:
      if (!value.is_number_integer() || value.get<std::int64_t>() < 1) {
        return fail("must be a positive whole number", "wrong_type");
      }
      return value;
    case FieldType::kBoolean:
      if (!value.is_boolean()) return fail("must be true or false", "wrong_type");
      return value;
    case FieldType::kTags: {
      if (!value.is_array()) return fail("must be a list of strings", "wrong_type");
      std::vector<std::string> tags;
      std::vector<std::string> folded;
      for (const auto& t : value) {
        if (!t.is_string()) return fail("must be a list of strings", "wrong_type");
        std::string tag = text::Tidy(t.get_ref<const std::string&>());
        if (tag.empty()) continue;
        if (auto problem = TagProblem(name, tag)) {
          errors.Add(std::move(*problem));
          return std::nullopt;
        }
        std::string key = text::Fold(tag);
        if (std::find(folded.begin(), folded.end(), key) != folded.end()) continue;
        folded.push_back(std::move(key));
        tags.push_back(std::move(tag));
      }
      if (tags.size() > kMaxTags) return fail("must have at most " + std::to_string(kMaxTags) + " tags", "too_long");
      return json(std::move(tags));
    }
    case FieldType::kDateTime:
    case FieldType::kJson:
      return fail("is read-only", "read_only");
  }
  return std::nullopt;
}

}  // namespace

std::optional<FieldError> TagProblem(std::string_view field, std::string_view tag) {
  if (tag.find_first_of(kListSeparators) != std::string_view::npos) {
    return FieldError{std::string(field),
                      "a tag cannot hold a comma, semicolon or |: a file or a filter would read it as two",
                      "invalid_tag"};
  }
  if (text::Utf8Length(tag) > kMaxTagLength) {
    return FieldError{std::string(field), "each tag must have at most " + std::to_string(kMaxTagLength) + " characters",
                      "too_long"};
  }
  return std::nullopt;
}

const std::vector<FieldDef>& LeadFields() {
  static const std::vector<FieldDef> kFields = BuildFields();
  return kFields;
}

const FieldDef* FindLeadField(std::string_view name) { return FindField(LeadFields(), name); }

const std::vector<FieldDef>& TargetFields() {
  static const std::vector<FieldDef> kFields = [] {
    std::vector<FieldDef> out;
    for (const auto& f : LeadFields()) {
      if (f.name == "stage" || f.name == "stage_info") continue;
      out.push_back(f);
      if (f.name == "status") {
        // The manual's words, in both languages: users know them as they are.
        out.back().options = {{"raw", "Raw Data", "Raw Data"},
                              {"wait_for_deliver", "Wait for deliver", "Wait for deliver"},
                              {"transferred", "Transferred", "Transferred"},
                              {"invalid", "Invalid", "Invalid"}};
      }
    }
    out.push_back({"lead_id", FieldType::kInteger, "Lead ID", "Lead ID", 0, false, true, false, true, "", {},
                   GetId<&Lead::lead_id>, nullptr});
    return out;
  }();
  return kFields;
}

const FieldDef* FindField(const std::vector<FieldDef>& fields, std::string_view name) {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool IsOption(const FieldDef& field, std::string_view value) {
  return std::any_of(field.options.begin(), field.options.end(), [&](const FieldOption& o) { return o.value == value; });
}

Status ApplyInput(Lead& lead, const json& body, std::initializer_list<std::string_view> skip,
                  const std::vector<customfields::CustomField>& custom_fields, bool creating,
                  const std::vector<FieldDef>& fields) {
  FieldErrors errors;
  for (const auto& [key, value] : body.items()) {
    if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
    if (key == "custom") {
      customfields::ApplyCustomInput(lead.custom, value, custom_fields, false, errors);
      continue;
    }
    const FieldDef* field = FindField(fields, key);
    if (!field) {
      errors.Add(key, &fields == &LeadFields() ? "is not a lead field" : "is not a target field", "unknown_field");
      continue;
    }
    if (field->read_only) {
      errors.Add(key, "is read-only", "read_only");
      continue;
    }
    if (auto checked = CheckValue(*field, value, errors)) field->set(lead, *checked);
  }
  if (creating) customfields::ApplyCustomInput(lead.custom, json(), custom_fields, true, errors);
  if (!errors.empty()) return errors.ToError();
  return {};
}

json ToJson(const Lead& lead, const std::vector<FieldDef>& fields) {
  json out = json::object();
  for (const auto& f : fields) out[std::string(f.name)] = f.get(lead);
  return out;
}

json FieldsMetaJson(const std::vector<customfields::CustomField>& custom_fields,
                    const std::vector<FieldDef>& registry) {
  json fields = json::array();
  for (const auto& f : registry) {
    json options = json::array();
    for (const auto& o : f.options) {
      options.push_back({{"value", o.value}, {"label", {{"vi", o.label_vi}, {"en", o.label_en}}}});
    }
    fields.push_back({{"name", f.name},
                      {"type", TypeName(f.type)},
                      {"label", {{"vi", f.label_vi}, {"en", f.label_en}}},
                      {"required", f.required},
                      {"read_only", f.read_only},
                      {"max_length", f.max_length},
                      {"quick_add", f.quick_add},
                      {"sortable", !f.sort_column.empty()},
                      {"filterable", f.filterable},
                      {"options", std::move(options)}});
  }
  for (const auto& c : custom_fields) {
    const std::string type = c.type == "select" ? "enum" : c.type == "multi_select" ? "multi_enum" : c.type;
    fields.push_back({{"name", "custom." + c.name},
                      {"type", type},
                      {"custom", true},
                      {"label", {{"vi", c.label_vi}, {"en", c.label_en}}},
                      {"required", c.required},
                      {"read_only", false},
                      {"max_length", c.type == "text" ? 1000 : 0},
                      {"quick_add", false},
                      {"sortable", true},
                      {"filterable", true},
                      {"options", customfields::OptionsJson(c.options)}});
  }
  return {{"fields", std::move(fields)}};
}

std::vector<audit::Change> DiffFields(const Lead& before, const Lead& after, const std::vector<FieldDef>& fields) {
  std::vector<audit::Change> changes;
  for (const auto& f : fields) {
    if (f.read_only && f.name != "team_id" && f.name != "lead_id") continue;
    auto old_value = f.get(before);
    auto new_value = f.get(after);
    if (old_value != new_value) {
      changes.push_back({"update", std::string(f.name), AuditValue(old_value), AuditValue(new_value)});
    }
  }
  return changes;
}

std::optional<std::string> AuditValue(const json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
  }
  if ((value.is_array() || value.is_object()) && value.empty()) return std::nullopt;
  return value.dump();
}

}  // namespace sen::leads
