// Import use cases; see import_service.h for how a run stays all-or-nothing.
#include "modules/imports/import_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <fstream>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/secrets.h"
#include "files/csv_writer.h"
#include "files/xlsx_writer.h"
#include "modules/imports/import_rules.h"
#include "modules/users/user_service.h"

namespace sen::imports {

namespace {

using nlohmann::json;

// A run commits when a chunk reaches either bound. Each commit writes every index page the
// chunk touched to the WAL, and rows of one chunk share pages: 20,000 rows a commit import ~40%
// faster than 2,000 into a million leads. The time bound keeps the other writers' wait short.
constexpr int kChunkRows = 20'000;
constexpr Millis kChunkMillis = 1'000;
constexpr int kTakeBackItems = 2'000;  // undoing a lead costs more than creating it
// The pause between two write transactions of a run or a take-back: another process's writer
// waiting for the lock (the server beside `sen import`, or the other way round) gets its turn.
// Writers in this process queue fairly on the write mutex anyway.
constexpr std::chrono::milliseconds kTurnForOthers{10};
constexpr std::size_t kSampleRows = 5;
constexpr std::size_t kPreviewProblems = 100;
constexpr std::string_view kRestartedMessage = "Sen stopped before the import finished.";
constexpr std::string_view kCancelledMessage =
    "The import was stopped from the command line (Ctrl-C or a stop signal) before it finished.";
constexpr std::string_view kInactiveUserMessage =
    "The user who started the import has been deactivated or may no longer import since.";
constexpr Millis kUploadKept = 7 * 24 * 3'600'000LL;
constexpr std::string_view kExpiredMessage =
    "The file was uploaded more than 7 days ago and never imported; upload it again.";

bool CanImport(const Principal& p) { return p.role != Role::kAgent; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Keys of a row other rows of the same file must not repeat (I4: duplicates inside the file),
// kept as 64-bit hashes (a million rows cost ~40 MB instead of the strings' ~150 MB), each
// mixed with the number of its kind so that an e-mail never meets a name. The row's other phone
// comes last, among the keys it leaves for later rows but not among those it is checked by
// (`checked`): a later row's mobile matches a saved lead's other phone (FindMatch), so the
// preview, which saves nothing, must find that inside the file as the run does.
struct RowKeySet {
  std::vector<std::uint64_t> keys;
  std::size_t checked = 0;
  std::vector<std::string_view> fields;  // of the checked keys, to name a duplicate's
};

RowKeySet RowKeys(const leads::ImportRow& row, const std::vector<std::string>& match_on) {
  RowKeySet set;
  auto& keys = set.keys;
  auto add = [&](std::uint64_t kind, std::string_view value) {
    keys.push_back(std::hash<std::string_view>{}(value) * 0x9E3779B97F4A7C15ULL + kind);
  };
  const leads::Lead& l = row.lead;
  for (const auto& on : match_on) {
    if (on == "id" && row.id) keys.push_back(static_cast<std::uint64_t>(*row.id) * 0x9E3779B97F4A7C15ULL);
    if (on == "mobile" && l.mobile_e164) add(1, *l.mobile_e164);
    if (on == "email" && l.email) add(2, *l.email);
    if (on == "full_name" && !l.name_fold.empty()) add(3, l.name_fold);
    set.fields.resize(keys.size(), on);
  }
  set.checked = keys.size();
  const bool by_mobile = std::find(match_on.begin(), match_on.end(), "mobile") != match_on.end();
  if (by_mobile && l.phone_e164) add(1, *l.phone_e164);
  return set;
}

RowProblem ProblemOf(std::int64_t row, const Error& e, const std::vector<std::string>& cells) {
  if (e.details.empty()) return {row, "", e.message, "", cells};
  const FieldError& first = e.details.front();
  RowProblem problem{row, first.field, first.Text(), first.reason, cells};
  problem.more.assign(e.details.begin() + 1, e.details.end());
  return problem;
}

std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A preset is changed by who saved it, or an admin (one whose maker is gone is anyone's).
bool MayChangePreset(const Principal& p, const repo::Preset& preset) {
  return p.role == Role::kAdmin || !preset.created_by || *preset.created_by == p.user_id;
}

}  // namespace

json ToJson(const Import& i) {
  auto opt = [](const auto& v) { return v ? json(*v) : json(); };
  auto time = [](const std::optional<Millis>& t) { return t ? json(FormatRfc3339(*t)) : json(); };
  return {{"id", i.id},
          {"entity", i.entity},
          {"filename", i.filename},
          {"format", i.format},
          {"sheet", opt(i.sheet)},
          {"sheets", i.sheets},
          {"columns", i.columns},
          {"sample", i.sample},
          {"suggested_mapping", i.suggested_mapping},
          {"mapping", i.mapping},
          {"mode", i.mode},
          {"match_on", i.match_on},
          {"defaults", i.defaults},
          {"auto_assign", i.auto_assign},
          {"status", i.status},
          {"rows_estimate", i.rows_estimate},
          {"total", i.rows_estimate},
          {"processed", i.processed},
          {"created", i.created},
          {"updated", i.updated},
          {"unchanged", i.unchanged},
          {"duplicate", i.duplicate},
          {"error", i.error},
          {"failure", opt(i.failure)},
          {"failure_reason", opt(i.failure_reason)},
          {"in_trash", i.in_trash},
          {"created_by", opt(i.created_by)},
          {"created_at", FormatRfc3339(i.created_at)},
          {"started_at", time(i.started_at)},
          {"finished_at", time(i.finished_at)}};
}

json ToJson(const Preview& p) {
  json problems = json::array();
  for (const auto& r : p.problems) {
    problems.push_back({{"row", r.row}, {"field", r.field}, {"message", r.message}, {"reason", r.reason}});
    for (const auto& m : r.more) {
      problems.push_back(
          {{"row", r.row}, {"field", m.field}, {"message", m.Text()}, {"reason", m.reason}});
    }
  }
  json duplicates = json::array();
  for (const auto& r : p.duplicates) {
    duplicates.push_back(
        {{"row", r.row}, {"field", r.field}, {"message", r.message}, {"reason", r.reason}, {"detail", r.detail}});
  }
  return {{"create", p.create},
          {"update", p.update},
          {"unchanged", p.unchanged},
          {"duplicate", p.duplicate},
          {"error", p.error},
          {"problems", std::move(problems)},
          {"duplicates", std::move(duplicates)}};
}

ImportService::ImportService(db::Database& db, const Clock& clock, users::UserService& users,
                             leads::LeadService& leads, std::filesystem::path files_dir, files::ReadLimits limits)
    : db_(db), clock_(clock), users_(users), leads_(leads), files_dir_(std::move(files_dir)), limits_(limits) {}

ImportService::~ImportService() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void ImportService::StartWorker() {
  // Queued behind another and never begun: nothing of theirs was written, so they run in their
  // turn, after the take-backs and before any import started from now on.
  std::vector<std::int64_t> started;
  std::vector<Import> waiting;
  {
    auto tx = db_.BeginRead();
    for (auto id : repo::WithStatus(*tx, "running")) {
      auto imp = repo::Find(*tx, id);
      if (imp->started_at) {
        started.push_back(id);
      } else {
        waiting.push_back(std::move(*imp));
      }
    }
  }
  queue_.push_back([this, started] { Recover(started); });
  for (auto& imp : waiting) {
    spdlog::info("import {} was queued when Sen stopped; it runs again", imp.id);
    queue_.push_back([this, imp] { Execute(imp); });
  }
  worker_ = std::thread([this] { Work(); });
}

void ImportService::Post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void ImportService::Work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;  // queued runs stay "running" and are taken back at the next start
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      job();
    } catch (const std::exception& e) {  // a full disk while taking a run back: the next start goes on
      spdlog::error("imports: {}", e.what());
    }
  }
}

