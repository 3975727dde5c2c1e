// The only code that runs SQL on imports, their items, rejected rows and mapping presets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "db/database.h"
#include "modules/imports/import.h"

namespace sen::imports::repo {

std::int64_t Insert(db::Transaction& tx, const Import& import);
std::optional<Import> Find(db::Transaction& tx, std::int64_t id);
// Newest first; `created_by` limits it to one user's imports.
Page<Import> List(db::Transaction& tx, std::optional<std::int64_t> created_by, PageRequest page);
// Settings, status, counts and times (everything a run or a PATCH changes).
void Save(db::Transaction& tx, const Import& import);
// Running imports (a partial index finds them) or those being undone.
std::vector<std::int64_t> WithStatus(db::Transaction& tx, std::string_view status);
// Uploads never run, made before `before`.
std::vector<Import> PendingBefore(db::Transaction& tx, Millis before);
// Whether another import that ran while import `id` ran or since it started may have matched the
// leads this one created (and dropped its own rows as duplicates of them, or updated them).
bool OtherImportMayHaveMatched(db::Transaction& tx, std::int64_t id);
// Counts leads that taking the import back put in the trash (not part of Save: a run's copy of
// the import may be older than the take-back).
void AddInTrash(db::Transaction& tx, std::int64_t id, std::int64_t count);

// What the import did to a lead, for undo: `before` holds the old values of the fields an update
// changed. A lead the import touched already keeps its first record, with the old values of
// fields only a later row changed added to it: undo takes every row's change back.
void AddItem(db::Transaction& tx, std::int64_t import_id, std::int64_t lead_id, std::string_view action,
             const std::optional<nlohmann::json>& before);
struct Item {
  std::int64_t lead_id = 0;
  std::string action;
  nlohmann::json before;
};
// Up to `limit` items, last written first, so that undo takes back later changes first.
std::vector<Item> LastItems(db::Transaction& tx, std::int64_t import_id, int limit);
void DeleteItem(db::Transaction& tx, std::int64_t import_id, std::int64_t lead_id);

void AddProblem(db::Transaction& tx, std::int64_t import_id, const RowProblem& problem);
// The most cells a rejected row of the import has (rows can be wider than the header).
std::size_t WidestProblem(db::Transaction& tx, std::int64_t import_id);
void ForEachProblem(db::Transaction& tx, std::int64_t import_id, const std::function<void(const RowProblem&)>& fn);

struct Preset {
  std::int64_t id = 0;
  std::string entity;
  std::string name;
  nlohmann::json mapping;
  std::optional<std::int64_t> created_by;
  Millis created_at = 0;
};
std::vector<Preset> Presets(db::Transaction& tx, std::string_view entity);
// Replaces a preset of the same name.
Preset SavePreset(db::Transaction& tx, Preset preset);
std::optional<Preset> FindPreset(db::Transaction& tx, std::int64_t id);
std::optional<Preset> FindPreset(db::Transaction& tx, std::string_view entity,
                                 std::string_view name);
void DeletePreset(db::Transaction& tx, std::int64_t id);

}  // namespace sen::imports::repo
