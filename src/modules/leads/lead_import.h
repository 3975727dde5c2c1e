// Leads as an import sees them (I3-I8): cells turned into API input, one row decided as create,
// update or duplicate against the database, and what an import did taken back.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unordered_map>

#include "core/clock.h"
#include "core/error.h"
#include "core/principal.h"
#include "db/database.h"
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
// "id" (matching only), every writable field of `fields`, then the active custom fields as
// "custom.<name>".
std::vector<ImportField> ImportFields(const std::vector<customfields::CustomField>& custom_fields,
                                      const std::vector<FieldDef>& fields = LeadFields());

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
  std::string_view record = "lead";              // a duplicate's kind: "lead" or "target"
  nlohmann::json before = nlohmann::json::object();  // update: old values of the changed fields
  bool changed = false;                              // update: anything at all
};

// One run's settings and what its rows look up, checked once (see ImportSink::BeginImport).
struct ImportContext {
  Principal principal;
  ImportSettings settings;
  std::vector<customfields::CustomField> custom_fields;
  std::unordered_map<std::string, std::int64_t> user_ids;      // by username: the owner column's
  std::unordered_map<std::string, std::int64_t> campaign_ids;  // by folded name: the campaign column's
};

// A row's cells (field name -> text, empty cells left out) as API input over `fields`: owners by
// username or ID, campaigns by name or ID; the ID column only when the import matches on it.
// Errors name the field.
Result<ImportRow> ReadImportCells(const ImportContext& ctx,
                                  const std::vector<std::pair<std::string_view, std::string_view>>& cells,
                                  const std::vector<FieldDef>& fields);
// The input a new record gets: the row's, with the settings' defaults where it leaves them empty
// (tags added to the row's).
nlohmann::json WithImportDefaults(const ImportSettings& settings, nlohmann::json input);
// An import's default tags added to `tags` (the row's, or the record's own), each once.
nlohmann::json WithTags(nlohmann::json tags, const std::vector<std::string>& added);

// When an import ran, and whether its records may go for good (no other import ran since it
// started: none can have matched them).
struct ImportRun {
  Millis started_at = 0;
  std::optional<Millis> finished_at;
  bool may_purge = false;
};

// What an import writes into (its entity): leads or targets. Each call runs inside the importer's
// transaction (a read transaction for a preview).
class ImportSink {
 public:
  virtual ~ImportSink() = default;
  // What an import may fill, with the active custom fields.
  virtual std::vector<ImportField> ImportFields() = 0;
  // Checks the settings' defaults (errors name "defaults.owner_id") once per run.
  virtual Result<ImportContext> BeginImport(db::Transaction& tx, const Principal& p, ImportSettings settings) = 0;
  // One row's cells as Create would make of them, with the defaults filled in; errors name the
  // fields as the API does.
  virtual Result<ImportRow> PrepareImportRow(db::Transaction& tx, const ImportContext& ctx,
                                             const std::vector<std::pair<std::string_view, std::string_view>>& cells,
                                             Millis now) = 0;
  // Create, update or duplicate against the records in the database (`match_on`); with `write`
  // it is saved with its audit. An update takes only the row's non-empty cells.
  virtual Result<ImportDecision> ApplyImportRow(db::Transaction& tx, const ImportContext& ctx, ImportRow& row,
                                                bool write, Millis now) = 0;
  // Takes back what an import did to one record: one it created goes for good when `may_purge`
  // and nobody has worked on it since, else to the trash (true); an updated one gets its old
  // values back, but for fields someone changed since.
  virtual bool UndoImportItem(db::Transaction& tx, const Principal& p, ImportAction action, std::int64_t id,
                              const nlohmann::json& before, const ImportRun& run, Millis now) = 0;
};

}  // namespace sen::leads