void ImportService::Recover(const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> undoing;
  {
    auto tx = db_.BeginRead();
    undoing = repo::WithStatus(*tx, "undoing");
  }
  for (auto id : undoing) {
    spdlog::warn("import {} was being undone when Sen stopped; going on", id);
    try {
      FinishUndo(id, users::UserService::System());
    } catch (const std::exception& e) {  // left undoing: the next start tries again
      spdlog::error("import {}: undoing it failed: {}", id, e.what());
    }
  }
  for (auto id : ids) {
    spdlog::warn("import {} did not finish before Sen stopped; taking it back", id);
    try {
      // Marked first: a `sen import` still running it (on the same database) stops at its next
      // chunk rather than write on behind the take-back; one that finished meanwhile is kept.
      const auto why = MarkTakingBack(id, Failure{"restarted", std::string(kRestartedMessage)});
      if (!why) continue;
      if (!TakeBack(id, users::UserService::System())) return;  // stopping again: the next start goes on
      Fail(id, *why);
    } catch (const std::exception& e) {  // left running: the next start tries again
      spdlog::error("import {}: taking it back failed: {}", id, e.what());
    }
  }
}

std::optional<Principal> ImportService::Runner(const Import& imp) {
  if (!imp.created_by) return std::nullopt;
  auto tx = db_.BeginRead();
  auto user = users_.FindActive(*tx, *imp.created_by);
  if (!user) return std::nullopt;
  Principal p = users::PrincipalOf(*user, Channel::kImport);
  if (!CanImport(p)) return std::nullopt;
  return p;
}

void ImportService::Tell(const Import& imp) {
  if (!events_ || !imp.created_by) return;
  json progress = ToJson(imp);
  for (auto it = progress.begin(); it != progress.end();) {
    static constexpr std::string_view kShown[] = {"id",       "status",   "total",          "processed",
                                                  "created",  "updated",  "unchanged",      "duplicate", "error",
                                                  "failure",  "in_trash", "failure_reason", "started_at",
                                                  "finished_at"};
    if (std::find(std::begin(kShown), std::end(kShown), it.key()) == std::end(kShown)) {
      it = progress.erase(it);
    } else {
      ++it;
    }
  }
  events_->Publish(*imp.created_by, "import_progress", progress);
}

void ImportService::Fail(std::int64_t id, const Failure& failure) {
  auto tx = db_.BeginWrite();
  auto imp = repo::Find(*tx, id);
  imp->status = "failed";
  imp->failure_reason = failure.reason;
  imp->failure = failure.message;
  imp->created = imp->updated = imp->unchanged = 0;
  imp->finished_at = clock_.Now();
  repo::Save(*tx, *imp);
  tx->Commit();
  Tell(*imp);
  RemoveUpload(*imp);  // it cannot run again
}

