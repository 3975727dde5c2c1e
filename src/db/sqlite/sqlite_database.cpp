// SQLite connections with cached prepared statements, and the transactions that use them.
#include "db/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace sen::db {

namespace {

constexpr std::size_t kStatementCacheLimit = 256;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

[[noreturn]] void Throw(sqlite3* db, int rc, std::string_view context) {
  int primary = rc & 0xff;
  auto kind = primary == SQLITE_CONSTRAINT                         ? DbError::Kind::kConstraint
              : (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) ? DbError::Kind::kBusy
                                                                     : DbError::Kind::kOther;
  std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw DbError(kind, std::string(context.substr(0, 200)) + ": " + message);
}

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string_view Text(int col) const override {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }

 private:
  sqlite3_stmt* stmt_;
};

// Resets a statement when a query ends, however it ends.
class StatementGuard {
 public:
  explicit StatementGuard(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementGuard() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementGuard(const StatementGuard&) = delete;
  StatementGuard& operator=(const StatementGuard&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

// Waits up to 5 s for another process's lock (`sen import` beside `sen serve`), trying every
// 2 ms. SQLite's own busy timeout backs off to 100 ms between tries, so it all but never caught
// the few milliseconds another process's writer lets go between two transactions, and failed.
int WaitForLock(void*, int tries) {
  constexpr int kPollMs = 2;
  constexpr int kMaxMs = 5000;
  if (tries * kPollMs >= kMaxMs) return 0;
  sqlite3_sleep(kPollMs);
  return 1;
}

}  // namespace

// What a connection is for: the one writer, a pooled reader, or background upkeep (checkpoints,
// ANALYZE, backups) that reads the whole file once in a while.
enum class Use { kWriter, kReader, kUpkeep };

class SqliteConnection {
 public:
  SqliteConnection(const std::string& path, Use use) {
    const bool writer = use == Use::kWriter;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw DbError(DbError::Kind::kOther, "cannot open " + path + ": " + message);
    }
    sqlite3_busy_handler(db_, WaitForLock, nullptr);
    sqlite3_extended_result_codes(db_, 1);
    Exec("PRAGMA foreign_keys=ON");
    Exec("PRAGMA cache_size=-65536");
    // Readers map the file (list pages read many index pages). The writer and upkeep read
    // through their caches: a bulk import or an ANALYZE touches most of the file, and mapped it
    // counted as resident memory the size of the database (1 GB; ~100 MB without, no slower).
    if (use == Use::kReader) Exec("PRAGMA mmap_size=1073741824");
    Exec("PRAGMA temp_store=MEMORY");
    if (writer) {
      Exec("PRAGMA journal_mode=WAL");
      // Durable across application crashes; WAL keeps the file consistent on power loss.
      Exec("PRAGMA synchronous=NORMAL");
      // Checkpoints run on their own thread; this is only the backstop if that thread lags.
      Exec("PRAGMA wal_autocheckpoint=50000");
      Exec("PRAGMA journal_size_limit=134217728");
    }
  }

  ~SqliteConnection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    if (db_) {
      sqlite3_exec(db_, "PRAGMA optimize", nullptr, nullptr, nullptr);
      sqlite3_close_v2(db_);
    }
  }

  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  sqlite3* handle() const { return db_; }

