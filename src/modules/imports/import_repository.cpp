// SQL for imports; JSON columns hold the lists and objects the API shows as they are.
#include "modules/imports/import_repository.h"

namespace sen::imports::repo {

namespace {

using nlohmann::json;

#define SEN_IMPORT_COLUMNS                                                                                  \
  "id, entity, filename, file_path, format, sheet, sheets, columns, sample, suggested_mapping, mapping, " \
  "mode, match_on, defaults, status, rows_estimate, processed, created, updated, duplicate, error, "      \
  "failure, created_by, created_at, started_at, finished_at, auto_assign, in_trash, failure_reason, unchanged"

constexpr std::string_view kInsert =
    "INSERT INTO imports (entity, filename, file_path, format, sheet, sheets, columns, sample, suggested_mapping, "
    "mapping, mode, match_on, defaults, status, rows_estimate, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kFind = "SELECT " SEN_IMPORT_COLUMNS " FROM imports WHERE id = ?";
constexpr std::string_view kListAll = "SELECT " SEN_IMPORT_COLUMNS " FROM imports ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kListMine =
    "SELECT " SEN_IMPORT_COLUMNS " FROM imports WHERE created_by = ? ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCountAll = "SELECT count(*) FROM imports";
constexpr std::string_view kCountMine = "SELECT count(*) FROM imports WHERE created_by = ?";
constexpr std::string_view kSave =
    "UPDATE imports SET sheet = ?, columns = ?, sample = ?, suggested_mapping = ?, mapping = ?, mode = ?, "
    "match_on = ?, defaults = ?, status = ?, rows_estimate = ?, processed = ?, created = ?, updated = ?, "
    "duplicate = ?, error = ?, failure = ?, failure_reason = ?, started_at = ?, finished_at = ?, auto_assign = ?, "
    "unchanged = ? "
    "WHERE id = ?";
// One that found no duplicate and matched nothing to update matched no lead: it does not count.
constexpr std::string_view kOtherImportMayHaveMatched = R"~(
SELECT EXISTS (SELECT 1 FROM imports o, imports me
               WHERE me.id = ?1 AND o.id <> ?1 AND o.started_at IS NOT NULL
                 AND (o.finished_at IS NULL OR (o.finished_at > me.started_at
                                                AND (o.duplicate > 0 OR o.updated > 0 OR o.unchanged > 0)))))~";
constexpr std::string_view kAddInTrash = "UPDATE imports SET in_trash = in_trash + ? WHERE id = ?";
constexpr std::string_view kWithStatus = "SELECT id FROM imports WHERE status = ? ORDER BY id";
constexpr std::string_view kPendingBefore =
    "SELECT " SEN_IMPORT_COLUMNS " FROM imports WHERE status = 'pending' AND created_at < ?";

constexpr std::string_view kAddItem =
    "INSERT OR IGNORE INTO import_items (import_id, lead_id, action, before) VALUES (?, ?, ?, ?)";
constexpr std::string_view kItem = "SELECT action, before FROM import_items WHERE import_id = ? AND lead_id = ?";
constexpr std::string_view kSetItemBefore = "UPDATE import_items SET before = ? WHERE import_id = ? AND lead_id = ?";
constexpr std::string_view kLastItems =
    "SELECT lead_id, action, before FROM import_items WHERE import_id = ? ORDER BY lead_id DESC LIMIT ?";
constexpr std::string_view kDeleteItem = "DELETE FROM import_items WHERE import_id = ? AND lead_id = ?";

constexpr std::string_view kAddProblem =
    "INSERT OR REPLACE INTO import_errors (import_id, row, field, message, reason, cells, more, detail) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kWidestProblem =
    "SELECT max(json_array_length(cells)) FROM import_errors WHERE import_id = ?";
constexpr std::string_view kProblems =
    "SELECT row, field, message, reason, cells, more, detail FROM import_errors WHERE import_id = ? ORDER BY row";

#define SEN_PRESET_SELECT \
  "SELECT id, entity, name, mapping, created_by, created_at FROM import_presets "
constexpr std::string_view kPresets = SEN_PRESET_SELECT "WHERE entity = ? ORDER BY name";
constexpr std::string_view kFindPreset = SEN_PRESET_SELECT "WHERE id = ?";
constexpr std::string_view kFindPresetNamed = SEN_PRESET_SELECT "WHERE entity = ? AND name = ?";
constexpr std::string_view kSavePreset =
    "INSERT INTO import_presets (entity, name, mapping, created_by, created_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (entity, name) DO UPDATE SET mapping = excluded.mapping, created_by = excluded.created_by, "
    "created_at = excluded.created_at RETURNING id";
constexpr std::string_view kDeletePreset = "DELETE FROM import_presets WHERE id = ?";

json Parse(std::string_view text) { return json::parse(text, nullptr, false); }

Import Read(const db::Row& r) {
  Import i;
  i.id = r.Int(0);
  i.entity = r.Str(1);
  i.filename = r.Str(2);
  i.file_path = r.Str(3);
  i.format = r.Str(4);
  i.sheet = r.OptStr(5);
  i.sheets = Parse(r.Text(6));
  i.columns = Parse(r.Text(7));
  i.sample = Parse(r.Text(8));
  i.suggested_mapping = Parse(r.Text(9));
  i.mapping = Parse(r.Text(10));
  i.mode = r.Str(11);
  i.match_on = Parse(r.Text(12));
  i.defaults = Parse(r.Text(13));
  i.status = r.Str(14);
  i.rows_estimate = r.Int(15);
  i.processed = r.Int(16);
  i.created = r.Int(17);
  i.updated = r.Int(18);
  i.duplicate = r.Int(19);
  i.error = r.Int(20);
  i.failure = r.OptStr(21);
  i.created_by = r.OptInt(22);
  i.created_at = r.Int(23);
  i.started_at = r.OptInt(24);
  i.auto_assign = r.Int(26) != 0;
  i.finished_at = r.OptInt(25);
  i.in_trash = r.Int(27);
  i.failure_reason = r.OptStr(28);
  i.unchanged = r.Int(29);
  return i;
}

Preset ReadPreset(const db::Row& r) {
  return {r.Int(0), r.Str(1), r.Str(2), Parse(r.Text(3)), r.OptInt(4), r.Int(5)};
}

}  // namespace