void ImportService::RemoveUpload(const Import& imp) {
  // A file the command line named is the user's own.
  if (const std::filesystem::path file = imp.file_path; file.parent_path() == files_dir_) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
  }
}

void ImportService::ExpireUploads() {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto expired = repo::PendingBefore(*tx, now - kUploadKept);
  for (auto& imp : expired) {
    imp.status = "failed";
    imp.failure_reason = "expired";
    imp.failure = std::string(kExpiredMessage);
    imp.finished_at = now;
    repo::Save(*tx, imp);
  }
  tx->Commit();
  for (const auto& imp : expired) RemoveUpload(imp);
}

Result<Import> ImportService::Load(db::Transaction& tx, const Principal& p, std::int64_t id) {
  if (!CanImport(p)) return Error::Forbidden("agents cannot import");
  auto imp = repo::Find(tx, id);
  if (!imp) return Error::NotFound("no import has id " + std::to_string(id));
  if (p.role != Role::kAdmin && imp->created_by != p.user_id) {
    return Error::Forbidden("import " + std::to_string(id) + " belongs to another user");
  }
  return *imp;
}

void ImportService::Inspect(Import& imp) {
  imp.format = files::DetectFormat(imp.file_path) == files::Format::kXlsx ? "xlsx" : "csv";
  if (imp.format == "xlsx") {
    imp.sheets = files::SheetNames(imp.file_path, limits_);
    if (!imp.sheet && !imp.sheets.empty()) imp.sheet = imp.sheets.front().get<std::string>();
  }
  auto reader = files::OpenTable(imp.file_path, {limits_, imp.sheet.value_or("")});
  std::vector<std::string> cells;
  if (!reader->Next(cells)) throw files::FileError("the file is empty: its first row should name the columns");
  auto headers = UniqueHeaders(cells);
  imp.columns = headers;
  imp.sample = json::array();
  imp.rows_estimate = 0;
  while (reader->Next(cells)) {
    if (imp.sample.size() < kSampleRows) {
      cells.resize(headers.size());
      imp.sample.push_back(cells);
    }
    ++imp.rows_estimate;
  }
  json suggested = json::object();
  for (const auto& [column, field] : SuggestMapping(headers, Sink(imp.entity).ImportFields())) {
    suggested[column] = field;
  }
  imp.suggested_mapping = suggested;
  imp.mapping = suggested;
  // I9: a column of lead IDs makes the file an edited export: its rows update the leads they
  // name, and rows added to it are still checked on mobile and e-mail (the user may choose
  // otherwise). A column of other codes ("HV001") leaves the import creating.
  for (std::size_t c = 0; c < headers.size(); ++c) {
    if (suggested.value(headers[c], "") != "id") continue;
    std::vector<std::string> column;
    for (const auto& row : imp.sample) column.push_back(row[c].get<std::string>());
    const bool edited_export = leads::AllLeadIds(column);
    imp.mode = edited_export ? "create_update" : "create";
    imp.match_on = edited_export ? json::array({"id", "mobile", "email"}) : json::array({"mobile", "email"});
  }
}

Result<Import> ImportService::Upload(const Principal& p, std::string_view entity, std::string_view filename,
                                     std::string_view bytes, std::string_view sheet) {
  if (!CanImport(p)) return Error::Forbidden("agents cannot import");
  if (auto ok = CheckEntity(entity); !ok) return ok.error();
  if (bytes.size() > limits_.max_file_bytes) {
    return Error{ErrorCode::kPayloadTooLarge,
                 fmt::format("the file is larger than the limit of {} MB", limits_.max_file_bytes >> 20)};
  }
  ExpireUploads();
  std::filesystem::create_directories(files_dir_);
  std::string ext = std::filesystem::path(filename).extension().string();
  if (ext.size() > 8) ext.clear();
  const auto path = files_dir_ / (RandomToken(12) + ext);
  {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Error{ErrorCode::kInternal, "could not store the uploaded file"};
  }
  auto imp = Register(p, entity, filename.empty() ? "upload" : filename, path, sheet);
  if (!imp) std::filesystem::remove(path);
  return imp;
}

leads::ImportSink& ImportService::Sink(std::string_view entity) {
  return entity == "targets" && targets_ ? *targets_ : static_cast<leads::ImportSink&>(leads_);
}

Status ImportService::CheckEntity(std::string_view entity) const {
  if (entity == "leads" || (entity == "targets" && targets_)) return {};
  return Error::Field("entity", "must be leads or targets", "unknown_value");
}

Result<Import> ImportService::OpenFile(const Principal& p, std::string_view entity, const std::filesystem::path& path) {
  if (auto ok = CheckEntity(entity); !ok) return ok.error();
  return Register(p, entity, path.filename().string(), std::filesystem::absolute(path), "");
}

Result<Import> ImportService::Register(const Principal& p, std::string_view entity, std::string_view filename,
                                       const std::filesystem::path& path, std::string_view sheet) {
  Import imp;
  imp.entity = std::string(entity);
  imp.filename = std::string(filename);
  imp.file_path = path.string();
  if (!sheet.empty()) imp.sheet = std::string(sheet);
  imp.created_by = p.user_id > 0 ? std::optional(p.user_id) : std::nullopt;
  imp.created_at = clock_.Now();
  try {
    Inspect(imp);
  } catch (const files::FileError& e) {
    return Error::Field("file", e.what(), "invalid_file");
  }
  auto tx = db_.BeginWrite();
  imp.id = repo::Insert(*tx, imp);
  tx->Commit();
  return imp;
}

