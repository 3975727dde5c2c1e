// Target SQL. The list is assembled from fixed fragments; values are always bound.
#include "modules/targets/target_repository.h"

#include <nlohmann/json.hpp>

#include "db/list_sql.h"

namespace sen::targets::repo {

namespace {

using json = nlohmann::json;

#define SEN_TARGET_COLUMNS                                                                     \
  "t.id, t.full_name, t.name_fold, t.mobile, t.mobile_e164, t.phone, t.phone_e164, t.email, "  \
  "t.company, t.company_fold, t.title, t.gender, t.birthday, t.address, t.province, t.source, " \
  "t.medium, t.campaign_id, t.product_interest, t.tags, t.owner_id, t.team_id, t.status, "      \
  "t.do_not_contact, t.dnc_reason, t.description, t.custom, t.lead_id, t.created_by, "          \
  "t.created_at, t.updated_at, t.last_activity_at, t.deleted_at"
constexpr std::string_view kFind = "SELECT " SEN_TARGET_COLUMNS " FROM targets t WHERE t.id = ?";
constexpr std::string_view kInsert = R"~(
INSERT INTO targets (full_name, name_fold, mobile, mobile_e164, phone, phone_e164, email, company, company_fold,
  title, gender, birthday, address, province, source, medium, campaign_id, product_interest, tags, owner_id,
  team_id, status, do_not_contact, dnc_reason, description, custom, lead_id, created_by, created_at, updated_at,
  last_activity_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))~";
constexpr std::string_view kUpdate = R"~(
UPDATE targets SET full_name = ?, name_fold = ?, mobile = ?, mobile_e164 = ?, phone = ?, phone_e164 = ?,
  email = ?, company = ?, company_fold = ?, title = ?, gender = ?, birthday = ?, address = ?, province = ?,
  source = ?, medium = ?, campaign_id = ?, product_interest = ?, tags = ?, owner_id = ?, team_id = ?, status = ?,
  do_not_contact = ?, dnc_reason = ?, description = ?, custom = ?, lead_id = ?, updated_at = ?, last_activity_at = ?
WHERE id = ?)~";
constexpr std::string_view kSetDeleted =
    "UPDATE targets SET deleted_at = ?, deleted_by = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kRecordActivity = R"~(
UPDATE targets SET last_activity_at = MAX(COALESCE(last_activity_at, 0), ?), status = COALESCE(?, status),
  updated_at = ?
WHERE id = ?)~";
constexpr std::string_view kDeleteSearch = "DELETE FROM target_search WHERE rowid = ?";
constexpr std::string_view kInsertSearch = "INSERT INTO target_search (rowid, doc) VALUES (?, ?)";
constexpr std::string_view kWorkedOn = R"~(
SELECT EXISTS (SELECT 1 FROM audit_log WHERE entity_type = 'target' AND entity_id = ?1 AND action <> 'create')
    OR EXISTS (SELECT 1 FROM calls WHERE parent_type = 'target' AND parent_id = ?1)
    OR EXISTS (SELECT 1 FROM notes WHERE parent_type = 'target' AND parent_id = ?1))~";
#define SEN_DUP_SELECT                                                                         \
  "SELECT id, full_name, name_fold, mobile, mobile_e164, phone_e164, email, owner_id, status " \
  "FROM targets "
constexpr std::string_view kDupByMobile =
    SEN_DUP_SELECT "WHERE mobile_e164 = ? AND deleted_at IS NULL LIMIT 20";
constexpr std::string_view kDupByPhone =
    SEN_DUP_SELECT "WHERE phone_e164 = ? AND deleted_at IS NULL LIMIT 20";
constexpr std::string_view kDupByEmail =
    SEN_DUP_SELECT "WHERE email = ? AND deleted_at IS NULL LIMIT 20";
#undef SEN_DUP_SELECT
#define SEN_MATCH(column) \
  "SELECT id FROM targets WHERE " column " = ? AND deleted_at IS NULL ORDER BY id LIMIT 2"
