// I9 (and T5): a list of leads or targets as a csv or xlsx file made while it is sent.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/chunk_pipe.h"
#include "core/error.h"
#include "db/database.h"
#include "modules/customfields/custom_field.h"
#include "modules/leads/lead.h"
#include "modules/leads/lead_fields.h"
#include "modules/leads/lead_filter.h"
#include "modules/users/user_service.h"

namespace sen::leads {

// What is exported: the record's registry, its default columns, how errors and files name it.
struct ExportKind {
  const std::vector<FieldDef>* fields;
  const std::vector<std::string>* default_columns;
  std::string_view noun;     // "lead": "... is not a lead field"
  std::string_view stem_vi;  // file name before the date
  std::string_view stem_en;
  std::string_view sheet;
};

// The export's own parameters, taken out of the list's.
struct ExportRequest {
  std::string format = "csv";
  bool vi = true;
  std::string columns;  // comma separated; empty: the default columns
  FieldErrors errors;   // format
};
ExportRequest TakeExportRequest(QueryParams& params, std::string_view language);

// Reads `read` (the record's columns the file shows) of every record in the list's order.
using ForEachRecord =
    std::function<void(db::Transaction& tx, std::span<const std::string_view> read,
                       const std::function<void(const Lead&)>& fn)>;

// The file: the ID first so it can be imported back, owners by username and campaigns by name
// (what an import takes), options by label, times in the company's zone, headers in the
// request's language. 422 naming "columns" or "format" (with `request.errors`).
Result<StreamedFile> ExportRecords(
    db::Database& db, users::UserService& users, Millis now, const ExportKind& kind,
    ExportRequest request, std::shared_ptr<const std::vector<customfields::CustomField>> custom,
    ForEachRecord for_each);

}  // namespace sen::leads
