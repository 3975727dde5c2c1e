// Picks against a real database, in group commits: a rule's turn state is kept in memory from one
// savepoint to the next and saved at the commit, so a savepoint or a batch that rolls back must
// take its picks back with it.
#include "modules/assignment/assignment_service.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "db/test_database.h"

namespace sen::assignment {
namespace {

constexpr Millis kT0 = 1'800'000'000'000;  // 2027-01-15

class AssignmentServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto tx = db_->BeginWrite();
    const auto rule = tx->Insert(
        "INSERT INTO assignment_rules (name, method, created_at, updated_at) VALUES ('r', "
        "'round_robin', 0, 0)",
        {});
    for (const std::string name : {"an", "binh", "chi"}) {
      const auto id = tx->Insert(
          "INSERT INTO users (username, password_hash, full_name, role, created_at, updated_at) "
          "VALUES (?, '-', ?, 'agent', 0, 0)",
          {name, name});
      tx->Execute(
          "INSERT INTO assignment_rule_members (rule_id, user_id, position) VALUES (?, ?, ?)",
          {rule, id, static_cast<std::int64_t>(names_.size())});
      names_[id] = name;
    }
    tx->Commit();
  }

  // The name of the member the rule picks for a new lead, in a write transaction of its own
  // (a savepoint inside a batch) that commits or rolls back.
  std::string Pick(bool commit) {
    auto tx = db_->BeginWrite();
    auto choice = service_.Choose(*tx, leads::Lead{}, std::nullopt, std::nullopt, clock_.Now());
    if (!choice) return "nobody";
    const auto name = names_.at(choice->user_id);
    if (commit) tx->Commit();
    return name;
  }

  db::testing::TestDatabase db_;
  ManualClock clock_{kT0};
  users::UserService users_{*db_, clock_};
  AssignmentService service_{*db_, clock_, users_};
  std::map<std::int64_t, std::string> names_;
};

TEST_F(AssignmentServiceTest, AGroupCommitsPicksFollowTheTurnsOfTheOnesThatCommitted) {
  {
    auto batch = db_->BeginBatch();
    EXPECT_EQ(Pick(true), "an");
    EXPECT_EQ(Pick(false), "binh");
    EXPECT_EQ(Pick(true), "binh") << "the rolled back pick is taken back";
    EXPECT_EQ(Pick(true), "chi");
    batch->Commit();
  }
  EXPECT_EQ(Pick(true), "an") << "the state saved at the commit is read again";
  {
    auto batch = db_->BeginBatch();
    EXPECT_EQ(Pick(true), "binh");
    EXPECT_EQ(Pick(true), "chi");
  }  // rolled back whole
  EXPECT_EQ(Pick(true), "binh");
  auto tx = db_->BeginRead();
  EXPECT_NE(tx->QueryInt("SELECT length(state) FROM assignment_rules", {}).value_or(0), 0);
}

// Presence changed within the batch: the kept state carries over to the members as they now are.
TEST_F(AssignmentServiceTest, APresenceChangeInTheBatchKeepsTheTurns) {
  auto batch = db_->BeginBatch();
  EXPECT_EQ(Pick(true), "an");
  {
    auto tx = db_->BeginWrite();
    tx->Execute("UPDATE users SET online = 0 WHERE username = 'binh'");
    tx->Execute("UPDATE change_counters SET value = value + 1 WHERE name = 'users'");
    tx->Commit();
  }
  EXPECT_EQ(Pick(true), "chi");
  EXPECT_EQ(Pick(true), "an");
  batch->Commit();
}

}  // namespace
}  // namespace sen::assignment
