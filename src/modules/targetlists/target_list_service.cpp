// Target lists, with their SQL in the anonymous namespace (the repository); the members' SQL is
// the leads repository's, since a change of membership changes what lead lists show.
#include "modules/targetlists/target_list_service.h"

#include "modules/audit/audit.h"
#include "modules/leads/lead_rules.h"
#include "text/fold.h"

namespace sen::targetlists {

namespace {

constexpr std::string_view kSelect = R"~(
SELECT t.id, t.name, t.description, t.created_by, u.full_name, t.created_at, t.updated_at
FROM target_lists t LEFT JOIN users u ON u.id = t.created_by)~";
constexpr std::string_view kNamed = "SELECT name FROM target_lists WHERE name_fold = ? AND id IS NOT ?";
constexpr std::string_view kInsert = R"~(
INSERT INTO target_lists (name, name_fold, description, created_by, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kUpdate =
    "UPDATE target_lists SET name = ?, name_fold = ?, description = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kTouch = "UPDATE target_lists SET updated_at = ? WHERE id = ?";
constexpr std::string_view kDelete = "DELETE FROM target_lists WHERE id = ?";

TargetList Read(const db::Row& r) {
  TargetList t;
  t.id = r.Int(0);
  t.name = r.Str(1);
  t.description = r.OptStr(2);
  t.created_by = r.OptInt(3);
  t.created_by_name = r.OptStr(4);
  t.created_at = r.Int(5);
  t.updated_at = r.Int(6);
  return t;
}

std::optional<TargetList> Load(db::Transaction& tx, std::int64_t id) {
  std::optional<TargetList> out;
  tx.Query(std::string(kSelect) + " WHERE t.id = ?", {id}, [&](const db::Row& r) { out = Read(r); });
  return out;
}

Status MayUse(const Principal& p) {
  if (p.role == Role::kAgent) return Error::Forbidden("agents do not use target lists; ask a marketer or a manager");
  return {};
}

bool MayChange(const Principal& p, const TargetList& list) {
  return p.role == Role::kAdmin || list.created_by == p.user_id;
}

// 422 for a missing or long name or description, 409 for a name another list has.
Status Check(db::Transaction& tx, const TargetList& list, FieldErrors errors) {
  if (list.name.empty() && !errors.Has("name")) errors.Add("name", "is required", "required");
  if (!errors.empty()) return errors.ToError();
  std::optional<std::string> holder;
  tx.Query(kNamed, {text::Fold(list.name), list.id ? std::optional(list.id) : std::nullopt},
           [&](const db::Row& r) { holder = r.Str(0); });
  if (holder) return Error::Conflict("a target list named " + *holder + " exists", "list_name_taken", {{"name", *holder}});
  return {};
}

}  // namespace

nlohmann::json ToJson(const TargetList& t, const Principal& viewer) {
  return {{"id", t.id},
          {"name", t.name},
          {"description", t.description ? nlohmann::json(*t.description) : nlohmann::json()},
          {"members", t.members},
          {"created_by", t.created_by ? nlohmann::json(*t.created_by) : nlohmann::json()},
          {"created_by_name", t.created_by_name ? nlohmann::json(*t.created_by_name) : nlohmann::json()},
          {"mine", t.created_by == viewer.user_id},
          {"created_at", FormatRfc3339(t.created_at)},
          {"updated_at", FormatRfc3339(t.updated_at)}};
}

nlohmann::json ToJson(const leads::repo::ListAddition& a) {
  return {{"matched", a.added + a.already + a.do_not_contact},
          {"added", a.added},
          {"already", a.already},
          {"do_not_contact", a.do_not_contact}};
}

Result<TargetList> TargetListService::Find(db::Transaction& tx, const Principal& p, std::int64_t id) {
  if (auto ok = MayUse(p); !ok) return std::move(ok).error();
  auto list = Load(tx, id);
  if (!list) return Error::NotFound("no target list has id " + std::to_string(id));
  return *list;
}

Result<std::vector<TargetList>> TargetListService::List(const Principal& p) {
  if (auto ok = MayUse(p); !ok) return std::move(ok).error();
  auto tx = db_.BeginRead();
  std::vector<TargetList> out;
  tx->Query(std::string(kSelect) + " ORDER BY t.name_fold, t.id", {}, [&](const db::Row& r) { out.push_back(Read(r)); });
  for (auto& list : out) list.members = leads::repo::CountListMembers(*tx, list.id, leads::ScopeOf(p));
  return out;
}

Result<TargetList> TargetListService::Get(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginRead();
  auto list = Find(*tx, p, id);
  if (list) list->members = leads::repo::CountListMembers(*tx, id, leads::ScopeOf(p));
  return list;
}

Result<TargetList> TargetListService::Create(const Principal& p, const TargetListInput& in, FieldErrors errors) {
  if (auto ok = MayUse(p); !ok) return std::move(ok).error();
  const Millis now = clock_.Now();
  TargetList list;
  list.name = in.name.value_or("");
  if (in.description) list.description = *in.description;
  list.created_by = p.user_id > 0 ? std::optional(p.user_id) : std::nullopt;
  list.created_at = list.updated_at = now;
  auto tx = db_.BeginWrite();
  if (auto ok = Check(*tx, list, std::move(errors)); !ok) return std::move(ok).error();
  list.id = tx->QueryInt(kInsert, {list.name, text::Fold(list.name), list.description, list.created_by, now, now})
                .value();
  audit::Record(*tx, audit::ActorOf(p), "target_list", list.id, {{"create", std::nullopt, std::nullopt, list.name}},
                now);
  tx->Commit();
  list.created_by_name = p.full_name;
  return list;
}

Result<TargetList> TargetListService::Update(const Principal& p, std::int64_t id, const TargetListInput& in,
                                             FieldErrors errors) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto list = Find(*tx, p, id);
  if (!list) return list;
  if (!MayChange(p, *list)) return Error::Forbidden("only who made a target list, or an admin, changes it");
  const std::string before = list->name;
  if (in.name) list->name = *in.name;
  if (in.description) list->description = *in.description;
  list->updated_at = now;
  if (auto ok = Check(*tx, *list, std::move(errors)); !ok) return std::move(ok).error();
  tx->Execute(kUpdate, {list->name, text::Fold(list->name), list->description, now, id});
  if (before != list->name) {
    audit::Record(*tx, audit::ActorOf(p), "target_list", id, {{"update", "name", before, list->name}}, now);
  }
  list->members = leads::repo::CountListMembers(*tx, id, leads::ScopeOf(p));
  tx->Commit();
  return list;
}

