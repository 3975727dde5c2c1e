#include "modules/campaigns/campaign_repository.h"

#include <gtest/gtest.h>

#include "db/test_database.h"
#include "text/fold.h"

namespace sen::campaigns {
namespace {

TEST(CampaignRepository, ChecksThatACampaignExistsNamingTheField) {
  db::testing::TestDatabase db;
  auto tx = db->BeginWrite();
  const auto id = *tx->QueryInt(
      "INSERT INTO campaigns (name, name_fold, created_at, updated_at) VALUES ('Hội chợ', 'hoi cho', 0, 0) RETURNING id",
      {});
  EXPECT_TRUE(repo::Check(*tx, std::nullopt, "campaign_id"));
  EXPECT_TRUE(repo::Check(*tx, id, "campaign_id"));
  auto missing = repo::Check(*tx, id + 1, "set.campaign_id");
  ASSERT_FALSE(missing);
  ASSERT_EQ(missing.error().details.size(), 1u);
  EXPECT_EQ(missing.error().details[0].field, "set.campaign_id");
  EXPECT_EQ(missing.error().details[0].reason, "unknown_campaign");
  EXPECT_EQ(repo::IdsByFoldedName(*tx).at("hoi cho"), id);
}

// Leads and rules carried campaign numbers before campaigns existed: the upgrade makes each one a
// campaign, so none of them loses its campaign or names one that is not there.
TEST(CampaignRepository, TheUpgradeMakesACampaignOfEveryNumberLeadsAndRulesCarried) {
  db::testing::TestDatabase db;
  {
    auto tx = db->BeginWrite();
    tx->Execute("DROP TABLE campaigns");
    tx->Execute("DROP TABLE targets");
    tx->Execute("DROP TABLE target_search");
    tx->Execute("DELETE FROM schema_migrations WHERE version >= 24");
    for (int campaign : {7, 7, 12}) {
      tx->Execute("INSERT INTO leads (full_name, name_fold, status, stage, campaign_id, created_at, updated_at) "
                  "VALUES ('An', 'an', 'new', 'lead', ?, 0, 0)",
                  {campaign});
    }
    tx->Execute("INSERT INTO assignment_rules (name, method, campaign_id, created_at, updated_at) "
                "VALUES ('r', 'round_robin', 30, 0, 0)");
    tx->Commit();
  }
  db::Migrate(*db);
  auto tx = db->BeginRead();
  std::vector<std::pair<std::int64_t, std::string>> made;
  tx->Query("SELECT id, name, name_fold, status FROM campaigns ORDER BY id", {}, [&](const db::Row& r) {
    made.emplace_back(r.Int(0), r.Str(1));
    EXPECT_EQ(r.Str(2), text::Fold(r.Str(1)));  // so that a twin typed later is refused
    EXPECT_EQ(r.Str(3), "active");
  });
  EXPECT_EQ(made, (std::vector<std::pair<std::int64_t, std::string>>{
                      {7, "Chiến dịch #7"}, {12, "Chiến dịch #12"}, {30, "Chiến dịch #30"}}));
}

}  // namespace
}  // namespace sen::campaigns
