// Campaigns over real HTTP (K1): who makes and changes them, names unique whatever their case and
// accents, the checks on dates, type and budget, leads and rules that must name an existing
// campaign, the leads and customers counted per campaign in the viewer's sight, and a delete
// refused while something names the campaign. An import's campaign column: imports_test.cpp.
#include "harness.h"

namespace sen::testing {
namespace {

using json = nlohmann::json;

std::string CampaignPath(const json& campaign) {
  return "/api/campaigns/" + std::to_string(campaign["id"].get<std::int64_t>());
}

class CampaignsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    admin_ = new Client(server_->port());
    admin_->Login("admin", kAdminPassword);
    const auto team = CreateTeam(*admin_, "Tuyển sinh Đà Nẵng");
    CreateUser(*admin_, "cp.marketer", "marketer");
    CreateUser(*admin_, "cp.marketer2", "marketer");
    agent_id_ = CreateUser(*admin_, "cp.agent", "agent", team);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static Client SignedIn(const std::string& username) { return testing::SignedIn(server_->port(), username); }
  static ServerProcess* server_;
  static Client* admin_;
  static std::int64_t agent_id_;
};
ServerProcess* CampaignsApi::server_ = nullptr;
Client* CampaignsApi::admin_ = nullptr;
std::int64_t CampaignsApi::agent_id_ = 0;

TEST_F(CampaignsApi, MarketersMakeThemEveryoneReadsThemNamesAreUniqueIgnoringMarks) {
  Client marketer = SignedIn("cp.marketer");
  auto made = marketer.Post("/api/campaigns", {{"name", " Hội thảo du học  12/2026 "},
                                               {"type", "event"},
                                               {"status", "active"},
                                               {"start_date", "2026-12-01"},
                                               {"end_date", "2026-12-20"},
                                               {"budget", 15'000'000},
                                               {"source", "Hội thảo"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const json campaign = made.json;
  EXPECT_EQ(campaign["name"], "Hội thảo du học 12/2026");
  EXPECT_EQ(campaign["type"], "event");
  EXPECT_EQ(campaign["budget"], 15'000'000);
  EXPECT_EQ(campaign["leads"], 0);
  EXPECT_EQ(campaign["mine"], true);

  // The same name in capitals and without marks is taken; the answer names who has it.
  auto twin = admin_->Post("/api/campaigns", {{"name", "HOI THAO DU HOC 12/2026"}});
  EXPECT_EQ(twin.status, 409) << twin.body;
  EXPECT_EQ(twin.json["error"]["reason"], "campaign_name_taken");
  EXPECT_EQ(twin.json["error"]["name"], "Hội thảo du học 12/2026");

  // Each bad value named by its field; nothing is made.
  auto bad = marketer.Post("/api/campaigns", {{"name", "Quảng cáo Facebook"},
                                              {"type", "billboard"},
                                              {"start_date", "2026-12-10"},
                                              {"end_date", "2026-12-01"},
                                              {"budget", -5}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  for (const auto& d : bad.json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"type", "budget"})) << bad.body;
  auto backwards = marketer.Post("/api/campaigns",
                                 {{"name", "Quảng cáo Facebook"}, {"start_date", "2026-12-10"}, {"end_date", "2026-12-01"}});
  ASSERT_EQ(backwards.status, 422) << backwards.body;
  EXPECT_EQ(backwards.json["error"]["details"][0]["field"], "end_date");
  EXPECT_EQ(backwards.json["error"]["details"][0]["reason"], "before_start_date");
  auto no_date = marketer.Post("/api/campaigns", {{"name", "Quảng cáo Facebook"}, {"start_date", "2026-02-30"}});
  EXPECT_EQ(no_date.status, 422) << no_date.body;

  // Everyone reads, found by the name as typed without marks; agents make none.
  Client agent = SignedIn("cp.agent");
  auto found = agent.Get("/api/campaigns?q=hoi%20thao");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json["total"], 1);
  EXPECT_EQ(found.json["items"][0]["id"], campaign["id"]);
  EXPECT_EQ(agent.Get("/api/campaigns?q=hoi%20thao&status=paused").json["total"], 0);
  EXPECT_EQ(agent.Get("/api/campaigns?status=running").status, 422);
  EXPECT_EQ(agent.Post("/api/campaigns", {{"name", "Của tôi"}}).status, 403);

  // Changed by its maker or an admin only.
  Client other = SignedIn("cp.marketer2");
  EXPECT_EQ(other.Patch(CampaignPath(campaign), {{"status", "paused"}}).status, 403);
  auto paused = marketer.Patch(CampaignPath(campaign), {{"status", "paused"}, {"budget", nullptr}});
  ASSERT_EQ(paused.status, 200) << paused.body;
  EXPECT_EQ(paused.json["status"], "paused");
  EXPECT_EQ(paused.json["budget"], nullptr);
  EXPECT_EQ(paused.json["name"], "Hội thảo du học 12/2026");
  EXPECT_EQ(admin_->Patch(CampaignPath(campaign), {{"status", "completed"}}).status, 200);
  EXPECT_EQ(other.Delete(CampaignPath(campaign)).status, 403);
  EXPECT_EQ(marketer.Delete(CampaignPath(campaign)).status, 204);
  EXPECT_EQ(agent.Get(CampaignPath(campaign)).status, 404);
}

TEST_F(CampaignsApi, LeadsAndRulesNameExistingCampaignsWhichCountTheirLeadsAndCannotGoWhileNamed) {
  auto made = admin_->Post("/api/campaigns", {{"name", "Ngày hội tiếng Anh trẻ em"}, {"type", "event"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const json campaign = made.json;
  const std::int64_t id = campaign["id"].get<std::int64_t>();
  const std::int64_t missing = id + 1000;

  // A campaign that does not exist is refused on every path that sets one, naming the field.
  auto lead = admin_->Post("/api/leads", {{"full_name", "Vũ Thị Lan"}, {"mobile", UniqueMobile()}, {"campaign_id", missing}});
  ASSERT_EQ(lead.status, 422) << lead.body;
  EXPECT_EQ(lead.json["error"]["details"][0]["field"], "campaign_id");
  EXPECT_EQ(lead.json["error"]["details"][0]["reason"], "unknown_campaign");
  auto rule = admin_->Post("/api/assignment-rules", {{"name", "Ngày hội"}, {"method", "round_robin"}, {"campaign_id", missing}});
  ASSERT_EQ(rule.status, 422) << rule.body;
  EXPECT_EQ(rule.json["error"]["details"][0]["field"], "campaign_id");

  std::vector<std::int64_t> ids;
  for (const char* name : {"Vũ Thị Lan", "Đỗ Minh Quân"}) {
    auto res = admin_->Post("/api/leads", {{"full_name", name}, {"mobile", UniqueMobile()}, {"campaign_id", id}});
    ASSERT_EQ(res.status, 201) << res.body;
    ids.push_back(res.json["id"].get<std::int64_t>());
  }
  auto mine = admin_->Post("/api/leads", {{"full_name", "Lý Gia Hân"}, {"mobile", UniqueMobile()}, {"owner_id", agent_id_}});
  ASSERT_EQ(mine.status, 201) << mine.body;
  const std::string mine_path = "/api/leads/" + std::to_string(mine.json["id"].get<std::int64_t>());
  EXPECT_EQ(admin_->Patch(mine_path, {{"campaign_id", missing}}).status, 422);
  auto moved = admin_->Post("/api/leads/mass-update", {{"ids", {mine.json["id"]}}, {"set", {{"campaign_id", missing}}}});
  ASSERT_EQ(moved.status, 422) << moved.body;
  EXPECT_EQ(moved.json["error"]["details"][0]["field"], "set.campaign_id");
  ASSERT_EQ(admin_->Patch(mine_path, {{"campaign_id", id}}).status, 200);
  auto won = admin_->Post("/api/leads/mass-update", {{"ids", {ids[0]}}, {"set", {{"stage", "customer"}}}});
  ASSERT_EQ(won.status, 200) << won.body;

  // Counted in the viewer's sight: the admin sees three leads, one a customer; the agent their one.
  auto counted = admin_->Get(CampaignPath(campaign));
  EXPECT_EQ(counted.json["leads"], 3) << counted.body;
  EXPECT_EQ(counted.json["customers"], 1);
  auto listed = SignedIn("cp.agent").Get("/api/campaigns?q=ngay%20hoi%20tieng%20anh");
  ASSERT_EQ(listed.json["items"].size(), 1u) << listed.body;
  EXPECT_EQ(listed.json["items"][0]["leads"], 1);
  EXPECT_EQ(listed.json["items"][0]["customers"], 0);
  auto names = admin_->Get("/api/campaigns?counts=false&q=ngay%20hoi%20tieng%20anh");
  ASSERT_EQ(names.json["items"].size(), 1u) << names.body;
  EXPECT_FALSE(names.json["items"][0].contains("leads")) << "a picker's names are not counted";
  EXPECT_EQ(admin_->Get("/api/leads?campaign_id=" + std::to_string(id)).json["total"], 3);

  // Named by leads and a rule, it stays; the answer says by how many.
  ASSERT_EQ(admin_->Post("/api/assignment-rules", {{"name", "Ngày hội"}, {"method", "round_robin"}, {"campaign_id", id}}).status,
            201);
  auto kept = admin_->Delete(CampaignPath(campaign));
  ASSERT_EQ(kept.status, 409) << kept.body;
  EXPECT_EQ(kept.json["error"]["reason"], "campaign_in_use");
  EXPECT_EQ(kept.json["error"]["leads"], 3);
  EXPECT_EQ(kept.json["error"]["rules"], 1);
  EXPECT_EQ(admin_->Get(CampaignPath(campaign)).status, 200);
}

}  // namespace
}  // namespace sen::testing