Result<Import> ImportService::Get(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginRead();
  return Load(*tx, p, id);
}

Result<Page<Import>> ImportService::List(const Principal& p, PageRequest page) {
  if (!CanImport(p)) return Error::Forbidden("agents cannot import");
  auto tx = db_.BeginRead();
  return repo::List(*tx, p.role == Role::kAdmin ? std::nullopt : std::optional(p.user_id), page);
}

leads::ImportSettings ImportService::Settings(const Import& imp) {
  leads::ImportSettings s;
  s.update_matches = imp.mode == "create_update";
  s.auto_assign = imp.auto_assign;
  for (const auto& m : imp.match_on) s.match_on.push_back(m.get<std::string>());
  const json& d = imp.defaults;
  if (d.contains("owner_id") && d["owner_id"].is_number_integer()) s.default_owner_id = d["owner_id"].get<std::int64_t>();
  if (d.contains("campaign_id") && d["campaign_id"].is_number_integer()) {
    s.default_campaign_id = d["campaign_id"].get<std::int64_t>();
  }
  if (d.contains("source") && d["source"].is_string()) s.default_source = d["source"].get<std::string>();
  if (d.contains("tags") && d["tags"].is_array()) {
    for (const auto& t : d["tags"]) s.default_tags.push_back(t.get<std::string>());
  }
  return s;
}

Result<Import> ImportService::Configure(const Principal& p, std::int64_t id, const json& body) {
  // Another sheet is read (every row, to count them) before the write transaction, which other
  // writers would wait for meanwhile.
  std::optional<Import> inspected;
  std::optional<std::string> sheet_error;
  json read_before;  // the import as the sheet was read against it
  if (auto it = body.find("sheet"); it != body.end() && it->is_string()) {
    Import before;
    {
      auto tx = db_.BeginRead();
      auto loaded = Load(*tx, p, id);
      if (!loaded) return loaded;
      before = std::move(loaded).value();
    }
    const bool known = std::find(before.sheets.begin(), before.sheets.end(), *it) != before.sheets.end();
    if (before.status == "pending" && known && *it != before.sheet) {
      read_before = ToJson(before);
      inspected = before;
      inspected->sheet = it->get<std::string>();
      try {
        Inspect(*inspected);
      } catch (const files::FileError& e) {
        sheet_error = e.what();
      }
    }
  }
  auto tx = db_.BeginWrite();
  auto loaded = Load(*tx, p, id);
  if (!loaded) return loaded;
  Import imp = std::move(loaded).value();
  if (auto pending = CheckPending(imp); !pending) return std::move(pending).error();
  // Another request saved a setting while the sheet was read: starting from the sheet's copy
  // would drop it.
  if (inspected && ToJson(imp) != read_before) {
    return Error::Conflict("import " + std::to_string(id) + " changed meanwhile; try again", "import_changed");
  }
  FieldErrors errors;
  for (const auto& [key, value] : body.items()) {
    if (key != "mapping" && key != "mode" && key != "match_on" && key != "defaults" && key != "sheet" &&
        key != "auto_assign") {
      errors.Add(key, "is not an import setting", "unknown_field");
    }
  }
  if (auto it = body.find("sheet"); it != body.end()) {
    bool known = it->is_string() && std::find(imp.sheets.begin(), imp.sheets.end(), *it) != imp.sheets.end();
    if (!known) {
      errors.Add("sheet", "must be one of the file's sheets: " + imp.sheets.dump(), "unknown_value");
    } else if (*it != imp.sheet) {
      if (sheet_error) {
        errors.Add("sheet", *sheet_error, "invalid_file");
      } else if (!inspected) {  // another change of sheet came between the read and now
        return Error::Conflict("import " + std::to_string(id) + " changed meanwhile; try again", "import_changed");
      } else {
        imp = std::move(*inspected);
      }
    }
  }
  if (auto it = body.find("mapping"); it != body.end()) {
    if (!it->is_object()) {
      errors.Add("mapping", "must be an object of column: field", "wrong_type");
    } else {
      const auto fields = Sink(imp.entity).ImportFields();
      std::map<std::string, std::string> used;
      json mapping = json::object();
      for (const auto& c : imp.columns) mapping[c.get<std::string>()] = "";
      for (const auto& [column, field] : it->items()) {
        const std::string where = "mapping." + column;
        if (!mapping.contains(column)) {
          errors.Add(where, "is not a column of the file", "unknown_column");
        } else if (!field.is_string()) {
          errors.Add(where, "must be a field name or \"\" to ignore the column", "wrong_type");
        } else if (const auto& name = field.get_ref<const std::string&>(); !name.empty()) {
          bool known =
              std::any_of(fields.begin(), fields.end(), [&](const leads::ImportField& f) { return f.name == name; });
          if (!known) {
            errors.Add(where, "\"" + name + "\" is not a field an import can fill", "unknown_field");
          } else if (auto [u, fresh] = used.emplace(name, column); !fresh) {
            errors.Add(where, "\"" + name + "\" is already filled from column \"" + u->second + "\"", "duplicate_field");
          } else {
            mapping[column] = name;
          }
        }
      }
      imp.mapping = std::move(mapping);
    }
  }
  if (auto it = body.find("mode"); it != body.end()) {
    if (*it != "create" && *it != "create_update") {
      errors.Add("mode", "must be create or create_update", "unknown_value");
    } else {
      imp.mode = it->get<std::string>();
    }
  }
  if (auto it = body.find("match_on"); it != body.end()) {
    static const std::set<std::string> kKeys = {"id", "mobile", "email", "full_name"};
    bool ok = it->is_array() && std::all_of(it->begin(), it->end(), [](const json& v) {
                return v.is_string() && kKeys.count(v.get<std::string>());
              });
    if (!ok) {
      errors.Add("match_on", "must be a list of: id, mobile, email, full_name", "unknown_value");
    } else {
      imp.match_on = *it;
    }
  }
  if (auto it = body.find("auto_assign"); it != body.end()) {
    if (!it->is_boolean()) {
      errors.Add("auto_assign", "must be true or false", "wrong_type");
    } else {
      imp.auto_assign = it->get<bool>();
    }
  }
  if (auto it = body.find("defaults"); it != body.end()) {
    if (!it->is_object()) {
      errors.Add("defaults", "must be an object", "wrong_type");
    } else {
      json defaults = json::object();
      for (const auto& [key, value] : it->items()) {
        const std::string where = "defaults." + key;
        if (key == "owner_id" || key == "campaign_id") {
          if (!value.is_null() && !(value.is_number_integer() && value.get<std::int64_t>() > 0)) {
            errors.Add(where, "must be an id or null", "wrong_type");
          }
        } else if (key == "source") {
          if (!value.is_null() && !value.is_string()) errors.Add(where, "must be text or null", "wrong_type");
        } else if (key == "tags") {
          bool ok = value.is_array() && std::all_of(value.begin(), value.end(), [](const json& t) { return t.is_string(); });
          if (!ok) errors.Add(where, "must be a list of tags", "wrong_type");
        } else {
          errors.Add(where, "is not a default an import can set", "unknown_field");
          continue;
        }
        defaults[key] = value;
      }
      imp.defaults = std::move(defaults);
    }
  }
  if (!errors.empty()) return errors.ToError();
  if (auto ctx = Sink(imp.entity).BeginImport(*tx, p, Settings(imp)); !ctx) return std::move(ctx).error();
  repo::Save(*tx, imp);
  tx->Commit();
  return imp;
}

