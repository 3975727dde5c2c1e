// Note use cases and their SQL (small enough to keep together: the repository is the
// anonymous namespace below).
#include "modules/notes/note_service.h"

#include "modules/audit/audit.h"
#include "text/fold.h"

namespace sen::notes {

namespace {

#define SEN_NOTE_COLUMNS "id, parent_type, parent_id, body, created_by, created_at, updated_at"
constexpr std::string_view kFind = "SELECT " SEN_NOTE_COLUMNS " FROM notes WHERE id = ?";
constexpr std::string_view kLatest = "SELECT " SEN_NOTE_COLUMNS
                                     " FROM notes WHERE parent_type = ? AND parent_id = ? "
                                     "ORDER BY created_at DESC, id DESC LIMIT ?";
#undef SEN_NOTE_COLUMNS
constexpr std::string_view kCount = "SELECT COUNT(*) FROM notes WHERE parent_type = ? AND parent_id = ?";
constexpr std::string_view kInsert = R"~(
INSERT INTO notes (parent_type, parent_id, body, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
RETURNING id)~";
constexpr std::string_view kUpdate = "UPDATE notes SET body = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kDelete = "DELETE FROM notes WHERE id = ?";
constexpr std::int64_t kAllNotes = 1000;

Note Read(const db::Row& r) {
  return {r.Int(0), r.Str(1), r.Int(2), r.Str(3), r.OptInt(4), r.Int(5), r.Int(6), std::nullopt};
}

Status CheckBody(const std::string& body) {
  if (body.empty()) return Error::Field("body", "is required", "required");
  if (text::Utf8Length(body) > 10'000) return Error::Field("body", "must have at most 10000 characters", "too_long");
  return {};
}

}  // namespace

nlohmann::json ToJson(const Note& n) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  return {{"id", n.id},
          {"parent_type", n.parent_type},
          {"parent_id", n.parent_id},
          {"body", n.body},
          {"created_by", opt(n.created_by)},
          {"author_name", opt(n.author_name)},
          {"created_at", FormatRfc3339(n.created_at)},
          {"updated_at", FormatRfc3339(n.updated_at)}};
}

void NoteService::Name(db::Transaction& tx, Note& n, std::map<std::int64_t, std::optional<std::string>>& names) {
  if (!n.created_by) return;
  auto [it, inserted] = names.try_emplace(*n.created_by);
  if (inserted) {
    if (auto u = users_.Find(tx, *n.created_by)) it->second = u->full_name;
  }
  n.author_name = it->second;
}

leads::ActivityParent* NoteService::Parent(std::string_view parent_type) {
  if (parent_type == "lead") return &leads_;
  return parent_type == "target" ? targets_ : nullptr;
}

Result<Note> NoteService::Create(const Principal& p, std::string_view parent_type, std::int64_t parent_id,
                                 std::string body) {
  auto* parent = Parent(parent_type);
  if (!parent) return Error::Field("parent_type", "must be lead or target", "unknown_value");
  if (auto ok = CheckBody(body); !ok) return std::move(ok).error();
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto lead = parent->FindForActivity(*tx, p, parent_id);
  if (!lead) return std::move(lead).error();
  Note n{0, std::string(parent_type), parent_id, std::move(body),
         p.user_id > 0 ? std::optional(p.user_id) : std::nullopt, now, now, std::nullopt};
  n.id = tx->QueryInt(kInsert, {n.parent_type, n.parent_id, n.body, n.created_by, now, now}).value();
  audit::Record(*tx, audit::ActorOf(p), "note", n.id, {{"create", std::nullopt, std::nullopt, std::nullopt}}, now);
  parent->RecordActivity(*tx, p, *lead, now, std::nullopt, now);
  std::map<std::int64_t, std::optional<std::string>> names;
  Name(*tx, n, names);
  tx->Commit();
  return n;
}

Result<Note> NoteService::FindOwn(db::Transaction& tx, const Principal& p, std::int64_t id) {
  std::optional<Note> note;
  tx.Query(kFind, {id}, [&](const db::Row& r) { note = Read(r); });
  auto* parent = note ? Parent(note->parent_type) : nullptr;
  if (!parent || !parent->FindForActivity(tx, p, note->parent_id)) {
    return Error::NotFound("no note has id " + std::to_string(id));
  }
  if (note->created_by != p.user_id && p.role != Role::kAdmin) {
    return Error::Forbidden("only the author of a note or an admin changes it");
  }
  return *note;
}

Result<Note> NoteService::Update(const Principal& p, std::int64_t id, std::string body) {
  if (auto ok = CheckBody(body); !ok) return std::move(ok).error();
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto note = FindOwn(*tx, p, id);
  if (!note) return note;
  tx->Execute(kUpdate, {body, now, id});
  audit::Record(*tx, audit::ActorOf(p), "note", id, {{"update", "body", note->body, body}}, now);
  note->body = std::move(body);
  note->updated_at = now;
  std::map<std::int64_t, std::optional<std::string>> names;
  Name(*tx, *note, names);
  tx->Commit();
  return note;
}

Status NoteService::Delete(const Principal& p, std::int64_t id) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto note = FindOwn(*tx, p, id);
  if (!note) return std::move(note).error();
  tx->Execute(kDelete, {id});
  audit::Record(*tx, audit::ActorOf(p), "note", id, {{"delete", "body", note->body, std::nullopt}}, now);
  tx->Commit();
  return {};
}

Result<std::vector<Note>> NoteService::ForRecord(const Principal& p, std::string_view parent_type, std::int64_t parent_id) {
  auto* parent = Parent(parent_type);
  if (!parent) return Error::Field("parent_type", "must be lead or target", "unknown_value");
  auto tx = db_.BeginRead();
  if (auto lead = parent->FindForActivity(*tx, p, parent_id); !lead) return std::move(lead).error();
  return Latest(*tx, parent_type, parent_id, kAllNotes);
}

std::vector<Note> NoteService::Latest(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id,
                                      std::int64_t limit) {
  std::vector<Note> out;
  tx.Query(kLatest, {parent_type, parent_id, limit}, [&](const db::Row& r) { out.push_back(Read(r)); });
  std::map<std::int64_t, std::optional<std::string>> names;
  for (auto& n : out) Name(tx, n, names);
  return out;
}

std::int64_t NoteService::Count(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id) {
  return tx.QueryInt(kCount, {parent_type, parent_id}).value_or(0);
}

}  // namespace sen::notes
