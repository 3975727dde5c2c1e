// Numbered, append-only schema migrations, applied in order, each in its own transaction.
#pragma once

#include <string_view>
#include <vector>

#include "db/database.h"

namespace sen::db {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Generated at build time from src/db/migrations/<dialect>/*.sql.
const std::vector<Migration>& sqlite_migrations();

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string_view> applied;
};

// Brings the schema up to date. Throws DbError if a migration fails; that migration is rolled back.
MigrationReport Migrate(Database& db);

}  // namespace sen::db
