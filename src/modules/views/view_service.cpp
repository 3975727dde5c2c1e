// Views and preferences, with their SQL in the anonymous namespace (the repository).
#include "modules/views/view_service.h"

#include "modules/audit/audit.h"

namespace sen::views {

namespace {

#define SEN_VIEW_COLUMNS "id, entity, name, owner_id, team_id, shared, filter, columns, sort, created_at, updated_at"
constexpr std::string_view kFind = "SELECT " SEN_VIEW_COLUMNS " FROM saved_views WHERE id = ?";
// Mine, and those shared with my team; an admin sees every shared view.
constexpr std::string_view kVisible = "SELECT " SEN_VIEW_COLUMNS
                                      " FROM saved_views WHERE entity = ? AND "
                                      "(owner_id = ? OR (shared = 1 AND (team_id = ? OR ? = 1))) ORDER BY name, id";
#undef SEN_VIEW_COLUMNS
constexpr std::string_view kInsert = R"~(
INSERT INTO saved_views (entity, name, owner_id, team_id, shared, filter, columns, sort, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kUpdate = R"~(
UPDATE saved_views SET name = ?, shared = ?, team_id = ?, filter = ?, columns = ?, sort = ?, updated_at = ? WHERE id = ?)~";
constexpr std::string_view kDelete = "DELETE FROM saved_views WHERE id = ?";
constexpr std::string_view kGetPreference = "SELECT value FROM user_preferences WHERE user_id = ? AND key = ?";
constexpr std::string_view kSetPreference = R"~(
INSERT INTO user_preferences (user_id, key, value) VALUES (?, ?, ?)
ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value)~";
constexpr std::string_view kDeletePreference = "DELETE FROM user_preferences WHERE user_id = ? AND key = ?";
constexpr std::string_view kLeadColumns = "lead_columns";
constexpr std::size_t kMaxColumns = 100;

nlohmann::json FilterJson(const leads::QueryParams& filter) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : filter) out[k] = v;
  return out;
}

SavedView Read(const db::Row& r) {
  SavedView v;
  v.id = r.Int(0);
  v.entity = r.Str(1);
  v.name = r.Str(2);
  v.owner_id = r.Int(3);
  v.team_id = r.OptInt(4);
  v.shared = r.Int(5) != 0;
  auto filter = nlohmann::json::parse(r.Text(6), nullptr, false);
  if (filter.is_object()) {
    for (const auto& [k, value] : filter.items()) v.filter.emplace_back(k, value.get<std::string>());
  }
  if (!r.IsNull(7)) v.columns = nlohmann::json::parse(r.Text(7), nullptr, false).get<std::vector<std::string>>();
  v.sort = r.OptStr(8);
  v.created_at = r.Int(9);
  v.updated_at = r.Int(10);
  return v;
}

std::optional<SavedView> Find(db::Transaction& tx, std::int64_t id) {
  std::optional<SavedView> out;
  tx.Query(kFind, {id}, [&](const db::Row& r) { out = Read(r); });
  return out;
}

void Save(db::Transaction& tx, SavedView& v, bool insert) {
  const std::string filter = FilterJson(v.filter).dump();
  const std::optional<std::string> columns = v.columns ? std::optional(nlohmann::json(*v.columns).dump()) : std::nullopt;
  if (insert) {
    v.id = tx.QueryInt(kInsert, {v.entity, v.name, v.owner_id, v.team_id, v.shared, filter, columns, v.sort,
                                 v.created_at, v.updated_at})
               .value();
  } else {
    tx.Execute(kUpdate, {v.name, v.shared, v.team_id, filter, columns, v.sort, v.updated_at, v.id});
  }
}

bool MayUse(const Principal& p, const SavedView& v) {
  return v.owner_id == p.user_id || (v.shared && (p.role == Role::kAdmin || (p.team_id && v.team_id == p.team_id)));
}

}  // namespace

nlohmann::json ToJson(const SavedView& v, const Principal& viewer) {
  return {{"id", v.id},
          {"entity", v.entity},
          {"name", v.name},
          {"filter", FilterJson(v.filter)},
          {"columns", v.columns ? nlohmann::json(*v.columns) : nlohmann::json()},
          {"sort", v.sort ? nlohmann::json(*v.sort) : nlohmann::json()},
          {"shared", v.shared},
          {"owner_id", v.owner_id},
          {"owner_name", v.owner_name ? nlohmann::json(*v.owner_name) : nlohmann::json()},
          {"mine", v.owner_id == viewer.user_id},
          {"created_at", FormatRfc3339(v.created_at)},
          {"updated_at", FormatRfc3339(v.updated_at)}};
}

std::vector<SavedView> ViewService::List(const Principal& p, std::string_view entity) {
  auto tx = db_.BeginRead();
  std::vector<SavedView> out;
  tx->Query(kVisible, {entity, p.user_id, p.team_id, p.role == Role::kAdmin},
            [&](const db::Row& r) { out.push_back(Read(r)); });
  for (auto& v : out) {
    if (auto u = users_.Find(*tx, v.owner_id)) v.owner_name = u->full_name;
  }
  return out;
}

