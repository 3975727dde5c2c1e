// Target SQL. The list is assembled from fixed fragments; values are always bound.
#include "modules/targets/target_repository.h"

#include <deque>
#include <nlohmann/json.hpp>

namespace sen::targets::repo {

namespace {

using json = nlohmann::json;

#define SEN_TARGET_COLUMNS                                                                        \
  "t.id, t.full_name, t.name_fold, t.mobile, t.mobile_e164, t.phone, t.phone_e164, t.email, "     \
  "t.company, "                                                                                   \
  "t.company_fold, t.title, t.gender, t.birthday, t.address, t.province, t.source, t.medium, "    \
  "t.campaign_id, "                                                                               \
  "t.product_interest, t.tags, t.owner_id, t.team_id, t.status, t.do_not_contact, t.dnc_reason, " \
  "t.description, "                                                                               \
  "t.custom, t.lead_id, t.created_by, t.created_at, t.updated_at, t.last_activity_at, "           \
  "t.deleted_at"
constexpr std::string_view kFind = "SELECT " SEN_TARGET_COLUMNS " FROM targets t WHERE t.id = ?";
constexpr std::string_view kInsert = R"~(
INSERT INTO targets (full_name, name_fold, mobile, mobile_e164, phone, phone_e164, email, company, company_fold,
  title, gender, birthday, address, province, source, medium, campaign_id, product_interest, tags, owner_id,
  team_id, status, do_not_contact, dnc_reason, description, custom, lead_id, created_by, created_at, updated_at,
  last_activity_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)~";
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
void WriteSearchDocument(db::Transaction& tx, const Lead& t, bool replace) {
  tx.AtCommit(t.id, [id = t.id, doc = leads::SearchDocument(t), replace](db::Transaction& c) {
    if (replace) c.Execute(kDeleteSearch, {id});
    c.Execute(kInsertSearch, {id, doc});
  });
}

std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

// The WHERE clause of a filter in a scope, with its values. `strings` keeps the texts the
// parameters point at.
struct Where {
  std::string sql;
  db::Params params;
  std::deque<std::string>
      strings;  // the parameters hold views into these: a deque never moves them
  void Bind(std::string s) {
    strings.push_back(std::move(s));
    params.emplace_back(strings.back());
  }
};

Where BuildWhere(const LeadFilter& f, const leads::LeadScope& scope) {
  Where w;
  w.sql = f.deleted ? " WHERE t.deleted_at IS NOT NULL" : " WHERE t.deleted_at IS NULL";
  if (f.q) {
    if (auto plan = leads::PlanSearch(*f.q)) {
      if (plan->name_prefix) {
        w.sql += " AND t.name_fold >= ? AND t.name_fold < ?";
        w.Bind(*plan->name_prefix);
        w.Bind(PrefixEnd(*plan->name_prefix));
      } else {
        w.sql += " AND t.id IN (SELECT rowid FROM target_search WHERE target_search MATCH ?";
        w.Bind(plan->match);
        for (const auto& term : plan->like_terms) {
          w.sql += " AND instr(target_search.doc, ?) > 0";
          w.Bind(term);
        }
        w.sql += ")";
      }
    }
  }
  switch (scope.kind) {
    case leads::LeadScope::Kind::kAll:
      break;
    case leads::LeadScope::Kind::kTeam:
      w.sql +=
          " AND (t.owner_id = ? OR t.team_id = ? OR (t.owner_id IS NULL AND t.team_id IS NULL))";
      w.params.emplace_back(scope.user_id);
      w.params.emplace_back(scope.team_id);
      break;
    case leads::LeadScope::Kind::kOwn:
      w.sql += " AND t.owner_id = ?";
      w.params.emplace_back(scope.user_id);
      break;
  }
  auto in = [&](std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    w.sql.append(" AND ").append(column).append(" IN (");
    for (std::size_t i = 0; i < values.size(); ++i) {
      w.sql += i == 0 ? "?" : ", ?";
      w.params.emplace_back(values[i]);
    }
    w.sql += ")";
  };
  in("t.status", f.status);
  in("t.source", f.source);
  if (!f.tags.empty()) {
    w.sql += " AND EXISTS (SELECT 1 FROM json_each(t.tags) j WHERE 1 = 1";
    in("j.value", f.tags);
    w.sql += ")";
  }
  if (f.unassigned) w.sql += " AND t.owner_id IS NULL";
  if (f.owner_id) {
    w.sql += " AND t.owner_id = ?";
    w.params.emplace_back(*f.owner_id);
  }
  if (f.campaign_id) {
    w.sql += " AND t.campaign_id = ?";
    w.params.emplace_back(*f.campaign_id);
  }
  if (f.medium) {
    w.sql += " AND t.medium = ?";
    w.params.emplace_back(*f.medium);
  }
  if (f.province) {
    w.sql += " AND t.province = ?";
    w.params.emplace_back(*f.province);
  }
  if (f.do_not_contact) {
    w.sql += " AND t.do_not_contact = ?";
    w.params.emplace_back(*f.do_not_contact);
  }
  if (f.created_from) {
    w.sql += " AND t.created_at >= ?";
    w.params.emplace_back(*f.created_from);
  }
  if (f.created_to) {
    w.sql += " AND t.created_at < ?";
    w.params.emplace_back(*f.created_to);
  }
  if (!f.ids.empty()) {
    w.sql += " AND t.id IN (SELECT value FROM json_each(?))";
    w.Bind(Json(f.ids));
  }
  return w;
}

// The sort's column comes from the registry, never from the request; a custom field's path is
// bound.
std::string OrderBy(const LeadSort& sort, Where& w) {
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
  const std::string tags = Json(t.tags), custom = Json(t.custom);
  Lead saved = t;
  saved.id = tx.QueryInt(kInsert, {t.full_name,
                                   t.name_fold,
                                   t.mobile,
                                   t.mobile_e164,
                                   t.phone,
                                   t.phone_e164,
                                   t.email,
                                   t.company,
                                   t.company_fold,
                                   t.title,
                                   t.gender,
                                   t.birthday,
                                   t.address,
                                   t.province,
                                   t.source,
                                   t.medium,
                                   t.campaign_id,
                                   t.product_interest,
                                   tags,
                                   t.owner_id,
                                   t.team_id,
                                   t.status,
                                   t.do_not_contact,
                                   t.dnc_reason,
                                   t.description,
                                   custom,
                                   t.lead_id,
                                   t.created_by,
                                   t.created_at,
                                   t.updated_at,
                                   t.last_activity_at})
                 .value();
  WriteSearchDocument(tx, saved, false);
  return saved.id;
}

void Update(db::Transaction& tx, const Lead& t, bool search_changed) {
  const std::string tags = Json(t.tags), custom = Json(t.custom);
  tx.Execute(kUpdate, {t.full_name,
                       t.name_fold,
                       t.mobile,
                       t.mobile_e164,
                       t.phone,
                       t.phone_e164,
                       t.email,
                       t.company,
                       t.company_fold,
                       t.title,
                       t.gender,
                       t.birthday,
                       t.address,
                       t.province,
                       t.source,
                       t.medium,
                       t.campaign_id,
                       t.product_interest,
                       tags,
                       t.owner_id,
                       t.team_id,
                       t.status,
                       t.do_not_contact,
                       t.dnc_reason,
                       t.description,
                       custom,
                       t.lead_id,
                       t.updated_at,
                       t.last_activity_at,
                       t.id});
  if (search_changed) WriteSearchDocument(tx, t, true);
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
  auto read = [&](const db::Row& r) {
    if (r.Int(0) == except || (untransferred && r.Text(8) == "transferred")) return;
    out.push_back({r.Int(0), r.Str(1), r.Str(2), r.OptStr(3), r.OptStr(4), r.OptStr(5), r.OptStr(6),
                   r.OptInt(7)});
  };
  for (const auto* phone : {&t.mobile_e164, &t.phone_e164}) {
    if (!*phone) continue;
    tx.Query(kDupByMobile, {**phone}, read);
    tx.Query(kDupByPhone, {**phone}, read);
  }
  if (t.email) tx.Query(kDupByEmail, {*t.email}, read);
  return out;
}

leads::repo::ImportMatch FindMatch(db::Transaction& tx, const Lead& t, bool mobile, bool email,
                                   bool name) {
  leads::repo::ImportMatch match;
  auto find = [&](std::string_view sql, const std::string& value, std::string_view field) {
    tx.Query(sql, {value}, [&](const db::Row& r) { match.ids.push_back(r.Int(0)); });
    if (!match.ids.empty()) match.field = field;
  };
  if (mobile && t.mobile_e164) find(kMatchByMobile, *t.mobile_e164, "mobile");
  if (match.ids.empty() && mobile && t.mobile_e164) find(kMatchByPhone, *t.mobile_e164, "mobile");
  if (match.ids.empty() && email && t.email) find(kMatchByEmail, *t.email, "email");
  if (match.ids.empty() && name && !t.name_fold.empty())
    find(kMatchByName, t.name_fold, "full_name");
  return match;
}

Page<Lead> List(db::Transaction& tx, const LeadFilter& filter, const leads::LeadScope& scope,
                const LeadSort& sort, PageRequest page) {
  Page<Lead> out;
  out.request = page;
  Where w = BuildWhere(filter, scope);
  out.total = tx.QueryInt("SELECT COUNT(*) FROM targets t" + w.sql, w.params).value_or(0);
  const std::string sql = "SELECT " SEN_TARGET_COLUMNS " FROM targets t" + w.sql +
                          OrderBy(sort, w) + " LIMIT ? OFFSET ?";
  w.params.emplace_back(static_cast<std::int64_t>(page.page_size));
  w.params.emplace_back(page.offset());
  tx.Query(sql, w.params, [&](const db::Row& r) { out.items.push_back(Read(r)); });
  return out;
}

void ForEach(db::Transaction& tx, const LeadFilter& filter, const leads::LeadScope& scope,
             const LeadSort& sort, const std::function<void(const Lead&)>& fn) {
  Where w = BuildWhere(filter, scope);
  const std::string sql = "SELECT " SEN_TARGET_COLUMNS " FROM targets t" + w.sql + OrderBy(sort, w);
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