constexpr std::string_view kMatchByMobile = SEN_MATCH("mobile_e164");
constexpr std::string_view kMatchByPhone = SEN_MATCH("phone_e164");
constexpr std::string_view kMatchByEmail = SEN_MATCH("email");
constexpr std::string_view kMatchByName = SEN_MATCH("name_fold");
#undef SEN_MATCH

std::string Json(const auto& v) {
  return json(v).dump(-1, ' ', false, json::error_handler_t::replace);
}

Lead Read(const db::Row& r) {
  Lead t;
  t.id = r.Int(0);
  t.full_name = r.Str(1);
  t.name_fold = r.Str(2);
  t.mobile = r.OptStr(3);
  t.mobile_e164 = r.OptStr(4);
  t.phone = r.OptStr(5);
  t.phone_e164 = r.OptStr(6);
  t.email = r.OptStr(7);
  t.company = r.OptStr(8);
  t.company_fold = r.OptStr(9);
  t.title = r.OptStr(10);
  t.gender = r.OptStr(11);
  t.birthday = r.OptStr(12);
  t.address = r.OptStr(13);
  t.province = r.OptStr(14);
  t.source = r.OptStr(15);
  t.medium = r.OptStr(16);
  t.campaign_id = r.OptInt(17);
  t.product_interest = r.OptStr(18);
  auto tags = json::parse(r.Text(19), nullptr, false);
  if (tags.is_array()) t.tags = tags.get<std::vector<std::string>>();
  t.owner_id = r.OptInt(20);
  t.team_id = r.OptInt(21);
  t.status = r.Str(22);
  t.stage.clear();
  t.do_not_contact = r.Int(23) != 0;
  t.dnc_reason = r.OptStr(24);
  t.description = r.OptStr(25);
  t.custom = json::parse(r.Text(26), nullptr, false);
  if (!t.custom.is_object()) t.custom = json::object();
  t.lead_id = r.OptInt(27);
  t.created_by = r.OptInt(28);
  t.created_at = r.Int(29);
  t.updated_at = r.Int(30);
  t.last_activity_at = r.OptInt(31);
  t.deleted_at = r.OptInt(32);
  return t;
}

// At commit, in id order, as the leads' are: FTS5 writes its pending index out at every rowid
// smaller than the one before (see Transaction::AtCommit).
void WriteSearchDocument(db::Transaction& tx, std::int64_t id, const Lead& t, bool replace) {
  tx.AtCommit(id, [id, doc = leads::SearchDocument(t), replace](db::Transaction& c) {
    if (replace) c.Execute(kDeleteSearch, {id});
    c.Execute(kInsertSearch, {id, doc});
  });
}

// The values Insert and Update both write, in their statements' column order (full_name to
// lead_id); the JSON columns' text lives here while the statement runs.
struct TargetValues {
  std::string tags, custom;
  db::Params params;
  explicit TargetValues(const Lead& t) : tags(Json(t.tags)), custom(Json(t.custom)) {
    params = {t.full_name, t.name_fold, t.mobile,     t.mobile_e164, t.phone,    t.phone_e164,
              t.email,     t.company,   t.company_fold, t.title,     t.gender,   t.birthday,
              t.address,   t.province,  t.source,     t.medium,      t.campaign_id,
              t.product_interest, tags, t.owner_id,   t.team_id,     t.status,   t.do_not_contact,
              t.dnc_reason, t.description, custom,    t.lead_id};
  }
  TargetValues(const TargetValues&) = delete;  // the parameters point into this one
};

