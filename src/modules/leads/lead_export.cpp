// I9: exporting the lead list. Rows are read on the pipe's own thread inside one read
// transaction (a consistent snapshot) and handed to the connection 64 KB at a time.
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "core/secrets.h"
#include "files/csv_writer.h"
#include "files/xlsx_writer.h"
#include "modules/campaigns/campaign_repository.h"
#include "modules/leads/lead_export.h"
#include "modules/leads/lead_fields.h"
#include "modules/leads/lead_service.h"
#include "text/fold.h"

namespace sen::leads {

namespace {

using nlohmann::json;

// An option's label by its value, in the file's language: the list shows labels, and an import
// takes a label or a value back.
using Labels = std::vector<std::pair<std::string, std::string>>;

template <typename Options>
Labels LabelsOf(const Options& options, bool vi) {
  Labels out;
  for (const auto& o : options) out.emplace_back(o.value, vi ? o.label_vi : o.label_en);
  return out;
}

// Takes the value by value so that a string, the usual cell, moves out without a copy.
std::string Text(json v, const Labels& labels, bool vi) {
  if (v.is_null()) return {};
  if (v.is_string()) {
    auto& s = v.get_ref<std::string&>();
    for (const auto& [value, label] : labels) {
      if (value == s) return label;
    }
    return std::move(s);
  }
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_boolean()) return v.get<bool>() ? (vi ? "Có" : "Yes") : (vi ? "Không" : "No");
  if (v.is_array()) {
    std::string out;
    for (auto& item : v) out += (out.empty() ? "" : ", ") + Text(std::move(item), labels, vi);
    return out;
  }
  return v.dump();
}

// One exported column: its header and how a lead's cell is written.
struct Column {
  std::string header;
  const FieldDef* field = nullptr;            // a registry field, or
  const customfields::CustomField* custom = nullptr;
  Labels labels;  // the field's options
};

// What a workbook writes the column's cells as: Excel's own dates and numbers sort and filter.
files::CellKind KindOf(const Column& c) {
  using files::CellKind;
  if (c.custom) {
    if (c.custom->type == "number") return CellKind::kNumber;
    return c.custom->type == "date" ? CellKind::kDate : CellKind::kText;
  }
  if (c.field->name == "campaign_id") return CellKind::kText;  // by name
  switch (c.field->type) {
    case FieldType::kInteger: return CellKind::kNumber;
    case FieldType::kDate: return CellKind::kDate;
    case FieldType::kDateTime: return CellKind::kDateTime;
    default: return CellKind::kText;
  }
}

}  // namespace

ExportRequest TakeExportRequest(QueryParams& params, std::string_view language) {
  ExportRequest r;
  std::string lang(language);
  std::erase_if(params, [&](const auto& kv) {
    if (kv.first == "format") r.format = kv.second;
    if (kv.first == "lang") lang = kv.second;
    if (kv.first == "columns") r.columns = kv.second;
    return kv.first == "format" || kv.first == "lang" || kv.first == "columns";
  });
  r.vi = lang != "en";
  if (r.format != "csv" && r.format != "xlsx") r.errors.Add("format", "must be csv or xlsx", "unknown_value");
  return r;
}