Status ImportService::CheckPending(const Import& imp) {
  if (imp.status == "pending") return {};
  if (imp.failure_reason == "expired") return Error::Conflict(std::string(kExpiredMessage), "import_expired");
  return Error::Conflict("import " + std::to_string(imp.id) + " has already run", "import_ran");
}

Status ImportService::CheckReady(const Import& imp) {
  auto mapped = [&](std::string_view field) {
    return std::any_of(imp.mapping.begin(), imp.mapping.end(), [&](const json& v) { return v == field; });
  };
  if (mapped("full_name")) return {};
  if (imp.mode != "create_update" || !mapped("id")) {
    return Error::Field("mapping", "no column is mapped to the full name (Họ và tên)", "required");
  }
  // Rows without a name can only update the lead their ID names.
  if (std::find(imp.match_on.begin(), imp.match_on.end(), "id") == imp.match_on.end()) {
    return Error::Field("match_on", "must include id when no column is mapped to the full name", "required");
  }
  return {};
}

Status ImportService::Process(Import& imp, const Principal& p, bool write, Preview* preview) {
  std::optional<leads::ImportContext> ctx;
  leads::ImportSink& sink = Sink(imp.entity);
  {
    auto tx = db_.BeginRead();
    auto begun = sink.BeginImport(*tx, p, Settings(imp));
    if (!begun) return std::move(begun).error();
    ctx = std::move(begun).value();
  }
  auto reader = files::OpenTable(imp.file_path, {limits_, imp.sheet.value_or("")});
  std::vector<std::string> cells;
  if (!reader->Next(cells)) throw files::FileError("the file is empty");
  const auto headers = UniqueHeaders(cells);
  std::vector<std::pair<std::size_t, std::string>> columns;  // column index -> field
  for (std::size_t i = 0; i < headers.size(); ++i) {
    auto it = imp.mapping.find(headers[i]);
    if (it != imp.mapping.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
      columns.emplace_back(i, it->get<std::string>());
    }
  }

  std::unordered_map<std::uint64_t, std::int64_t> seen;  // key -> the first row that had it
  std::vector<std::pair<std::string_view, std::string_view>> values;
  db::TransactionPtr tx = write ? nullptr : db_.BeginRead();
  bool more = true;
  while (more) {
    if (write) {
      if (cancelled_) throw Cancelled{};  // before the first chunk too: nothing written yet
      tx.reset();  // the last chunk's transaction holds the writer until it is gone
      tx = db_.BeginWrite();
      // A server that started meanwhile is taking this run back (`sen import` runs beside it).
      if (repo::Find(*tx, imp.id)->failure_reason) throw Interrupted{};
    }
    const Millis now = clock_.Now();
    const auto chunk_end = std::chrono::steady_clock::now() + std::chrono::milliseconds(kChunkMillis);
    auto chunk_full = [&](int n) {
      if (n >= kChunkRows) return true;
      return write && n > 0 && n % 256 == 0 && std::chrono::steady_clock::now() > chunk_end;
    };
    for (int n = 0; !chunk_full(n) && (more = reader->Next(cells)); ++n) {
      const auto row_number = static_cast<std::int64_t>(reader->RowNumber());
      ++imp.processed;
      auto reject = [&](RowProblem problem) {
        ++imp.error;
        if (write) {
          repo::AddProblem(*tx, imp.id, problem);
        } else if (preview->problems.size() < kPreviewProblems) {
          preview->problems.push_back(std::move(problem));
        }
      };
      // A duplicate goes to the rejected rows' file too, with what it repeats.
      auto skip = [&](RowProblem problem) {
        ++imp.duplicate;
        if (write) {
          repo::AddProblem(*tx, imp.id, problem);
        } else if (preview->duplicates.size() < kPreviewProblems) {
          preview->duplicates.push_back(std::move(problem));
        }
      };
      values.clear();
      for (const auto& [col, field] : columns) {
        if (col >= cells.size()) continue;
        if (auto v = Trim(cells[col]); !v.empty()) values.emplace_back(field, v);
      }
      if (values.empty()) {
        reject({row_number, "", "none of the mapped columns has a value", "empty_row", cells});
        continue;
      }
      auto row = sink.PrepareImportRow(*tx, *ctx, values, now);
      if (!row) {
        reject(ProblemOf(row_number, row.error(), cells));
        continue;
      }
      const auto [keys, checked, key_fields] = RowKeys(*row, ctx->settings.match_on);
      const auto repeated = std::find_if(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(checked),
                                         [&](std::uint64_t k) { return seen.count(k) > 0; });
      if (repeated != keys.begin() + static_cast<std::ptrdiff_t>(checked)) {
        const std::string earlier = std::to_string(seen.at(*repeated));
        skip({row_number, std::string(key_fields[static_cast<std::size_t>(repeated - keys.begin())]),
              "repeats row " + earlier + " of the file", "duplicate_in_file", cells, {}, earlier});
        continue;
      }
      auto decision = sink.ApplyImportRow(*tx, *ctx, *row, write, now);
      if (!decision) {
        reject(ProblemOf(row_number, decision.error(), cells));
        continue;
      }
      for (const auto k : keys) seen.emplace(k, row_number);
      switch (decision->action) {
        case leads::ImportAction::kCreate:
          ++imp.created;
          if (write) repo::AddItem(*tx, imp.id, decision->lead_id, "create", std::nullopt);
          break;
        case leads::ImportAction::kUpdate:
          ++(decision->changed ? imp.updated : imp.unchanged);
          // Unchanged too: the import's leads are all it matched (I7 adds them to a list); the
          // undo gives back only what `before` holds.
          if (write) repo::AddItem(*tx, imp.id, decision->lead_id, "update", decision->before);
          break;
        case leads::ImportAction::kDuplicate: {
          const std::string id = std::to_string(decision->lead_id), record(decision->record);
          skip({row_number, decision->matched_on, "matches " + record + " " + id, "duplicate_" + record, cells, {},
                id});
          break;
        }
      }
    }
    if (write) {
      // The last chunk marks the import done in its own commit: a stop or a kill right after it
      // must not take back an import that has finished.
      if (!more) {
        imp.status = "done";
        imp.finished_at = now;
      }
      repo::Save(*tx, imp);
      tx->Commit();
      tx.reset();
      Tell(imp);
      if (stopping_ && more) throw Interrupted{};
      if (more) std::this_thread::sleep_for(kTurnForOthers);
    }
  }
  if (preview) {
    preview->create = imp.created;
    preview->update = imp.updated;
    preview->unchanged = imp.unchanged;
    preview->duplicate = imp.duplicate;
    preview->error = imp.error;
  }
  return {};
}