void ViewService::CheckColumns(const std::vector<std::string>& columns, const std::string& field, FieldErrors& errors) {
  if (columns.size() > kMaxColumns) errors.Add(field, "at most 100 columns", "too_long");
  for (const auto& c : columns) {
    if (!leads_.IsField(c)) {
      errors.Add(field, "has no lead field '" + c + "'", "unknown_value");
      break;
    }
  }
}

void ViewService::Check(const Principal& p, const SavedView& v, FieldErrors& errors) {
  if (v.entity != "leads" && !errors.Has("entity")) errors.Add("entity", "must be leads", "unknown_value");
  if (v.name.empty() && !errors.Has("name")) errors.Add("name", "is required", "required");
  leads::QueryParams params = v.filter;
  for (const auto& [key, value] : params) {
    if (leads::IsListControl(key)) errors.Add("filter." + key, "is not a filter", "unknown_field");
  }
  if (v.sort) params.emplace_back("sort", *v.sort);
  if (auto ok = leads_.CheckFilter(p, params); !ok) {
    for (const auto& d : ok.error().details) errors.Add(d.field == "sort" ? "sort" : "filter." + d.field, d.message, d.reason);
  }
  if (v.columns) CheckColumns(*v.columns, "columns", errors);
}

Result<SavedView> ViewService::Create(const Principal& p, const ViewInput& in, FieldErrors errors) {
  const Millis now = clock_.Now();
  SavedView v;
  v.entity = in.entity.value_or("leads");
  v.name = in.name.value_or("");
  v.owner_id = p.user_id;
  v.team_id = p.team_id;
  v.shared = in.shared.value_or(false);
  if (in.filter) v.filter = *in.filter;
  if (in.columns) v.columns = *in.columns;
  if (in.sort) v.sort = *in.sort;
  v.created_at = v.updated_at = now;
  Check(p, v, errors);
  if (!errors.empty()) return errors.ToError();
  auto tx = db_.BeginWrite();
  Save(*tx, v, true);
  audit::Record(*tx, audit::ActorOf(p), "view", v.id, {{"create", std::nullopt, std::nullopt, v.name}}, now);
  tx->Commit();
  v.owner_name = p.full_name;
  return v;
}

Result<SavedView> ViewService::Update(const Principal& p, std::int64_t id, const ViewInput& in, FieldErrors errors) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto v = Find(*tx, id);
  if (!v || !MayUse(p, *v)) return Error::NotFound("no view has id " + std::to_string(id));
  if (v->owner_id != p.user_id) return Error::Forbidden("the view belongs to someone else; save a copy instead");
  if (in.entity && *in.entity != v->entity) errors.Add("entity", "cannot change", "read_only");
  if (in.name) v->name = *in.name;
  if (in.shared) v->shared = *in.shared;
  if (in.filter) v->filter = *in.filter;
  if (in.columns) v->columns = *in.columns;
  if (in.sort) v->sort = *in.sort;
  v->team_id = p.team_id;
  v->updated_at = now;
  Check(p, *v, errors);
  if (!errors.empty()) return errors.ToError();
  Save(*tx, *v, false);
  audit::Record(*tx, audit::ActorOf(p), "view", id, {{"update", std::nullopt, std::nullopt, v->name}}, now);
  tx->Commit();
  v->owner_name = p.full_name;
  return *v;
}

Status ViewService::Delete(const Principal& p, std::int64_t id) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto v = Find(*tx, id);
  if (!v || !MayUse(p, *v)) return Error::NotFound("no view has id " + std::to_string(id));
  if (v->owner_id != p.user_id) return Error::Forbidden("the view belongs to someone else");
  tx->Execute(kDelete, {id});
  audit::Record(*tx, audit::ActorOf(p), "view", id, {{"delete", std::nullopt, v->name, std::nullopt}}, now);
  tx->Commit();
  return {};
}

Result<leads::QueryParams> ViewService::Resolve(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginRead();
  auto v = Find(*tx, id);
  if (!v || !MayUse(p, *v)) return Error::Field("view_id", "no view of yours or your team has this id", "not_found");
  leads::QueryParams params = v->filter;
  if (v->sort) params.emplace_back("sort", *v->sort);
  return params;
}

Result<nlohmann::json> ViewService::Preference(const Principal& p, std::string_view key) {
  if (key != kLeadColumns) return Error::NotFound("no preference named " + std::string(key));
  auto tx = db_.BeginRead();
  nlohmann::json value;
  tx->Query(kGetPreference, {p.user_id, key}, [&](const db::Row& r) { value = nlohmann::json::parse(r.Text(0), nullptr, false); });
  return value;
}

Result<nlohmann::json> ViewService::SetPreference(const Principal& p, std::string_view key, const nlohmann::json& value) {
  if (key != kLeadColumns) return Error::NotFound("no preference named " + std::string(key));
  FieldErrors errors;
  if (!value.is_null()) {
    if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto& c) { return c.is_string(); })) {
      return Error::Field("value", "must be a list of lead field names, or null", "wrong_type");
    }
    CheckColumns(value.get<std::vector<std::string>>(), "value", errors);
    if (!errors.empty()) return errors.ToError();
  }
  auto tx = db_.BeginWrite();
  if (value.is_null()) {
    tx->Execute(kDeletePreference, {p.user_id, key});
  } else {
    tx->Execute(kSetPreference, {p.user_id, key, value.dump()});
  }
  tx->Commit();
  return value;
}

}  // namespace sen::views