std::int64_t Insert(db::Transaction& tx, const Import& i) {
  const std::string sheets = i.sheets.dump(), columns = i.columns.dump(), sample = i.sample.dump(),
                    suggested = i.suggested_mapping.dump(), mapping = i.mapping.dump(),
                    match_on = i.match_on.dump(), defaults = i.defaults.dump();
  return *tx.QueryInt(kInsert, {i.entity, i.filename, i.file_path, i.format, i.sheet, sheets, columns, sample,
                                suggested, mapping, i.mode, match_on, defaults, i.status, i.rows_estimate,
                                i.created_by, i.created_at});
}

std::optional<Import> Find(db::Transaction& tx, std::int64_t id) {
  std::optional<Import> out;
  tx.Query(kFind, {id}, [&](const db::Row& r) { out = Read(r); });
  return out;
}

Page<Import> List(db::Transaction& tx, std::optional<std::int64_t> created_by, PageRequest page) {
  Page<Import> out;
  out.request = page;
  auto read = [&](const db::Row& r) { out.items.push_back(Read(r)); };
  if (created_by) {
    tx.Query(kListMine, {*created_by, page.page_size, page.offset()}, read);
    out.total = tx.QueryInt(kCountMine, {*created_by}).value_or(0);
  } else {
    tx.Query(kListAll, {page.page_size, page.offset()}, read);
    out.total = tx.QueryInt(kCountAll, {}).value_or(0);
  }
  return out;
}

void Save(db::Transaction& tx, const Import& i) {
  const std::string columns = i.columns.dump(), sample = i.sample.dump(), suggested = i.suggested_mapping.dump(),
                    mapping = i.mapping.dump(), match_on = i.match_on.dump(), defaults = i.defaults.dump();
  tx.Execute(kSave, {i.sheet, columns, sample, suggested, mapping, i.mode, match_on, defaults, i.status,
                     i.rows_estimate, i.processed, i.created, i.updated, i.duplicate, i.error, i.failure,
                     i.failure_reason, i.started_at, i.finished_at, i.auto_assign, i.unchanged, i.id});
}

bool OtherImportMayHaveMatched(db::Transaction& tx, std::int64_t id) {
  return tx.QueryInt(kOtherImportMayHaveMatched, {id}).value_or(0) != 0;
}

void AddInTrash(db::Transaction& tx, std::int64_t id, std::int64_t count) {
  if (count > 0) tx.Execute(kAddInTrash, {count, id});
}

std::vector<std::int64_t> WithStatus(db::Transaction& tx, std::string_view status) {
  std::vector<std::int64_t> ids;
  tx.Query(kWithStatus, {status}, [&](const db::Row& r) { ids.push_back(r.Int(0)); });
  return ids;
}