Status TargetListService::Delete(const Principal& p, std::int64_t id) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto list = Find(*tx, p, id);
  if (!list) return std::move(list).error();
  if (!MayChange(p, *list)) return Error::Forbidden("only who made a target list, or an admin, deletes it");
  tx->Execute(kDelete, {id});
  leads::repo::ListsChanged(*tx);
  audit::Record(*tx, audit::ActorOf(p), "target_list", id, {{"delete", std::nullopt, list->name, std::nullopt}}, now);
  tx->Commit();
  return {};
}

void TargetListService::Added(db::Transaction& tx, const Principal& p, std::int64_t id,
                              const leads::repo::ListAddition& addition, const std::string& from, Millis now) {
  if (addition.added == 0) return;
  tx.Execute(kTouch, {now, id});
  audit::Record(tx, audit::ActorOf(p), "target_list", id,
                {{"update", "members", std::nullopt, fmt::format("+{} {}", addition.added, from)}}, now);
}

Result<db::TransactionPtr> TargetListService::SelectLeads(const Principal& p, std::int64_t id,
                                                         const leads::Selection& selection, Millis now) {
  if (auto ok = MayUse(p); !ok) return std::move(ok).error();
  FieldErrors errors;
  leads::LeadService::CheckSelection(selection, errors);
  if (!errors.empty()) return errors.ToError();
  auto tx = db_.BeginWrite();
  if (auto list = Find(*tx, p, id); !list) return std::move(list).error();
  auto selected = leads_.SelectTargets(*tx, p, selection, now);
  if (!selected) return std::move(selected).error();
  return tx;
}

Result<leads::repo::ListAddition> TargetListService::AddLeads(const Principal& p, std::int64_t id,
                                                              const leads::Selection& selection) {
  const Millis now = clock_.Now();
  auto tx = SelectLeads(p, id, selection, now);
  if (!tx) return std::move(tx).error();
  auto addition = leads::repo::AddTargetsToList(**tx, id);
  Added(**tx, p, id, addition, selection.filter ? "by filter" : "by selection", now);
  (*tx)->Commit();
  return addition;
}

Result<leads::repo::ListAddition> TargetListService::AddImport(db::Transaction& tx, const Principal& p,
                                                               std::int64_t id, std::int64_t import_id) {
  if (auto ok = MayUse(p); !ok) return std::move(ok).error();
  if (!Load(tx, id)) {
    return Error::NotFound("no target list has id " + std::to_string(id));
  }
  leads_.SelectImportTargets(tx, p, import_id);
  auto addition = leads::repo::AddTargetsToList(tx, id);
  Added(tx, p, id, addition, "from import " + std::to_string(import_id), clock_.Now());
  return addition;
}

Result<std::int64_t> TargetListService::RemoveLeads(const Principal& p, std::int64_t id,
                                                    const leads::Selection& selection) {
  const Millis now = clock_.Now();
  auto tx = SelectLeads(p, id, selection, now);
  if (!tx) return std::move(tx).error();
  const std::int64_t removed = leads::repo::RemoveTargetsFromList(**tx, id);
  if (removed > 0) {
    (*tx)->Execute(kTouch, {now, id});
    audit::Record(**tx, audit::ActorOf(p), "target_list", id,
                  {{"update", "members", fmt::format("-{}", removed), std::nullopt}}, now);
  }
  (*tx)->Commit();
  return removed;
}

Status TargetListService::RemoveLead(const Principal& p, std::int64_t id, std::int64_t lead_id) {
  leads::Selection one;
  one.ids = {lead_id};
  auto removed = RemoveLeads(p, id, one);
  if (!removed) return std::move(removed).error();
  if (*removed == 0) {
    return Error::NotFound("lead " + std::to_string(lead_id) + " is not in target list " + std::to_string(id));
  }
  return {};
}

Result<Page<leads::Lead>> TargetListService::Members(const Principal& p, std::int64_t id, leads::QueryParams params,
                                                     PageRequest page) {
  {
    auto tx = db_.BeginRead();
    if (auto list = Find(*tx, p, id); !list) return std::move(list).error();
  }
  std::erase_if(params, [](const auto& kv) { return kv.first == "target_list_id"; });
  params.emplace_back("target_list_id", std::to_string(id));
  return leads_.List(p, params, page);
}

}  // namespace sen::targetlists
