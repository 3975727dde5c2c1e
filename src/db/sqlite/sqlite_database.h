// SQLite backend: one writer connection behind a mutex, a pool of reader connections, WAL.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

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
  Dialect dialect() const override { return Dialect::kSqlite; }
  void Backup(const std::string& path) override;

 private:
  friend class SqliteReadTransaction;
  void ReleaseReader(std::unique_ptr<SqliteConnection> conn);

  std::string path_;
  std::mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
  int readers_open_ = 0;
  int readers_max_;
};

}  // namespace sen::db