std::vector<Import> PendingBefore(db::Transaction& tx, Millis before) {
  std::vector<Import> out;
  tx.Query(kPendingBefore, {before}, [&](const db::Row& r) { out.push_back(Read(r)); });
  return out;
}

void AddItem(db::Transaction& tx, std::int64_t import_id, std::int64_t lead_id, std::string_view action,
             const std::optional<json>& before) {
  const std::optional<std::string> text = before ? std::optional(before->dump()) : std::nullopt;
  if (tx.Execute(kAddItem, {import_id, lead_id, action, text}) > 0 || !before) return;
  std::optional<json> kept;  // the first record's old values; none when the import created the lead
  tx.Query(kItem, {import_id, lead_id}, [&](const db::Row& r) {
    if (r.Text(0) == "update" && !r.IsNull(1)) kept = Parse(r.Text(1));
  });
  if (!kept) return;
  for (const auto& [field, value] : before->items()) {
    if (!kept->contains(field)) (*kept)[field] = value;
  }
  tx.Execute(kSetItemBefore, {kept->dump(), import_id, lead_id});
}

std::vector<Item> LastItems(db::Transaction& tx, std::int64_t import_id, int limit) {
  std::vector<Item> out;
  tx.Query(kLastItems, {import_id, limit}, [&](const db::Row& r) {
    out.push_back({r.Int(0), r.Str(1), r.IsNull(2) ? json::object() : Parse(r.Text(2))});
  });
  return out;
}

void DeleteItem(db::Transaction& tx, std::int64_t import_id, std::int64_t lead_id) {
  tx.Execute(kDeleteItem, {import_id, lead_id});
}

void AddProblem(db::Transaction& tx, std::int64_t import_id, const RowProblem& p) {
  const std::string cells = json(p.cells).dump();
  std::optional<std::string> more;
  if (!p.more.empty()) {
    json list = json::array();
    for (const auto& m : p.more) {
      list.push_back({{"field", m.field}, {"message", m.message}, {"reason", m.reason}});
    }
    more = list.dump();
  }
  tx.Execute(kAddProblem, {import_id, p.row, p.field, p.message, p.reason, cells, more,
                           p.detail.empty() ? std::nullopt : std::optional(p.detail)});
}

std::size_t WidestProblem(db::Transaction& tx, std::int64_t import_id) {
  return static_cast<std::size_t>(tx.QueryInt(kWidestProblem, {import_id}).value_or(0));
}

void ForEachProblem(db::Transaction& tx, std::int64_t import_id, const std::function<void(const RowProblem&)>& fn) {
  tx.Query(kProblems, {import_id}, [&](const db::Row& r) {
    RowProblem p{r.Int(0), r.IsNull(1) ? std::string() : r.Str(1), r.Str(2), r.IsNull(3) ? std::string() : r.Str(3), {}};
    auto cells = Parse(r.Text(4));
    if (cells.is_array()) {
      for (const auto& c : cells) p.cells.push_back(c.is_string() ? c.get<std::string>() : std::string());
    }
    if (!r.IsNull(5)) {
      for (const auto& m : Parse(r.Text(5))) {
        p.more.push_back({m.value("field", ""), m.value("message", ""), m.value("reason", "")});
      }
    }
    if (!r.IsNull(6)) p.detail = r.Str(6);
    fn(p);
  });
}

std::vector<Preset> Presets(db::Transaction& tx, std::string_view entity) {
  std::vector<Preset> out;
  tx.Query(kPresets, {entity}, [&](const db::Row& r) { out.push_back(ReadPreset(r)); });
  return out;
}

Preset SavePreset(db::Transaction& tx, Preset p) {
  const std::string mapping = p.mapping.dump();
  p.id = *tx.QueryInt(kSavePreset, {p.entity, p.name, mapping, p.created_by, p.created_at});
  return p;
}

std::optional<Preset> FindPreset(db::Transaction& tx, std::int64_t id) {
  std::optional<Preset> out;
  tx.Query(kFindPreset, {id}, [&](const db::Row& r) { out = ReadPreset(r); });
  return out;
}

std::optional<Preset> FindPreset(db::Transaction& tx, std::string_view entity,
                                 std::string_view name) {
  std::optional<Preset> out;
  tx.Query(kFindPresetNamed, {entity, name}, [&](const db::Row& r) { out = ReadPreset(r); });
  return out;
}

void DeletePreset(db::Transaction& tx, std::int64_t id) { tx.Execute(kDeletePreset, {id}); }

}  // namespace sen::imports::repo
