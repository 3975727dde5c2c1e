// SQLite backend: one writer connection behind a mutex, a pool of reader connections, WAL.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/fair_mutex.h"
#include "db/database.h"

struct sqlite3;

namespace sen::db {

class SqliteConnection;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int readers);
  ~SqliteDatabase() override;

  TransactionPtr BeginRead() override;
  TransactionPtr BeginWrite() override;
  std::unique_ptr<WriteBatch> BeginBatch() override;
  Dialect dialect() const override { return Dialect::kSqlite; }
  void Backup(const std::string& path) override;

 private:
  friend class SqliteReadTransaction;
  friend class SqliteBatch;
  void ReleaseReader(std::unique_ptr<SqliteConnection> conn);
  void CheckpointLoop();

  std::string path_;
  FairMutex write_mutex_;  // FIFO: a writer committing chunk after chunk lets the others in between
  std::unique_ptr<SqliteConnection> writer_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
  int readers_open_ = 0;
  int readers_max_;

  // Copies the WAL back into the database file off the request path (see CheckpointLoop).
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wake_;
  bool stopping_ = false;
  std::thread checkpointer_;
};

}  // namespace sen::db
