#include "db/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "db/list_cache.h"
#include "db/migrator.h"

namespace sen::db {
namespace {

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sen-db-test-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    db_ = OpenDatabase("sqlite:" + (dir_ / "t.db").string(), 2);
    auto tx = db_->BeginWrite();
    tx->Execute("CREATE TABLE t (v TEXT NOT NULL UNIQUE)");
    tx->Commit();
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Insert(const char* v, bool commit) {
    auto tx = db_->BeginWrite();
    tx->Execute("INSERT INTO t (v) VALUES (?)", {v});
    if (commit) tx->Commit();
  }
  std::int64_t Rows() {
    auto tx = db_->BeginRead();
    return tx->QueryInt("SELECT COUNT(*) FROM t", {}).value_or(-1);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(SqliteDatabaseTest, AWriteIsVisibleAfterCommitOnlyAndRollsBackOtherwise) {
  Insert("a", true);
  Insert("b", false);
  EXPECT_EQ(Rows(), 1);
}

TEST_F(SqliteDatabaseTest, ABatchCommitsItsSavepointsTogetherAndDropsTheOnesNotCommitted) {
  {
    auto batch = db_->BeginBatch();
    Insert("a", true);
    Insert("b", false);  // rolled back alone
    Insert("c", true);
    EXPECT_EQ(Rows(), 0) << "readers see nothing before the batch commits";
    batch->Commit();
  }
  EXPECT_EQ(Rows(), 2);
}

TEST_F(SqliteDatabaseTest, ASavepointSeesEarlierWorkOfItsBatch) {
  auto batch = db_->BeginBatch();
  Insert("same", true);
  EXPECT_THROW(Insert("same", true), DbError) << "the unique key sees the first insert of the batch";
  Insert("other", true);
  batch->Commit();
  EXPECT_EQ(Rows(), 2);
}

TEST_F(SqliteDatabaseTest, ABatchNotCommittedLeavesNothing) {
  {
    auto batch = db_->BeginBatch();
    Insert("a", true);
  }
  EXPECT_EQ(Rows(), 0);
  Insert("b", true);
  EXPECT_EQ(Rows(), 1) << "the writer is free again";
}

TEST_F(SqliteDatabaseTest, OtherThreadsWriteAfterTheBatch) {
  auto batch = db_->BeginBatch();
  std::thread other([this] { Insert("from another thread", true); });
  Insert("in batch", true);
  batch->Commit();
  batch.reset();
  other.join();
  EXPECT_EQ(Rows(), 2);
}

// Insert answers the new row's id, not that of a row a trigger inserted meanwhile, in a group
// commit as alone.
TEST_F(SqliteDatabaseTest, InsertAnswersTheNewRowsId) {
  {
    auto tx = db_->BeginWrite();
    tx->ExecuteScript(
        "CREATE TABLE audit (id INTEGER PRIMARY KEY, v TEXT);"
        "CREATE TRIGGER t_audit AFTER INSERT ON t BEGIN "
        "INSERT INTO audit (id, v) VALUES (NEW.rowid + 100, NEW.v); END;");
    tx->Commit();
  }
  auto insert = [this](const std::string& v) {
    auto tx = db_->BeginWrite();
    const auto id = tx->Insert("INSERT INTO t (v) VALUES (?)", {v});
    EXPECT_EQ(tx->QueryInt("SELECT rowid FROM t WHERE v = ?", {v}), id) << v;
    tx->Commit();
    return id;
  };
  const auto first = insert("one");
  auto batch = db_->BeginBatch();
  EXPECT_EQ(insert("two"), first + 1);
  EXPECT_EQ(insert("three"), first + 2);
  batch->Commit();
}

// Work left for commit time runs after every other statement, in order, and only for what commits.
TEST_F(SqliteDatabaseTest, AtCommitWorkRunsLastAndOnlyForWhatCommits) {
  auto write = [this](const std::string& v, bool commit) {
    auto tx = db_->BeginWrite();
    tx->AtCommit(0, [v](Transaction& t) { t.Execute("INSERT INTO t (v) VALUES (?)", {"late " + v}); });
    tx->Execute("INSERT INTO t (v) VALUES (?)", {v});
    EXPECT_EQ(tx->QueryInt("SELECT COUNT(*) FROM t WHERE v = ?", {"late " + v}), 0) << "not before commit";
    if (commit) tx->Commit();
  };
  write("alone", true);
  write("dropped", false);
  {
    auto batch = db_->BeginBatch();
    write("a", true);
    write("b", false);
    write("c", true);
    batch->Commit();
  }
  std::vector<std::string> order;
  auto tx = db_->BeginRead();
  tx->Query("SELECT v FROM t ORDER BY rowid", {}, [&](const Row& r) { order.push_back(r.Str(0)); });
  EXPECT_EQ(order, (std::vector<std::string>{"alone", "late alone", "a", "c", "late a", "late c"}));
}

// Work left for commit time runs in the order it is given (FTS5 wants ascending rowids), in a
// group commit across every transaction of the batch.
TEST_F(SqliteDatabaseTest, AtCommitWorkRunsInItsOrder) {
  auto late = [](const std::string& v) {
    return [v](Transaction& t) { t.Execute("INSERT INTO t (v) VALUES (?)", {v}); };
  };
  {
    auto tx = db_->BeginWrite();
    for (std::int64_t key : {30, 10, 20}) tx->AtCommit(key, late(std::to_string(key)));
    tx->Commit();
  }
  {
    auto batch = db_->BeginBatch();
    for (std::int64_t key : {50, 40}) {
      auto tx = db_->BeginWrite();
      tx->AtCommit(key, late(std::to_string(key)));
      tx->Commit();
    }
    batch->Commit();
  }
  std::vector<std::string> order;
  auto tx = db_->BeginRead();
  tx->Query("SELECT v FROM t ORDER BY rowid", {}, [&](const Row& r) { order.push_back(r.Str(0)); });
  EXPECT_EQ(order, (std::vector<std::string>{"10", "20", "30", "40", "50"}));
}

// Work for a rollback runs, latest first, for what rolls back: a transaction, a savepoint of a
// group commit alone, or the whole batch with what its committed savepoints left to it.
TEST_F(SqliteDatabaseTest, AtRollbackWorkRunsForWhatRollsBack) {
  std::vector<std::string> undone;
  auto write = [&](const std::string& v, bool commit) {
    auto tx = db_->BeginWrite();
    tx->AtRollback([&, v] { undone.push_back(v + " 1"); });
    tx->AtRollback([&, v] { undone.push_back(v + " 2"); });
    if (commit) tx->Commit();
  };
  write("kept", true);
  write("alone", false);
  EXPECT_EQ(undone, (std::vector<std::string>{"alone 2", "alone 1"}));
  undone.clear();
  {
    auto batch = db_->BeginBatch();
    write("a", true);
    write("b", false);
    EXPECT_EQ(undone, (std::vector<std::string>{"b 2", "b 1"})) << "a savepoint alone";
    write("c", true);
    batch->Commit();
  }
  EXPECT_EQ(undone.size(), 2u) << "a committed batch undoes nothing more";
  undone.clear();
  {
    auto batch = db_->BeginBatch();
    write("d", true);
    write("e", true);
  }
  EXPECT_EQ(undone, (std::vector<std::string>{"e 2", "e 1", "d 2", "d 1"}));
}

// Work for after the commit (telling others about a change) runs once the change can be read
// from another connection: for a write in a group commit, once the whole batch has committed.
TEST_F(SqliteDatabaseTest, AfterCommitWorkSeesTheCommittedChangeAndSkipsRollbacks) {
  std::vector<std::string> seen;  // what each callback could read from another connection
  auto write = [&](const std::string& v, bool commit) {
    auto tx = db_->BeginWrite();
    tx->Execute("INSERT INTO t (v) VALUES (?)", {v});
    tx->AfterCommit([&, v] {
      auto read = db_->BeginRead();
      seen.push_back(v + (read->QueryInt("SELECT COUNT(*) FROM t WHERE v = ?", {v}) == 1 ? " visible" : " hidden"));
    });
    if (commit) tx->Commit();
  };
  write("alone", true);
  EXPECT_EQ(seen, (std::vector<std::string>{"alone visible"}));
  write("dropped", false);
  seen.clear();
  {
    auto batch = db_->BeginBatch();
    write("a", true);
    write("b", false);
    write("c", true);
    EXPECT_TRUE(seen.empty()) << "not before the batch commits";
    batch->Commit();
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"a visible", "c visible"}));
  {
    auto batch = db_->BeginBatch();
    write("rolled back with its batch", true);
  }
  EXPECT_EQ(seen.size(), 2u);
}

TEST_F(SqliteDatabaseTest, MigrationsRunOnceAndListCacheFollowsTheChangeCounter) {
  auto first = Migrate(*db_);
  EXPECT_EQ(first.from_version, 0);
  EXPECT_EQ(first.to_version, sqlite_migrations().back().version);
  EXPECT_TRUE(Migrate(*db_).applied.empty());

  ListCache cache;
  auto count = [&] {
    auto tx = db_->BeginRead();
    return cache.Count(*tx, "SELECT COUNT(*) FROM t WHERE v >= ?", {"a"}, ChangeCounter(*tx, "t"));
  };
  Insert("a", true);
  EXPECT_EQ(count(), 1);
  Insert("b", true);
  EXPECT_EQ(count(), 1) << "the counter did not move, so the cached total stands";
  {
    auto tx = db_->BeginWrite();
    tx->Execute("INSERT INTO change_counters (name, value) VALUES ('t', 1)");
    tx->Commit();
  }
  EXPECT_EQ(count(), 2);
}

TEST_F(SqliteDatabaseTest, BackupCopiesACommittedSnapshot) {
  Insert("a", true);
  auto copy = dir_ / "copy.db";
  db_->Backup(copy.string());
  auto restored = OpenDatabase("sqlite:" + copy.string(), 1);
  auto tx = restored->BeginRead();
  EXPECT_EQ(tx->QueryInt("SELECT COUNT(*) FROM t", {}), 1);
}

}  // namespace
}  // namespace sen::db