  void Exec(const char* sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string message = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      int primary = rc & 0xff;
      throw DbError(primary == SQLITE_BUSY ? DbError::Kind::kBusy
                    : primary == SQLITE_CONSTRAINT ? DbError::Kind::kConstraint
                                                   : DbError::Kind::kOther,
                    std::string(sql).substr(0, 200) + ": " + message);
    }
  }

  // BEGIN and COMMIT run on every request: through the statement cache they are not parsed again.
  void Step(std::string_view sql) { Query(sql, nullptr, 0, nullptr); }

  sqlite3_stmt* Prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
    if (statements_.size() >= kStatementCacheLimit) {
      for (auto& [text, stmt] : statements_) sqlite3_finalize(stmt);
      statements_.clear();
    }
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) Throw(db_, rc, sql);
    statements_.emplace(std::string(sql), stmt);
    return stmt;
  }

  void Bind(sqlite3_stmt* stmt, const Param* params, std::size_t count, std::string_view sql) {
    for (std::size_t i = 0; i < count; ++i) {
      int index = static_cast<int>(i + 1);
      int rc = std::visit(
          [&](const auto& v) -> int {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::nullptr_t>) {
              return sqlite3_bind_null(stmt, index);
            } else if constexpr (std::is_same_v<V, std::int64_t>) {
              return sqlite3_bind_int64(stmt, index, v);
            } else if constexpr (std::is_same_v<V, double>) {
              return sqlite3_bind_double(stmt, index, v);
            } else {
              return sqlite3_bind_text(stmt, index, v.data(), static_cast<int>(v.size()),
                                       SQLITE_STATIC);
            }
          },
          params[i].value());
      if (rc != SQLITE_OK) Throw(db_, rc, sql);
    }
  }

  void Query(std::string_view sql, const Param* params, std::size_t count,
             const RowCallback* on_row) {
    sqlite3_stmt* stmt = Prepare(sql);
    StatementGuard guard(stmt);
    Bind(stmt, params, count, sql);
    SqliteRow row(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return;
      if (rc != SQLITE_ROW) Throw(db_, rc, sql);
      if (on_row) (*on_row)(row);
    }
  }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, StringHash, std::equal_to<>> statements_;
};

namespace {

// What a transaction leaves for its end (Transaction::AtCommit, AfterCommit, AtRollback). A
// savepoint of a group commit hands it to the batch when it is released.
struct EndWork {
  std::vector<std::pair<std::int64_t, std::function<void(Transaction&)>>> at_commit;  // with its order
  std::vector<std::function<void()>> after_commit;
  std::vector<std::function<void()>> at_rollback;

  void RunAtCommit(Transaction& tx) {
    std::ranges::stable_sort(at_commit, {}, &decltype(at_commit)::value_type::first);
    for (auto& [order, w] : at_commit) w(tx);
    at_commit.clear();
  }
  void Committed() {
    at_rollback.clear();
    for (auto& w : after_commit) w();
    after_commit.clear();
  }
  void RolledBack() {
    for (auto w = at_rollback.rbegin(); w != at_rollback.rend(); ++w) (*w)();
    at_rollback.clear();
  }
  void MoveTo(EndWork& to) {
    std::ranges::move(at_commit, std::back_inserter(to.at_commit));
    std::ranges::move(after_commit, std::back_inserter(to.after_commit));
    std::ranges::move(at_rollback, std::back_inserter(to.at_rollback));
    *this = {};
  }
};

class SqliteTransaction : public Transaction {
 public:
  SqliteTransaction(SqliteConnection* conn, const char* begin) : conn_(conn) { conn_->Step(begin); }
  ~SqliteTransaction() override {
    if (!done_) RollBack("ROLLBACK");
  }

  void Query(std::string_view sql, const Param* params, std::size_t count,
             const RowCallback& on_row) override {
    conn_->Query(sql, params, count, &on_row);
  }
  std::int64_t Execute(std::string_view sql, const Param* params, std::size_t count) override {
    conn_->Query(sql, params, count, nullptr);
    return sqlite3_changes64(conn_->handle());
  }
  std::int64_t Insert(std::string_view sql, const Param* params, std::size_t count) override {
    conn_->Query(sql, params, count, nullptr);
    return sqlite3_last_insert_rowid(conn_->handle());
  }
  void ExecuteScript(std::string_view sql) override { conn_->Exec(std::string(sql).c_str()); }
  void Commit() override {
    end_.RunAtCommit(*this);
    conn_->Step("COMMIT");
    done_ = true;
    end_.Committed();
  }
  Dialect dialect() const override { return Dialect::kSqlite; }
  void AtCommit(std::int64_t order, std::function<void(Transaction&)> work) override {
    end_.at_commit.emplace_back(order, std::move(work));
  }
  void AfterCommit(std::function<void()> work) override { end_.after_commit.push_back(std::move(work)); }
  void AtRollback(std::function<void()> work) override { end_.at_rollback.push_back(std::move(work)); }

