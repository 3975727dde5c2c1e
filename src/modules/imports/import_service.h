// Import use cases (I1-I8): upload and inspect a file, choose the mapping and options, preview,
// run in the background, undo, rejected rows, templates and mapping presets.
//
// A run commits in chunks, each with its progress and a record of what it did to which lead.
// A run that does not finish (the server stopped or crashed) stays "running" in the database;
// the next `sen serve` takes back what it did and marks it failed, so no import is ever half kept.
// One still waiting behind another (never begun) simply runs then.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "core/event_hub.h"
#include "core/error.h"
#include "core/paging.h"
#include "core/principal.h"
#include "db/database.h"
#include "files/table_reader.h"
#include "modules/imports/import.h"
#include "modules/imports/import_repository.h"
#include "modules/leads/lead_service.h"
#include "modules/targetlists/target_list_service.h"

namespace sen::imports {

struct Preview {
  std::int64_t create = 0;
  std::int64_t update = 0;
  std::int64_t unchanged = 0;
  std::int64_t duplicate = 0;
  std::int64_t error = 0;
  std::vector<RowProblem> problems;    // the first rejected rows'
  std::vector<RowProblem> duplicates;  // the first duplicates to skip, with the row or lead they repeat
};
nlohmann::json ToJson(const Preview& preview);

struct Download {
  std::string filename;
  std::string content_type;
  std::string body;
};

class ImportService {
 public:
  ImportService(db::Database& db, const Clock& clock, users::UserService& users, leads::LeadService& leads,
                std::filesystem::path files_dir, files::ReadLimits limits);
  ~ImportService();
  // Live events: "import_progress" tells the importer after every chunk and at the end.
  void SetEvents(EventHub* events) { events_ = events; }
  void SetTargetLists(targetlists::TargetListService* lists) { lists_ = lists; }
  // T5: imports of entity "targets" write into `targets`.
  void SetTargets(leads::ImportSink* targets) { targets_ = targets; }

  // Starts the background worker; first it takes back the imports a previous run of the server
  // left unfinished, then queues again those it never began. Only `sen serve` calls this.
  void StartWorker();

  // A file the user sent: kept in the files folder, read for its columns, a sample and its row
  // count, with a suggested mapping. A file that is not a readable spreadsheet is refused
  // (422 naming "file") and not kept.
  Result<Import> Upload(const Principal& p, std::string_view entity, std::string_view filename,
                        std::string_view bytes, std::string_view sheet);
  // The command line's import: the file is read where it is.
  Result<Import> OpenFile(const Principal& p, std::string_view entity, const std::filesystem::path& path);
  Result<Import> Get(const Principal& p, std::int64_t id);
  Result<Page<Import>> List(const Principal& p, PageRequest page);
  // PATCH: mapping, mode, match_on, defaults, sheet; while the import is pending.
  Result<Import> Configure(const Principal& p, std::int64_t id, const nlohmann::json& body);
  // What a run would do now, writing nothing.
  Result<Preview> MakePreview(const Principal& p, std::int64_t id);
  // Queues the run for the background worker.
  Result<Import> Start(const Principal& p, std::int64_t id);
  // Runs it in the calling thread (the command line).
  Result<Import> RunHere(const Principal& p, std::int64_t id);
  // Ctrl-C on the command line, from any thread: the run in progress stops after its current
  // chunk, takes back what it did and is marked failed, "cancelled".
  void Cancel() { cancelled_ = true; }
  bool cancelled() const { return cancelled_; }
  // I8: removes the leads it created (or trashes them, see LeadService::UndoImportItem) and gives
  // the ones it changed their old values back, in the background: the import as it is once
  // undone, or after `wait` still "undoing" (a restart finishes it).
  Result<Import> Undo(const Principal& p, std::int64_t id,
                      std::chrono::milliseconds wait = std::chrono::seconds(2));
  // I7: the live leads it created or updated join a target list (a finished import only).
  Result<leads::repo::ListAddition> AddToList(const Principal& p, std::int64_t id, std::int64_t list_id);
  // The rejected rows with their cells and a reason each.
  Result<StreamedFile> Errors(const Principal& p, std::int64_t id);
  // I1: the columns to fill, required ones marked, headers in `language` (vi or en).
  Result<Download> Template(const Principal& p, std::string_view entity, std::string_view format,
                            std::string_view language);

