// The lead field registry: one list of fields from which validation, JSON, sorting, the form,
// the column picker and (later) import and export are derived.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "modules/audit/audit.h"
#include "modules/customfields/custom_field.h"
#include "modules/leads/lead.h"
#include "text/fold.h"

namespace sen::leads {

using text::kListSeparators;

enum class FieldType { kText, kLongText, kPhone, kEmail, kDate, kDateTime, kEnum, kUser, kTeam, kInteger, kTags, kBoolean, kJson };

struct FieldOption {
  std::string_view value;
  std::string_view label_vi;
  std::string_view label_en;
};

struct FieldDef {
  std::string_view name;
  FieldType type;
  std::string_view label_vi;
  std::string_view label_en;
  std::size_t max_length = 0;
  bool required = false;
  bool read_only = false;
  bool quick_add = false;
  bool filterable = false;
  std::string_view sort_column;  // SQL column to sort by; empty when not sortable
  std::vector<FieldOption> options;
  nlohmann::json (*get)(const Lead&) = nullptr;
  // Sets an already type-checked value (null clears); null for read-only fields.
  void (*set)(Lead&, const nlohmann::json&) = nullptr;
  // kDateTime fields: the time itself, for what writes it otherwise than RFC 3339 (exports).
  std::optional<Millis> (*time)(const Lead&) = nullptr;
  // Has a value once set, though a default fills it when not given (status, stage): null or ""
  // is refused.
  bool keeps_value = false;
};

const std::vector<FieldDef>& LeadFields();
const FieldDef* FindLeadField(std::string_view name);
// A target's fields (T1): the lead's without its stage, the target's statuses, and the lead it
// became (read-only).
const std::vector<FieldDef>& TargetFields();
const FieldDef* FindField(const std::vector<FieldDef>& fields, std::string_view name);
bool IsOption(const FieldDef& field, std::string_view value);
// Why `tag` (tidied) cannot be a lead's tag, as an error of `field`; nullopt when it can.
std::optional<FieldError> TagProblem(std::string_view field, std::string_view tag);

// Type-checks and copies the fields of `body` onto `lead`; keys in `skip` are ignored. "custom"
// is checked against the active custom fields (required ones when `creating`).
// Errors name every unknown, read-only, mistyped, over-long or out-of-range field.
// `fields`: the record's registry (TargetFields() for a target).
Status ApplyInput(Lead& lead, const nlohmann::json& body, std::initializer_list<std::string_view> skip,
                  const std::vector<customfields::CustomField>& custom_fields, bool creating,
                  const std::vector<FieldDef>& fields = LeadFields());

nlohmann::json ToJson(const Lead& lead, const std::vector<FieldDef>& fields = LeadFields());
// The registry as the web app reads it: names, types, labels, options, flags; the active
// custom fields follow as "custom.<name>".
nlohmann::json FieldsMetaJson(const std::vector<customfields::CustomField>& custom_fields,
                              const std::vector<FieldDef>& fields = LeadFields());
// The audit rows of what changed between two versions of a record, field by field of `fields`
// (read-only ones but the team and a target's lead, which follow from other changes).
std::vector<audit::Change> DiffFields(const Lead& before, const Lead& after, const std::vector<FieldDef>& fields);
// A field's value as the audit trail stores it (nullopt for null or empty).
std::optional<std::string> AuditValue(const nlohmann::json& value);

}  // namespace sen::leads