 protected:
  void RollBack(const char* sql) {
    sqlite3_exec(conn_->handle(), sql, nullptr, nullptr, nullptr);
    done_ = true;
    end_.RolledBack();
  }

  SqliteConnection* conn_;
  bool done_ = false;
  EndWork end_;
};

class SqliteWriteTransaction final : public SqliteTransaction {
 public:
  SqliteWriteTransaction(std::unique_lock<FairMutex> lock, SqliteConnection* conn)
      : SqliteTransaction(conn, "BEGIN IMMEDIATE"), lock_(std::move(lock)) {}
  ~SqliteWriteTransaction() override {
    // Roll back here, while the writer lock is still held.
    if (!done_) RollBack("ROLLBACK");
  }

 private:
  std::unique_lock<FairMutex> lock_;
};

// A write transaction inside an open batch: a savepoint of the batch's transaction.
class SqliteSavepoint final : public SqliteTransaction {
 public:
  explicit SqliteSavepoint(SqliteConnection* conn) : SqliteTransaction(CheckInBatch(conn), "SAVEPOINT w") {}
  ~SqliteSavepoint() override {
    if (!done_) RollBack("ROLLBACK TO w; RELEASE w");
  }
  // The work left for commit time moves to the batch, to run after every other savepoint's.
  void Commit() override;

 private:
  // SQLite ends a transaction by itself on some errors (disk full); a savepoint opened then
  // would silently start a new transaction outside the batch.
  static SqliteConnection* CheckInBatch(SqliteConnection* conn) {
    if (sqlite3_get_autocommit(conn->handle())) {
      throw DbError(DbError::Kind::kOther, "the write batch was rolled back by an earlier error");
    }
    return conn;
  }
};

}  // namespace

class SqliteBatch;
namespace {
thread_local SqliteBatch* current_batch = nullptr;
}  // namespace

class SqliteBatch final : public WriteBatch {
 public:
  SqliteBatch(SqliteDatabase* db, std::unique_lock<FairMutex> lock) : db_(db), lock_(std::move(lock)) {
    db_->writer_->Step("BEGIN IMMEDIATE");
    current_batch = this;
  }
  ~SqliteBatch() override {
    current_batch = nullptr;
    if (!done_) {
      sqlite3_exec(db_->writer_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      end_.RolledBack();
    }
  }
  void Commit() override {
    if (!end_.at_commit.empty()) {
      SqliteSavepoint last(db_->writer_.get());
      end_.RunAtCommit(last);
      last.Commit();
    }
    db_->writer_->Step("COMMIT");
    done_ = true;
    end_.Committed();
  }
  const SqliteDatabase* db() const { return db_; }
  void Adopt(EndWork& work) { work.MoveTo(end_); }

 private:
  SqliteDatabase* db_;
  std::unique_lock<FairMutex> lock_;
  bool done_ = false;
  EndWork end_;
};

namespace {

void SqliteSavepoint::Commit() {
  conn_->Step("RELEASE w");
  done_ = true;
  current_batch->Adopt(end_);
}

}  // namespace

class SqliteReadTransaction final : public SqliteTransaction {
 public:
  SqliteReadTransaction(SqliteDatabase* owner, std::unique_ptr<SqliteConnection> conn)
      : SqliteTransaction(conn.get(), "BEGIN"), owner_(owner), conn_owned_(std::move(conn)) {}
  ~SqliteReadTransaction() override {
    if (!done_) RollBack("ROLLBACK");
    owner_->ReleaseReader(std::move(conn_owned_));
  }

