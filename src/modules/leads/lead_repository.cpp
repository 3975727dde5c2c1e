// Lead SQL. List queries are assembled from fixed fragments; values are always bound.
#include "modules/leads/lead_repository.h"

namespace sen::leads::repo {

namespace {

using json = nlohmann::json;

#define SEN_LEAD_COLUMNS                                                                                   \
  "id, full_name, name_fold, mobile, mobile_e164, phone, phone_e164, email, company, company_fold, title, " \
  "gender, birthday, address, province, source, medium, campaign_id, product_interest, tags, owner_id, "   \
  "team_id, status, stage, stage_info, do_not_contact, dnc_reason, description, custom, created_by, "      \
  "created_at, updated_at, last_activity_at, deleted_at"

constexpr std::string_view kColumns = SEN_LEAD_COLUMNS;
constexpr std::string_view kFind = "SELECT " SEN_LEAD_COLUMNS " FROM leads WHERE id = ?";
#undef SEN_LEAD_COLUMNS

constexpr std::string_view kInsert = R"~(
INSERT INTO leads (full_name, name_fold, mobile, mobile_e164, phone, phone_e164, email, company, company_fold,
  title, gender, birthday, address, province, source, medium, campaign_id, product_interest, tags, owner_id,
  team_id, status, stage, stage_info, do_not_contact, dnc_reason, description, custom, created_by, created_at,
  updated_at, last_activity_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id)~";
constexpr std::string_view kUpdate = R"~(
UPDATE leads SET full_name = ?, name_fold = ?, mobile = ?, mobile_e164 = ?, phone = ?, phone_e164 = ?,
  email = ?, company = ?, company_fold = ?, title = ?, gender = ?, birthday = ?, address = ?, province = ?,
  source = ?, medium = ?, campaign_id = ?, product_interest = ?, tags = ?, owner_id = ?, team_id = ?,
  status = ?, stage = ?, stage_info = ?, do_not_contact = ?, dnc_reason = ?, description = ?, custom = ?,
  updated_at = ?, last_activity_at = ?
WHERE id = ?)~";
constexpr std::string_view kSetDeleted = "UPDATE leads SET deleted_at = ?, deleted_by = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kInsertSearch = "INSERT INTO lead_search (rowid, doc) VALUES (?, ?)";
constexpr std::string_view kDeleteSearch = "DELETE FROM lead_search WHERE rowid = ?";

constexpr std::string_view kDupByMobile =
    "SELECT id, full_name, name_fold, mobile, mobile_e164, phone_e164, email, owner_id FROM leads "
    "WHERE mobile_e164 = ? AND deleted_at IS NULL LIMIT 20";
constexpr std::string_view kDupByEmail =
    "SELECT id, full_name, name_fold, mobile, mobile_e164, phone_e164, email, owner_id FROM leads "
    "WHERE email = ? AND deleted_at IS NULL LIMIT 20";
constexpr std::string_view kDupByPhone =
    "SELECT id, full_name, name_fold, mobile, mobile_e164, phone_e164, email, owner_id FROM leads "
    "WHERE phone_e164 = ? AND deleted_at IS NULL LIMIT 20";

constexpr std::string_view kCounter = "leads";

std::string Json(const json& j) { return j.dump(); }

Lead Read(const db::Row& r) {
  Lead l;
  l.id = r.Int(0);
  l.full_name = r.Str(1);
  l.name_fold = r.Str(2);
  l.mobile = r.OptStr(3);
  l.mobile_e164 = r.OptStr(4);
  l.phone = r.OptStr(5);
  l.phone_e164 = r.OptStr(6);
  l.email = r.OptStr(7);
  l.company = r.OptStr(8);
  l.company_fold = r.OptStr(9);
  l.title = r.OptStr(10);
  l.gender = r.OptStr(11);
  l.birthday = r.OptStr(12);
  l.address = r.OptStr(13);
  l.province = r.OptStr(14);
  l.source = r.OptStr(15);
  l.medium = r.OptStr(16);
  l.campaign_id = r.OptInt(17);
  l.product_interest = r.OptStr(18);
  if (auto tags = json::parse(r.Text(19), nullptr, false); tags.is_array()) {
    l.tags = tags.get<std::vector<std::string>>();
  }
  l.owner_id = r.OptInt(20);
  l.team_id = r.OptInt(21);
  l.status = r.Str(22);
  l.stage = r.Str(23);
  l.stage_info = json::parse(r.Text(24), nullptr, false);
  l.do_not_contact = r.Int(25) != 0;
  l.dnc_reason = r.OptStr(26);
  l.description = r.OptStr(27);
  l.custom = json::parse(r.Text(28), nullptr, false);
  l.created_by = r.OptInt(29);
  l.created_at = r.Int(30);
  l.updated_at = r.Int(31);
  l.last_activity_at = r.OptInt(32);
  l.deleted_at = r.OptInt(33);
  return l;
}

// Binds values whose text lives as long as the call (the JSON columns are serialised here).
struct EncodedJson {
  std::string tags, stage_info, custom;
  explicit EncodedJson(const Lead& l) : tags(Json(l.tags)), stage_info(Json(l.stage_info)), custom(Json(l.custom)) {}
};

void AppendIn(std::string& sql, db::Params& params, std::string_view column, const std::vector<std::string>& values) {
  sql += " AND ";
  sql += column;
  if (values.size() == 1) {
    sql += " = ?";
  } else {
    sql += " IN (?";
    for (size_t i = 1; i < values.size(); ++i) sql += ", ?";
    sql += ")";
  }
  for (const auto& v : values) params.emplace_back(v);
}

std::string PrefixEnd(std::string prefix) {
  // The smallest string greater than every string starting with `prefix`.
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

}  // namespace

std::optional<Lead> Find(db::Transaction& tx, std::int64_t id) {
  std::optional<Lead> out;
  tx.Query(kFind, {id}, [&](const db::Row& r) { out = Read(r); });
  return out;
}

std::int64_t Insert(db::Transaction& tx, const Lead& l) {
  db::BumpChangeCounter(tx, kCounter);
  EncodedJson j(l);
  std::int64_t id =
      tx.QueryInt(kInsert, {l.full_name, l.name_fold, l.mobile, l.mobile_e164, l.phone, l.phone_e164, l.email,
                            l.company, l.company_fold, l.title, l.gender, l.birthday, l.address, l.province,
                            l.source, l.medium, l.campaign_id, l.product_interest, j.tags, l.owner_id, l.team_id,
                            l.status, l.stage, j.stage_info, l.do_not_contact, l.dnc_reason, l.description,
                            j.custom, l.created_by, l.created_at, l.updated_at, l.last_activity_at})
          .value();
  tx.Execute(kInsertSearch, {id, SearchDocument(l)});
  return id;
}

void Update(db::Transaction& tx, const Lead& l, bool search_changed) {
  db::BumpChangeCounter(tx, kCounter);
  EncodedJson j(l);
  tx.Execute(kUpdate, {l.full_name, l.name_fold, l.mobile, l.mobile_e164, l.phone, l.phone_e164, l.email, l.company,
                       l.company_fold, l.title, l.gender, l.birthday, l.address, l.province, l.source, l.medium,
                       l.campaign_id, l.product_interest, j.tags, l.owner_id, l.team_id, l.status, l.stage,
                       j.stage_info, l.do_not_contact, l.dnc_reason, l.description, j.custom, l.updated_at,
                       l.last_activity_at, l.id});
  if (search_changed) {
    tx.Execute(kDeleteSearch, {l.id});
    tx.Execute(kInsertSearch, {l.id, SearchDocument(l)});
  }
}

void SetDeleted(db::Transaction& tx, std::int64_t id, std::optional<Millis> deleted_at,
                std::optional<std::int64_t> deleted_by, Millis now) {
  db::BumpChangeCounter(tx, kCounter);
  tx.Execute(kSetDeleted, {deleted_at, deleted_by, now, id});
}

std::vector<DuplicateCandidate> FindDuplicateCandidates(db::Transaction& tx, const Lead& l) {
  std::vector<DuplicateCandidate> out;
  auto read = [&](const db::Row& r) {
    out.push_back({r.Int(0), r.Str(1), r.Str(2), r.OptStr(3), r.OptStr(4), r.OptStr(5), r.OptStr(6), r.OptInt(7)});
  };
  // Point lookups on the phone and e-mail indexes only: filtering on the name in SQL would let
  // the planner walk every "Nguyễn Văn An" instead. MatchDuplicates compares the names.
  for (const auto* phone : {&l.mobile_e164, &l.phone_e164}) {
    if (!*phone) continue;
    tx.Query(kDupByMobile, {**phone}, read);
    tx.Query(kDupByPhone, {**phone}, read);
  }
  if (l.email) tx.Query(kDupByEmail, {*l.email}, read);
  return out;
}

Page<Lead> List(db::Transaction& tx, const LeadFilter& f, const LeadScope& scope, const LeadSort& sort,
                PageRequest page, db::CountCache& counts) {
  std::string where = f.deleted ? " WHERE deleted_at IS NOT NULL" : " WHERE deleted_at IS NULL";
  db::Params params;
  switch (scope.kind) {
    case LeadScope::Kind::kAll:
      break;
    case LeadScope::Kind::kTeam:
      where += " AND (owner_id = ? OR team_id = ? OR (owner_id IS NULL AND team_id IS NULL))";
      params.emplace_back(scope.user_id);
      params.emplace_back(scope.team_id);
      break;
    case LeadScope::Kind::kOwn:
      where += " AND owner_id = ?";
      params.emplace_back(scope.user_id);
      break;
  }
  std::optional<SearchPlan> plan;
  std::vector<std::string> likes;
  std::string prefix_end;
  if (f.q) {
    plan = PlanSearch(*f.q);
    if (plan && plan->name_prefix) {
      prefix_end = PrefixEnd(*plan->name_prefix);
      where += " AND name_fold >= ? AND name_fold < ?";
      params.emplace_back(*plan->name_prefix);
      params.emplace_back(prefix_end);
    } else if (plan) {
      where += " AND id IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ?";
      params.emplace_back(plan->match);
      for (const auto& term : plan->like_terms) likes.push_back("%" + term + "%");
      for (const auto& like : likes) {
        where += " AND doc LIKE ?";
        params.emplace_back(like);
      }
      where += ")";
    }
  }
  if (!f.status.empty()) AppendIn(where, params, "status", f.status);
  if (!f.stage.empty()) AppendIn(where, params, "stage", f.stage);
  if (!f.source.empty()) AppendIn(where, params, "source", f.source);
  if (f.unassigned) {
    where += " AND owner_id IS NULL";
  } else if (f.owner_id) {
    where += " AND owner_id = ?";
    params.emplace_back(*f.owner_id);
  }
  if (f.team_id) {
    where += " AND team_id = ?";
    params.emplace_back(*f.team_id);
  }
  if (f.medium) {
    where += " AND medium = ?";
    params.emplace_back(*f.medium);
  }
  if (f.campaign_id) {
    where += " AND campaign_id = ?";
    params.emplace_back(*f.campaign_id);
  }
  if (f.province) {
    where += " AND province = ?";
    params.emplace_back(*f.province);
  }
  if (f.created_from) {
    where += " AND created_at >= ?";
    params.emplace_back(*f.created_from);
  }
  if (f.created_to) {
    where += " AND created_at < ?";
    params.emplace_back(*f.created_to);
  }
  if (f.do_not_contact) {
    where += " AND do_not_contact = ?";
    params.emplace_back(*f.do_not_contact);
  }

  Page<Lead> out;
  out.request = page;
  if (f.q && !plan) return out;  // nothing searchable: no match
  out.total = counts.Count(tx, "SELECT COUNT(*) FROM leads" + where, params, db::ChangeCounter(tx, kCounter));
  if (out.total <= page.offset()) return out;

  const char* dir = sort.descending ? " DESC" : " ASC";
  std::string sql = std::string("SELECT ").append(kColumns).append(" FROM leads").append(where);
  sql.append(" ORDER BY ").append(sort.column).append(dir);
  if (sort.column != "id") sql.append(", id").append(dir);
  sql.append(" LIMIT ? OFFSET ?");
  params.emplace_back(static_cast<std::int64_t>(page.page_size));
  params.emplace_back(page.offset());
  tx.Query(sql, params, [&](const db::Row& r) { out.items.push_back(Read(r)); });
  return out;
}

}  // namespace sen::leads::repo
