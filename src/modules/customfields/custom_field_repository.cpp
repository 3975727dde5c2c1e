// Custom field SQL; options are stored as JSON.
#include "modules/customfields/custom_field_repository.h"

#include "db/list_cache.h"

namespace sen::customfields::repo {

namespace {

#define SEN_FIELD_COLUMNS "id, entity, name, type, label_vi, label_en, options, required, active, position, created_at"
constexpr std::string_view kList =
    "SELECT " SEN_FIELD_COLUMNS " FROM custom_fields WHERE entity = ? AND (active = 1 OR ? = 0) ORDER BY position, id";
constexpr std::string_view kFind = "SELECT " SEN_FIELD_COLUMNS " FROM custom_fields WHERE id = ?";
#undef SEN_FIELD_COLUMNS
constexpr std::string_view kNameTaken = "SELECT 1 FROM custom_fields WHERE entity = ? AND name = ?";
constexpr std::string_view kInsert = R"~(
INSERT INTO custom_fields (entity, name, type, label_vi, label_en, options, required, active, position, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kUpdate = R"~(
UPDATE custom_fields SET label_vi = ?, label_en = ?, options = ?, required = ?, active = ?, position = ?
WHERE id = ?)~";
constexpr std::string_view kCounter = "custom_fields";

std::string EncodeOptions(const std::vector<Option>& options) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : options) out.push_back({o.value, o.label_vi, o.label_en});
  return out.dump();
}

CustomField Read(const db::Row& r) {
  CustomField f;
  f.id = r.Int(0);
  f.entity = r.Str(1);
  f.name = r.Str(2);
  f.type = r.Str(3);
  f.label_vi = r.Str(4);
  f.label_en = r.Str(5);
  auto options = nlohmann::json::parse(r.Text(6), nullptr, false);
  if (options.is_array()) {
    for (const auto& o : options) f.options.push_back({o[0], o[1], o[2]});
  }
  f.required = r.Int(7) != 0;
  f.active = r.Int(8) != 0;
  f.position = static_cast<int>(r.Int(9));
  f.created_at = r.Int(10);
  return f;
}

}  // namespace

std::vector<CustomField> List(db::Transaction& tx, std::string_view entity, bool active_only) {
  std::vector<CustomField> out;
  tx.Query(kList, {entity, active_only}, [&](const db::Row& r) { out.push_back(Read(r)); });
  return out;
}

std::optional<CustomField> Find(db::Transaction& tx, std::int64_t id) {
  std::optional<CustomField> out;
  tx.Query(kFind, {id}, [&](const db::Row& r) { out = Read(r); });
  return out;
}

bool NameTaken(db::Transaction& tx, std::string_view entity, std::string_view name) {
  return tx.QueryInt(kNameTaken, {entity, name}).has_value();
}

std::int64_t Insert(db::Transaction& tx, const CustomField& f) {
  db::BumpChangeCounter(tx, kCounter);
  return tx.QueryInt(kInsert, {f.entity, f.name, f.type, f.label_vi, f.label_en, EncodeOptions(f.options), f.required,
                               f.active, f.position, f.created_at})
      .value();
}

void Update(db::Transaction& tx, const CustomField& f) {
  db::BumpChangeCounter(tx, kCounter);
  tx.Execute(kUpdate, {f.label_vi, f.label_en, EncodeOptions(f.options), f.required, f.active, f.position, f.id});
}

}  // namespace sen::customfields::repo