Result<StreamedFile> ExportRecords(db::Database& db, users::UserService& users, Millis now, const ExportKind& kind,
                                   ExportRequest request,
                                   std::shared_ptr<const std::vector<customfields::CustomField>> custom,
                                   ForEachRecord for_each) {
  const bool vi = request.vi;
  const std::string format = request.format;
  FieldErrors& errors = request.errors;
  std::vector<std::string> names = text::SplitList(request.columns);
  if (names.empty()) names = *kind.default_columns;
  if (std::find(names.begin(), names.end(), "id") == names.end()) names.insert(names.begin(), "id");
  std::vector<Column> columns;
  for (const auto& name : names) {
    if (name.rfind("custom.", 0) == 0) {
      auto it = std::find_if(custom->begin(), custom->end(), [&](const auto& c) { return name.substr(7) == c.name; });
      if (it == custom->end()) {
        errors.Add("columns", "\"" + name + "\" is not a custom field of leads", "unknown_field");
      } else {
        columns.push_back({vi ? it->label_vi : it->label_en, nullptr, &*it, LabelsOf(it->options, vi)});
      }
    } else if (const FieldDef* f = FindField(*kind.fields, name); f && f->type != FieldType::kJson) {
      columns.push_back({std::string(vi ? f->label_vi : f->label_en), f, nullptr, LabelsOf(f->options, vi)});
    } else {
      errors.Add("columns", "\"" + name + "\" is not a " + std::string(kind.noun) + " field", "unknown_field");
    }
  }
  if (!errors.empty()) return errors.ToError();

  StreamedFile out;
  out.filename = std::string(vi ? kind.stem_vi : kind.stem_en) + FormatDate(now) + "." + format;
  out.content_type = format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  // Owners and creators by username (manual 001), campaigns by name: what an import takes back.
  struct Names {
    std::unordered_map<std::int64_t, std::string> usernames;
    std::unordered_map<std::int64_t, std::string> campaigns;
  };
  auto cells_of = [columns, custom, vi](const Lead& lead, const Names& names, std::vector<std::string>& cells) {
    cells.clear();
    for (const auto& c : columns) {
      if (c.field && (c.field->type == FieldType::kUser || c.field->name == "campaign_id")) {
        const auto& named = c.field->type == FieldType::kUser ? names.usernames : names.campaigns;
        auto id = c.field->get(lead);
        auto it = id.is_number_integer() ? named.find(id.get<std::int64_t>()) : named.end();
        cells.push_back(it == named.end() ? Text(std::move(id), c.labels, vi) : it->second);
      } else if (c.field && c.field->time) {  // in the company's zone, as the list shows it
        const auto t = c.field->time(lead);
        cells.push_back(t ? FormatLocalDateTime(*t) : std::string());
      } else if (c.field) {
        cells.push_back(Text(c.field->get(lead), c.labels, vi));
      } else {
        auto it = lead.custom.find(c.custom->name);
        cells.push_back(it == lead.custom.end() ? std::string() : Text(*it, c.labels, vi));
      }
    }
  };
  std::vector<std::string> header;
  std::vector<files::CellKind> kinds;
  // Only the columns of leads the file shows are read (custom fields all live in "custom").
  std::vector<std::string_view> read;
  for (const auto& c : columns) {
    header.push_back(c.header);
    kinds.push_back(KindOf(c));
    const std::string_view column = c.field ? c.field->name : "custom";
    if (std::find(read.begin(), read.end(), column) == read.end()) read.push_back(column);
  }
  return StartFile(std::move(out), [&db, &users, format, header, kinds, read, cells_of, for_each,
                                    sheet = std::string(kind.sheet)](const EmitPiece& emit) {
    auto tx = db.BeginRead();
    const Names names{users.Usernames(*tx), campaigns::repo::Names(*tx)};
    std::vector<std::string> cells;
    if (format == "csv") {
      std::string piece(files::CsvWriter::Utf8Bom());
      files::CsvWriter csv(piece);
      csv.Row(header);
      for_each(*tx, read, [&](const Lead& lead) {
        cells_of(lead, names, cells);
        csv.Row(cells);
        EmitWhenFull(piece, emit);
      });
      emit(piece);  // an empty last piece is no chunk
      return;
    }
    // libxlsxwriter writes the zip at the end: the sheet goes to a temporary file first (its
    // constant-memory mode keeps one row in memory), then the file is sent.
    const auto path = std::filesystem::temp_directory_path() / ("sen-export-" + RandomToken(8) + ".xlsx");
    struct Remove {
      std::filesystem::path path;
      ~Remove() { std::filesystem::remove(path); }
    } remove{path};
    {
      files::XlsxWriter xlsx(path, sheet);
      xlsx.Header(header, std::vector<bool>(header.size(), false));
      xlsx.Kinds(kinds);
      for_each(*tx, read, [&](const Lead& lead) {
        cells_of(lead, names, cells);
        xlsx.Row(cells);
      });
      xlsx.Close();
    }
    tx.reset();  // the file is made: its reader goes back to the pool while it is sent
    std::ifstream in(path, std::ios::binary);
    std::string piece(kPieceBytes, '\0');
    while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0) {
      if (!emit(piece.substr(0, static_cast<std::size_t>(in.gcount())))) return;
    }
  });
}

Result<StreamedFile> LeadService::Export(const Principal& p, QueryParams params) {
  if (p.role == Role::kAgent) return Error::Forbidden("agents cannot export");
  auto request = TakeExportRequest(params, p.language);
  auto resolved = WithView(p, params);
  if (!resolved) return std::move(resolved).error();
  auto custom = std::make_shared<std::vector<customfields::CustomField>>();
  {
    auto tx = db_.BeginRead();
    *custom = custom_fields_.Active(*tx, "leads");
  }
  auto query = ParseListQuery(p, *resolved, *custom);
  if (!query) {
    if (query.error().code != ErrorCode::kValidationFailed) return std::move(query).error();
    request.errors.Merge(query.error());
  }
  static const std::vector<std::string> kDefaultColumns = {"id",     "full_name", "mobile",   "email",     "source",
                                                           "province", "status",  "stage", "owner_id", "created_at"};
  const ExportKind kind{&LeadFields(), &kDefaultColumns, "lead", "khach-hang-tiem-nang-", "leads-", "Leads"};
  return ExportRecords(db_, users_, clock_.Now(), kind, std::move(request), custom,
                       [query = query ? std::optional(*query) : std::nullopt, scope = ScopeOf(p)](
                           db::Transaction& tx, std::span<const std::string_view> read,
                           const std::function<void(const Lead&)>& fn) {
                         repo::ForEach(tx, query->filter, scope, query->sort, read, fn);
                       });
}

}  // namespace sen::leads