Result<Preview> ImportService::MakePreview(const Principal& p, std::int64_t id) {
  auto loaded = Get(p, id);
  if (!loaded) return loaded.error();
  Import imp = std::move(loaded).value();
  if (auto pending = CheckPending(imp); !pending) return std::move(pending).error();
  if (auto ready = CheckReady(imp); !ready) return std::move(ready).error();
  imp.processed = imp.created = imp.updated = imp.unchanged = imp.duplicate = imp.error = 0;
  Preview preview;
  try {
    if (auto done = Process(imp, p, false, &preview); !done) return std::move(done).error();
  } catch (const files::FileError& e) {
    return Error::Field("file", e.what(), "invalid_file");
  }
  return preview;
}

Result<Import> ImportService::Queue(const Principal& p, std::int64_t id, bool here) {
  Import imp;
  {
    auto tx = db_.BeginWrite();
    auto loaded = Load(*tx, p, id);
    if (!loaded) return loaded;
    imp = std::move(loaded).value();
    if (auto pending = CheckPending(imp); !pending) return std::move(pending).error();
    if (auto ready = CheckReady(imp); !ready) return std::move(ready).error();
    imp.status = "running";
    // Queued: started_at waits for the worker. Run here (the command line), it has begun: a
    // server started meanwhile or later must take it back, not run it again.
    if (here) imp.started_at = clock_.Now();
    repo::Save(*tx, imp);
    tx->Commit();
  }
  if (here) {
    Execute(imp);
    return Get(p, id);
  }
  Post([this, imp] { Execute(imp); });
  return imp;
}

