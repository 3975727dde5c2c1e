// Applies pending migrations and records them in schema_migrations.
#include "db/migrator.h"

#include "core/clock.h"

namespace sen::db {

namespace {

constexpr std::string_view kCreateMigrationsTable = R"~(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at BIGINT NOT NULL
))~";
constexpr std::string_view kCurrentVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kRecordMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";

}  // namespace

MigrationReport Migrate(Database& db) {
  const auto& migrations = sqlite_migrations();
  MigrationReport report;
  {
    auto tx = db.BeginWrite();
    tx->Execute(kCreateMigrationsTable);
    report.from_version = static_cast<int>(tx->QueryInt(kCurrentVersion, {}).value_or(0));
    tx->Commit();
  }
  report.to_version = report.from_version;
  SystemClock clock;
  for (const auto& m : migrations) {
    if (m.version <= report.to_version) continue;
    auto tx = db.BeginWrite();
    // Re-check inside the write lock: another process may have migrated meanwhile.
    if (tx->QueryInt(kCurrentVersion, {}).value_or(0) >= m.version) continue;
    tx->ExecuteScript(m.sql);
    tx->Execute(kRecordMigration, {m.version, m.name, clock.Now()});
    tx->Commit();
    report.to_version = m.version;
    report.applied.push_back(m.name);
  }
  if (!report.applied.empty()) {
    // New indexes need statistics before the planner can prefer them; a sampled ANALYZE is quick.
    auto tx = db.BeginWrite();
    tx->ExecuteScript("PRAGMA analysis_limit=1000; ANALYZE");
    tx->Commit();
  }
  return report;
}

}  // namespace sen::db
