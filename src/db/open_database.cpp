// Chooses a storage backend from a database URL.
#include <filesystem>

#include "db/database.h"
#include "db/sqlite/sqlite_database.h"

namespace sen::db {

std::unique_ptr<Database> OpenDatabase(const std::string& url, int readers) {
  std::string path = url;
  if (url.rfind("sqlite:", 0) == 0) {
    path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);
  } else if (url.rfind("postgres", 0) == 0) {
    throw DbError(DbError::Kind::kOther, "PostgreSQL is not supported by this build yet: " + url);
  }
  if (path.empty()) throw DbError(DbError::Kind::kOther, "empty database path in " + url);
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  return std::make_unique<SqliteDatabase>(path, readers);
}

}  // namespace sen::db