Result<Import> ImportService::Start(const Principal& p, std::int64_t id) { return Queue(p, id, false); }
Result<Import> ImportService::RunHere(const Principal& p, std::int64_t id) { return Queue(p, id, true); }

void ImportService::Execute(Import imp) {
  // Imports queued behind this one have no start yet: taking this one back knows they matched
  // none of its leads. Its first chunk's commit records it.
  if (!imp.started_at) imp.started_at = clock_.Now();
  // It runs as its user is now: one deactivated or made an agent since it was queued does not
  // import any more.
  const auto runner = Runner(imp);
  if (!runner) return Fail(imp.id, Failure{"inactive_user", std::string(kInactiveUserMessage)});
  const Principal& p = *runner;
  std::optional<Failure> failure;
  try {
    // Its settings were checked when it was queued; an owner or campaign gone since fails here.
    if (auto done = Process(imp, p, true, nullptr); !done) failure = Failure{"settings", done.error().message};
  } catch (const Interrupted&) {
    return;  // still "running": the next start takes it back
  } catch (const Cancelled&) {
    failure = Failure{"cancelled", std::string(kCancelledMessage)};
  } catch (const files::FileError& e) {
    failure = Failure{"file", e.what()};
  } catch (const std::exception& e) {
    spdlog::error("import {} failed: {}", imp.id, e.what());
    failure = Failure{"internal", e.what()};
  }
  if (!failure) return RemoveUpload(imp);  // its last chunk marked it done and said so
  const auto why = MarkTakingBack(imp.id, *failure);
  if (!why) return;
  if (!TakeBack(imp.id, p)) return;  // stopping: the next start finishes it
  Fail(imp.id, *why);
}

std::optional<ImportService::Failure> ImportService::MarkTakingBack(std::int64_t id, const Failure& failure) {
  auto tx = db_.BeginWrite();
  auto imp = repo::Find(*tx, id);
  if (imp->status != "running") return std::nullopt;
  if (imp->failure_reason) return Failure{*imp->failure_reason, imp->failure.value_or("")};
  imp->failure_reason = failure.reason;
  imp->failure = failure.message;
  repo::Save(*tx, *imp);
  tx->Commit();
  Tell(*imp);
  return failure;
}

bool ImportService::TakeBack(std::int64_t id, const Principal& p) {
  Principal undoer = p;
  undoer.channel = Channel::kImport;
  for (;;) {
    if (stopping_) return false;
    auto tx = db_.BeginWrite();
    auto items = repo::LastItems(*tx, id, kTakeBackItems);
    if (items.empty()) return true;
    const Millis now = clock_.Now();
    const auto imp = repo::Find(*tx, id);
    leads::ImportRun run;
    run.started_at = imp->started_at.value_or(imp->created_at);
    run.finished_at = imp->finished_at;
    // A lead another import may have matched is somebody's record now: the trash keeps it.
    run.may_purge = !repo::OtherImportMayHaveMatched(*tx, id);
    std::int64_t in_trash = 0;
    for (const auto& item : items) {
      auto action = item.action == "create" ? leads::ImportAction::kCreate : leads::ImportAction::kUpdate;
      in_trash += Sink(imp->entity).UndoImportItem(*tx, undoer, action, item.lead_id, item.before, run, now) ? 1 : 0;
      repo::DeleteItem(*tx, id, item.lead_id);
    }
    repo::AddInTrash(*tx, id, in_trash);
    tx->Commit();
    tx.reset();
    std::this_thread::sleep_for(kTurnForOthers);
  }
}

Result<Import> ImportService::Undo(const Principal& p, std::int64_t id, std::chrono::milliseconds wait) {
  {
    auto tx = db_.BeginWrite();
    auto loaded = Load(*tx, p, id);
    if (!loaded) return loaded;
    Import imp = std::move(loaded).value();
    if (imp.status != "done") {
      return Error::Conflict("only a finished import can be undone; this one is " + imp.status, "import_not_done");
    }
    imp.status = "undoing";  // from now on a restart finishes it
    repo::Save(*tx, imp);
    tx->Commit();
  }
  auto finished = std::make_shared<std::promise<void>>();
  auto done = finished->get_future();
  Post([this, id, p, finished] {
    FinishUndo(id, p);
    finished->set_value();
  });
  done.wait_for(wait);
  return Get(p, id);
}

Result<leads::repo::ListAddition> ImportService::AddToList(const Principal& p, std::int64_t id,
                                                          std::int64_t list_id) {
  auto tx = db_.BeginWrite();
  auto imp = Load(*tx, p, id);
  if (!imp) return std::move(imp).error();
  if (imp->status != "done") {
    return Error::Conflict("only a finished import's leads join a list; this one is " + imp->status,
                           "import_not_done");
  }
  if (imp->entity != "leads") return Error::Conflict("target lists hold leads; this import made targets", "not_leads");
  auto added = lists_->AddImport(*tx, p, list_id, id);
  if (added) tx->Commit();
  return added;
}