// The WHERE clause of a filter in a scope, with its values.
db::ListSql BuildWhere(const LeadFilter& f, const leads::LeadScope& scope) {
  db::ListSql q;
  q.where = f.deleted ? " WHERE t.deleted_at IS NOT NULL" : " WHERE t.deleted_at IS NULL";
  const auto plan = f.q ? leads::PlanSearch(*f.q) : std::nullopt;
  if (plan && plan->name_prefix) {
    q.where += " AND t.name_fold >= ? AND t.name_fold < ?";
    q.Bind(*plan->name_prefix);
    q.Bind(db::PrefixEnd(*plan->name_prefix));
  } else if (plan) {
    q.where += " AND t.id IN (SELECT rowid FROM target_search WHERE target_search MATCH ?";
    q.Bind(plan->match);
    for (const auto& term : plan->like_terms) {
      q.where += " AND instr(target_search.doc, ?) > 0";
      q.Bind(term);
    }
    q.where += ")";
  }
  switch (scope.kind) {
    case leads::LeadScope::Kind::kAll:
      break;
    case leads::LeadScope::Kind::kTeam:
      q.where +=
          " AND (t.owner_id = ? OR t.team_id = ? OR (t.owner_id IS NULL AND t.team_id IS NULL))";
      q.params.emplace_back(scope.user_id);
      q.params.emplace_back(scope.team_id);
      break;
    case leads::LeadScope::Kind::kOwn:
      q.where += " AND t.owner_id = ?";
      q.params.emplace_back(scope.user_id);
      break;
  }
  if (!f.status.empty()) db::AddIn(q, "t.status", f.status);
  if (!f.source.empty()) db::AddIn(q, "t.source", f.source);
  if (!f.tags.empty()) {
    q.where += " AND EXISTS (SELECT 1 FROM json_each(t.tags) j WHERE 1 = 1";
    db::AddIn(q, "j.value", f.tags);
    q.where += ")";
  }
  if (f.unassigned) q.where += " AND t.owner_id IS NULL";
  db::AddIfSet(q, " AND t.owner_id = ?", f.owner_id);
  db::AddIfSet(q, " AND t.campaign_id = ?", f.campaign_id);
  db::AddIfSet(q, " AND t.lead_id = ?", f.lead_id);
  db::AddIfSet(q, " AND t.medium = ?", f.medium);
  db::AddIfSet(q, " AND t.province = ?", f.province);
  db::AddIfSet(q, " AND t.do_not_contact = ?", f.do_not_contact);
  db::AddIfSet(q, " AND t.created_at >= ?", f.created_from);
  db::AddIfSet(q, " AND t.created_at < ?", f.created_to);
  if (!f.ids.empty()) {
    q.where += " AND t.id IN (SELECT value FROM json_each(?))";
    q.Bind(Json(f.ids));
  }
  return q;
}

// The sort's column comes from the registry, never from the request; a custom field's path is
// bound.
std::string OrderBy(const LeadSort& sort, db::ListSql& w) {
  const std::string dir = sort.descending ? " DESC" : " ASC";
  if (!sort.custom_path.empty()) {
    w.Bind(sort.custom_path);
    return " ORDER BY json_extract(t.custom, ?)" + dir + ", t.id" + dir;
  }
  return " ORDER BY t." + std::string(sort.column) + dir + ", t.id" + dir;
}

}  // namespace

std::optional<Lead> Find(db::Transaction& tx, std::int64_t id) {
  std::optional<Lead> out;
  tx.Query(kFind, {id}, [&](const db::Row& r) { out = Read(r); });
  return out;
}

std::int64_t Insert(db::Transaction& tx, const Lead& t) {
  TargetValues v(t);
  for (auto value : {db::Param(t.created_by), db::Param(t.created_at), db::Param(t.updated_at),
                     db::Param(t.last_activity_at)}) {
    v.params.push_back(value);
  }
  const std::int64_t id = tx.Insert(kInsert, v.params);
  WriteSearchDocument(tx, id, t, false);
  return id;
}

void Update(db::Transaction& tx, const Lead& t, bool search_changed) {
  TargetValues v(t);
  for (auto value : {db::Param(t.updated_at), db::Param(t.last_activity_at), db::Param(t.id)}) {
    v.params.push_back(value);
  }
  tx.Execute(kUpdate, v.params);
  if (search_changed) WriteSearchDocument(tx, t.id, t, true);
}