 private:
  SqliteDatabase* owner_;
  std::unique_ptr<SqliteConnection> conn_owned_;
};

SqliteDatabase::SqliteDatabase(std::string path, int readers)
    : path_(std::move(path)), readers_max_(readers < 1 ? 1 : readers) {
  writer_ = std::make_unique<SqliteConnection>(path_, Use::kWriter);
  checkpointer_ = std::thread([this] { CheckpointLoop(); });
}

SqliteDatabase::~SqliteDatabase() {
  {
    std::lock_guard lock(checkpoint_mutex_);
    stopping_ = true;
  }
  checkpoint_wake_.notify_one();
  checkpointer_.join();
  std::scoped_lock lock(write_mutex_, readers_mutex_);
  idle_readers_.clear();
  writer_.reset();  // the last connection to close checkpoints and removes the WAL
}

// A checkpoint inside a commit (SQLite's default) makes one request in every thousand pay for
// writing back and syncing the pages of all the others. Here a PASSIVE checkpoint runs twice a
// second on its own connection: it never blocks the writer or readers, and a page changed many
// times between two checkpoints is written back once.
//
// Every hour (and shortly after start) it also runs a sampled ANALYZE, which refreshes the planner's
// statistics where they went stale: with several indexes able to serve a filter, SQLite needs
// them to pick the most selective one.
void SqliteDatabase::CheckpointLoop() {
  constexpr int kRoundsPerOptimize = 7200;  // one hour of half-second rounds
  std::unique_ptr<SqliteConnection> conn;
  std::unique_lock lock(checkpoint_mutex_);
  int round = kRoundsPerOptimize - 20;
  while (!checkpoint_wake_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_; })) {
    lock.unlock();
    try {
      if (!conn) conn = std::make_unique<SqliteConnection>(path_, Use::kUpkeep);
      int log = 0, done = 0;
      sqlite3_wal_checkpoint_v2(conn->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
      if (++round >= kRoundsPerOptimize) {
        round = 0;
        sqlite3_exec(conn->handle(), "PRAGMA analysis_limit=1000; ANALYZE", nullptr, nullptr, nullptr);
      }
    } catch (const DbError&) {
      conn.reset();  // try again on the next round
    }
    lock.lock();
  }
}

TransactionPtr SqliteDatabase::BeginRead() {
  std::unique_ptr<SqliteConnection> conn;
  {
    std::unique_lock lock(readers_mutex_);
    reader_returned_.wait(lock, [&] { return !idle_readers_.empty() || readers_open_ < readers_max_; });
    if (!idle_readers_.empty()) {
      conn = std::move(idle_readers_.back());
      idle_readers_.pop_back();
    } else {
      ++readers_open_;
    }
  }
  if (!conn) {
    try {
      conn = std::make_unique<SqliteConnection>(path_, Use::kReader);
    } catch (...) {
      std::lock_guard lock(readers_mutex_);
      --readers_open_;
      reader_returned_.notify_one();
      throw;
    }
  }
  return std::make_unique<SqliteReadTransaction>(this, std::move(conn));
}

void SqliteDatabase::ReleaseReader(std::unique_ptr<SqliteConnection> conn) {
  std::lock_guard lock(readers_mutex_);
  idle_readers_.push_back(std::move(conn));
  reader_returned_.notify_one();
}

std::unique_ptr<WriteBatch> SqliteDatabase::BeginBatch() {
  std::unique_lock lock(write_mutex_);
  return std::make_unique<SqliteBatch>(this, std::move(lock));
}

TransactionPtr SqliteDatabase::BeginWrite() {
  if (current_batch && current_batch->db() == this) return std::make_unique<SqliteSavepoint>(writer_.get());
  std::unique_lock lock(write_mutex_);
  return std::make_unique<SqliteWriteTransaction>(std::move(lock), writer_.get());
}

void SqliteDatabase::Backup(const std::string& path) {
  sqlite3* dest = nullptr;
  if (int rc = sqlite3_open(path.c_str(), &dest); rc != SQLITE_OK) {
    sqlite3_close(dest);
    Throw(nullptr, rc, "backup to " + path);
  }
  // A reader connection copies a consistent snapshot while writes go on in the WAL.
  auto source = std::make_unique<SqliteConnection>(path_, Use::kUpkeep);
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source->handle(), "main");
  if (!backup) {
    std::string message = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    throw DbError(DbError::Kind::kOther, "backup: " + message);
  }
  int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  sqlite3_close(dest);
  if (rc != SQLITE_DONE) throw DbError(DbError::Kind::kOther, std::string("backup: ") + sqlite3_errstr(rc));
}

}  // namespace sen::db