void ImportService::FinishUndo(std::int64_t id, const Principal& p) {
  if (!TakeBack(id, p)) return;  // stopping: the next start finishes it
  auto tx = db_.BeginWrite();
  auto imp = repo::Find(*tx, id);
  imp->status = "undone";
  repo::Save(*tx, *imp);
  tx->Commit();
  Tell(*imp);
}

Result<StreamedFile> ImportService::Errors(const Principal& p, std::int64_t id) {
  std::vector<std::string> header;
  std::vector<leads::ImportField> fields;
  {
    auto tx = db_.BeginRead();
    auto imp = Load(*tx, p, id);
    if (!imp) return imp.error();
    fields = Sink(imp->entity).ImportFields();
    for (const auto& c : imp->columns) header.push_back(c.get<std::string>());
    // A row wider than the header keeps its cells, under unnamed columns, before row and reason.
    header.resize(std::max(header.size(), repo::WidestProblem(*tx, id)));
  }
  const bool vi = p.language != "en";
  const std::size_t width = header.size();
  header.push_back(vi ? "Dòng" : "Row");
  header.push_back(vi ? "Lý do" : "Reason");
  StreamedFile out{"import-" + std::to_string(id) + "-errors.csv", "text/csv; charset=utf-8", {}};
  return StartFile(std::move(out), [this, id, header, fields, width, vi](const EmitPiece& emit) {
    std::string piece(files::CsvWriter::Utf8Bom());
    files::CsvWriter csv(piece);
    csv.Row(header);
    auto tx = db_.BeginRead();
    repo::ForEachProblem(*tx, id, [&](const RowProblem& problem) {
      std::vector<std::string> cells = problem.cells;
      cells.resize(width);
      cells.push_back(std::to_string(problem.row));
      cells.push_back(ProblemText(problem, fields, vi));
      csv.Row(cells);
      EmitWhenFull(piece, emit);
    });
    emit(piece);  // an empty last piece is no chunk
  });
}

Result<Download> ImportService::Template(const Principal& p, std::string_view entity, std::string_view format,
                                         std::string_view language) {
  if (!CanImport(p)) return Error::Forbidden("agents cannot import");
  if (auto ok = CheckEntity(entity); !ok) return ok.error();
  if (format != "csv" && format != "xlsx") return Error::Field("format", "must be csv or xlsx", "unknown_value");
  const bool vi = language != "en";
  std::vector<std::string> header;
  std::vector<bool> required;
  for (const auto& f : Sink(entity).ImportFields()) {
    if (f.name == "id") continue;  // for matching in files that came from an export
    header.push_back(vi ? f.label_vi : f.label_en);
    required.push_back(f.required);
  }
  const bool targets = entity == "targets";
  Download out;
  out.filename = std::string(targets ? (vi ? "mau-nhap-target." : "target-import-template.")
                                     : (vi ? "mau-nhap-khach-hang-tiem-nang." : "lead-import-template.")) +
                 std::string(format);
  if (format == "csv") {
    out.content_type = "text/csv; charset=utf-8";
    out.body = files::CsvWriter::Utf8Bom();
    // No colours in a CSV: a star marks the required columns (the mapping reads past it).
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (required[i]) header[i] += " *";
    }
    files::CsvWriter(out.body).Row(header);
    return out;
  }
  out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const auto path = std::filesystem::temp_directory_path() / ("sen-template-" + RandomToken(8) + ".xlsx");
  {
    files::XlsxWriter xlsx(path, targets ? "Targets" : vi ? "Khách hàng tiềm năng" : "Leads");
    xlsx.Header(header, required);
    xlsx.Close();
  }
  out.body = ReadWholeFile(path);
  std::filesystem::remove(path);
  return out;
}

Result<std::vector<repo::Preset>> ImportService::Presets(const Principal& p, std::string_view entity) {
  if (!CanImport(p)) return Error::Forbidden("agents cannot import");
  auto tx = db_.BeginRead();
  return repo::Presets(*tx, entity.empty() ? "leads" : entity);
}

Result<repo::Preset> ImportService::SavePreset(const Principal& p, repo::Preset preset) {
  if (!CanImport(p)) return Error::Forbidden("agents cannot import");
  preset.created_by = p.user_id > 0 ? std::optional(p.user_id) : std::nullopt;
  preset.created_at = clock_.Now();
  auto tx = db_.BeginWrite();
  // One preset per name, its maker's: another importer uses it but does not replace it.
  if (auto taken = repo::FindPreset(*tx, preset.entity, preset.name);
      taken && !MayChangePreset(p, *taken)) {
    return Error::Conflict("another user's preset has this name: choose another", "preset_taken",
                           {{"name", preset.name}});
  }
  preset = repo::SavePreset(*tx, std::move(preset));
  tx->Commit();
  return preset;
}

Status ImportService::DeletePreset(const Principal& p, std::int64_t id) {
  if (!CanImport(p)) return Error::Forbidden("agents cannot import");
  auto tx = db_.BeginWrite();
  const auto preset = repo::FindPreset(*tx, id);
  if (!preset) return Error::NotFound("no preset has id " + std::to_string(id));
  if (!MayChangePreset(p, *preset)) return Error::Forbidden("only who saved a preset, or an admin, deletes it");
  repo::DeletePreset(*tx, id);
  tx->Commit();
  return {};
}

}  // namespace sen::imports