void SetDeleted(db::Transaction& tx, std::int64_t id, std::optional<Millis> deleted_at,
                std::optional<std::int64_t> deleted_by, Millis now) {
  tx.Execute(kSetDeleted, {deleted_at, deleted_by, now, id});
}

void RecordActivity(db::Transaction& tx, std::int64_t id, Millis at,
                    const std::optional<std::string>& status, Millis now) {
  tx.Execute(kRecordActivity, {at, status, now, id});
}

void Purge(db::Transaction& tx, std::int64_t id) {
  tx.Execute("DELETE FROM audit_log WHERE entity_type = 'target' AND entity_id = ?", {id});
  tx.Execute("DELETE FROM targets WHERE id = ?", {id});
  tx.AtCommit(id, [id](db::Transaction& c) { c.Execute(kDeleteSearch, {id}); });
}

bool WorkedOn(db::Transaction& tx, std::int64_t id) {
  return tx.QueryInt(kWorkedOn, {id}).value_or(0) != 0;
}

std::vector<leads::DuplicateCandidate> FindDuplicateCandidates(db::Transaction& tx, const Lead& t,
                                                               std::optional<std::int64_t> except,
                                                               bool untransferred) {
  std::vector<leads::DuplicateCandidate> out;
  leads::repo::ForEachDuplicateRow(tx, t, {kDupByMobile, kDupByPhone, kDupByEmail}, [&](const db::Row& r) {
    if (r.Int(0) == except || (untransferred && r.Text(8) == "transferred")) return;
    out.push_back(leads::repo::ReadCandidate(r));
  });
  return out;
}

leads::repo::ImportMatch FindMatch(db::Transaction& tx, const Lead& t, bool mobile, bool email,
                                   bool name) {
  return leads::repo::FindMatch(tx, t, mobile, email, name,
                                {kMatchByMobile, kMatchByPhone, kMatchByEmail, kMatchByName});
}

Page<Lead> List(db::Transaction& tx, const LeadFilter& filter, const leads::LeadScope& scope,
                const LeadSort& sort, PageRequest page) {
  Page<Lead> out;
  out.request = page;
  auto w = BuildWhere(filter, scope);
  out.total = tx.QueryInt("SELECT COUNT(*) FROM targets t" + w.where, w.params).value_or(0);
  const std::string sql = "SELECT " SEN_TARGET_COLUMNS " FROM targets t" + w.where +
                          OrderBy(sort, w) + " LIMIT ? OFFSET ?";
  w.params.emplace_back(static_cast<std::int64_t>(page.page_size));
  w.params.emplace_back(page.offset());
  tx.Query(sql, w.params, [&](const db::Row& r) { out.items.push_back(Read(r)); });
  return out;
}

void ForEach(db::Transaction& tx, const LeadFilter& filter, const leads::LeadScope& scope,
             const LeadSort& sort, const std::function<void(const Lead&)>& fn) {
  auto w = BuildWhere(filter, scope);
  const std::string sql = "SELECT " SEN_TARGET_COLUMNS " FROM targets t" + w.where + OrderBy(sort, w);
  tx.Query(sql, w.params, [&](const db::Row& r) { fn(Read(r)); });
}

std::optional<std::string> Name(db::Transaction& tx, std::int64_t id) {
  std::optional<std::string> out;
  tx.Query("SELECT full_name FROM targets WHERE id = ?", {id},
           [&](const db::Row& r) { out = r.Str(0); });
  return out;
}

std::int64_t CountByCampaign(db::Transaction& tx, std::int64_t campaign_id) {
  return tx
      .QueryInt("SELECT COUNT(*) FROM targets WHERE campaign_id = ? AND deleted_at IS NULL",
                {campaign_id})
      .value_or(0);
}

}  // namespace sen::targets::repo
