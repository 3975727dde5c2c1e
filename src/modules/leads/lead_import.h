// Leads as an import sees them (I3-I8): cells turned into API input, one row decided as create,
// update or duplicate against the database, and what an import did taken back.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "modules/customfields/custom_field.h"
#include "modules/leads/lead.h"
#include "modules/leads/lead_fields.h"

namespace sen::leads {

// The JSON the API takes for `field`, from the text of one spreadsheet cell: "15/03/1990" for a
// date, "Nữ" for the gender option "female", "vip, hà nội" for tags, "có" for yes...
// Text that cannot be the field's type is passed through as it is, so that the API's checks
// reject it with their usual message.
nlohmann::json CellInput(const FieldDef& field, std::string_view text);
nlohmann::json CustomCellInput(const customfields::CustomField& field, std::string_view text);

// How an import treats rows that match existing leads (I4).
struct ImportSettings {
  bool update_matches = false;          // mode create_update
  std::vector<std::string> match_on;    // "id", "mobile", "email", "full_name"
  std::optional<std::int64_t> default_owner_id;
  std::optional<std::int64_t> default_campaign_id;
  std::optional<std::string> default_source;
  std::vector<std::string> default_tags;
  bool auto_assign = false;  // R3 for rows that leave the owner empty

  bool MatchesOn(std::string_view key) const {
    return std::find(match_on.begin(), match_on.end(), key) != match_on.end();
  }
};

// A field an import may fill, with its labels (the column mapping and the template).
struct ImportField {
  std::string name;
  std::string label_vi;
  std::string label_en;
  bool required = false;
};
// "id" (matching only), every writable registry field, then the active custom fields as
// "custom.<name>".
std::vector<ImportField> ImportFields(const std::vector<customfields::CustomField>& custom_fields);

// The lead ID a cell names: a positive whole number, nothing else.
std::optional<std::int64_t> ParseLeadId(std::string_view text);
// Whether the cells of a column (a sample) are lead IDs, as in an edited export: at least one,
// and every non-empty cell one.
bool AllLeadIds(const std::vector<std::string>& cells);

// One row ready to be decided: the API input built from the cells, and the lead it makes.
struct ImportRow {
  nlohmann::json input = nlohmann::json::object();
  std::optional<std::int64_t> id;  // the "id" column, for matching
  Lead lead;  // the new lead the row makes; empty for a row that updates the lead it names by ID
};

enum class ImportAction { kCreate, kUpdate, kDuplicate };
std::string_view ImportActionName(ImportAction action);

struct ImportDecision {
  ImportAction action = ImportAction::kCreate;
  std::int64_t lead_id = 0;                      // created, updated, or the existing duplicate
  std::string matched_on;                        // a duplicate's field ("id" when matched by ID)
  nlohmann::json before = nlohmann::json::object();  // update: old values of the changed fields
  bool changed = false;                              // update: anything at all
};

}  // namespace sen::leads