  Result<std::vector<repo::Preset>> Presets(const Principal& p, std::string_view entity);
  // Replaces a preset of the same name and entity.
  Result<repo::Preset> SavePreset(const Principal& p, repo::Preset preset);
  Status DeletePreset(const Principal& p, std::int64_t id);

 private:
  struct Interrupted {};
  struct Cancelled {};
  // Publishes the import's figures to its importer ("import_progress").
  void Tell(const Import& imp);

  Result<Import> Load(db::Transaction& tx, const Principal& p, std::int64_t id);
  // A new pending import of the spreadsheet at `path`, inspected; 422 naming "file" when it is
  // not a readable spreadsheet.
  Result<Import> Register(const Principal& p, std::string_view entity, std::string_view filename,
                          const std::filesystem::path& path, std::string_view sheet);
  // Why a run failed: a key for the page to word ("restarted", "cancelled", "file", "settings",
  // "internal"; "expired" for an upload never run) and the message in English.
  struct Failure {
    std::string reason;
    std::string message;
  };
  // Marks a run failed (its counts of kept rows back to zero) once taken back, and removes the
  // uploaded copy of its file. (A run that ends well is marked done by its last chunk.)
  void Fail(std::int64_t id, const Failure& failure);
  // Says why a run is being taken back while it is still "running": the page shows it, a
  // `sen import` running it stops at its next chunk, and whoever finishes the take-back (this
  // process, or a server start after a kill) keeps the first reason given. The reason to fail
  // it with, or none when it is no longer running (it finished meanwhile).
  std::optional<Failure> MarkTakingBack(std::int64_t id, const Failure& failure);
  void RemoveUpload(const Import& imp);
  // An upload nobody ran (the user left the wizard) is kept a week, then marked failed and its
  // copy removed. Only uploads fill the disk, so each upload clears the abandoned ones.
  void ExpireUploads();
  // Columns, sample, row count and suggested mapping of the import's file and sheet.
  void Inspect(Import& imp);
  // 409 unless the import has yet to run (an expired upload says so).
  static Status CheckPending(const Import& imp);
  Status CheckReady(const Import& imp);
  static leads::ImportSettings Settings(const Import& imp);
  // Reads the file and decides every row; with `write`, saves them in chunks and keeps `imp`'s
  // counts. Throws Interrupted when the server stops or another process's start takes the run
  // back, Cancelled after Cancel, FileError when the file breaks midway.
  Status Process(Import& imp, const Principal& p, bool write, Preview* preview);
  Result<Import> Queue(const Principal& p, std::int64_t id, bool here);
  // Runs a queued import as the user who started it.
  void Execute(Import imp);
  // That user as they are now, if they may still import.
  std::optional<Principal> Runner(const Import& imp);
  // Takes back everything import `id` did, newest first, a chunk per transaction; false when
  // the server began stopping before it was all taken back.
  bool TakeBack(std::int64_t id, const Principal& p);
  // Takes back what is left of an import being undone and marks it undone.
  void FinishUndo(std::int64_t id, const Principal& p);
  // Runs `job` on the worker, after the jobs before it.
  void Post(std::function<void()> job);
  // Finishes the undos a stop cut short, then takes back and fails the runs `ids` it cut short.
  void Recover(const std::vector<std::int64_t>& ids);
  void Work();
  // What an import of `entity` writes into; CheckEntity first.
  leads::ImportSink& Sink(std::string_view entity);
  Status CheckEntity(std::string_view entity) const;

  db::Database& db_;
  const Clock& clock_;
  users::UserService& users_;
  leads::LeadService& leads_;
  leads::ImportSink* targets_ = nullptr;
  std::filesystem::path files_dir_;
  files::ReadLimits limits_;
  EventHub* events_ = nullptr;
  targetlists::TargetListService* lists_ = nullptr;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> cancelled_{false};
  std::thread worker_;
};

}  // namespace sen::imports
