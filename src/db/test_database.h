// For the services' tests: a fresh, migrated SQLite database in a temporary directory of its
// own, removed with what it holds.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>

#include "db/database.h"
#include "db/migrator.h"

namespace sen::db::testing {

class TestDatabase {
 public:
  TestDatabase() : dir_(MakeDir()), db_(OpenDatabase("sqlite:" + (dir_ / "t.db").string(), 2)) { Migrate(*db_); }
  ~TestDatabase() {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Database& operator*() const { return *db_; }
  Database* operator->() const { return db_.get(); }

 private:
  static std::filesystem::path MakeDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sen-db-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

}  // namespace sen::db::testing
