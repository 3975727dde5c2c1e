// The lead list's filters and sort, read from query parameters (URL, saved views, mass updates).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/principal.h"
#include "modules/customfields/custom_field.h"
#include "modules/leads/lead_fields.h"

namespace sen::leads {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// A condition on a custom field: json_extract(custom, path) = value, or for multi-select
// fields, value is one of the chosen options.
struct CustomCondition {
  std::string path;  // "$.name"
  bool multi = false;
  nlohmann::json value;
};

struct LeadFilter {
  std::optional<std::string> q;
  std::vector<std::string> status;
  std::vector<std::string> stage;
  std::optional<std::int64_t> owner_id;
  bool unassigned = false;  // owner_id=none
  std::optional<std::int64_t> team_id;
  std::vector<std::string> source;
  std::optional<std::string> medium;
  std::optional<std::int64_t> campaign_id;
  std::optional<std::int64_t> lead_id;  // targets only: the one converted into this lead (T3)
  std::vector<std::string> tags;  // any of
  std::optional<std::string> province;
  std::optional<Millis> created_from;  // inclusive
  std::optional<Millis> created_to;    // exclusive
  std::optional<Millis> last_activity_from;
  std::optional<Millis> last_activity_to;
  std::optional<bool> do_not_contact;
  std::optional<std::int64_t> queued_rule_id;  // R5: waiting in this rule's queue
  std::optional<std::int64_t> target_list_id;  // K2: a member of this target list
  // P3 (`stalled_days`): open leads with no activity since this time, and not given to their owner
  // since either: the leads the stalled-lead alert counts.
  std::optional<Millis> stalled_before;
  std::vector<CustomCondition> custom;
  std::vector<std::int64_t> ids;  // mass updates of selected rows; not a query parameter
  std::optional<std::int64_t> import_id;  // I7: the leads this import created or matched; not one either
  bool deleted = false;  // the trash instead of live leads
};

struct LeadSort {
  std::string_view column = "created_at";
  std::string custom_path;  // sort by a custom field instead of `column`
  bool descending = true;
  bool given = false;  // false: the default order
};

// Parameters that are not filters but may travel with them.
bool IsListControl(std::string_view key);

// 422 naming every unknown parameter and every bad value; `owner_id=me` means the principal, and
// `stalled_days` counts back from `now`. `fields`: the record's registry (its options).
Result<LeadFilter> ParseFilter(const QueryParams& params, const Principal& principal,
                               const std::vector<customfields::CustomField>& custom_fields, Millis now,
                               const std::vector<FieldDef>& fields = LeadFields());
Result<LeadSort> ParseSort(const QueryParams& params, const std::vector<customfields::CustomField>& custom_fields,
                           const std::vector<FieldDef>& fields = LeadFields());

// Explicit parameters win over those of a saved view.
QueryParams MergeParams(const QueryParams& view, const QueryParams& explicit_params);

}  // namespace sen::leads
