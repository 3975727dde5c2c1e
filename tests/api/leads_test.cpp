// Leads over real HTTP: create, duplicates (including a race), validation, search, filters,
// paging, edit history, soft delete, and who may see and change what.
#include <set>
#include <thread>

#include "harness.h"

namespace sen::testing {
namespace {

using json = nlohmann::json;

class LeadsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    admin_ = new Client(server_->port());
    admin_->Login("admin", kAdminPassword);
    team_a_ = CreateTeam(*admin_, "Nhóm A");
    team_b_ = CreateTeam(*admin_, "Nhóm B");
    agent_a1_ = CreateUser(*admin_, "agent.a1", "agent", team_a_);
    agent_a2_ = CreateUser(*admin_, "agent.a2", "agent", team_a_);
    agent_b1_ = CreateUser(*admin_, "agent.b1", "agent", team_b_);
    manager_a_ = CreateUser(*admin_, "manager.a", "manager", team_a_);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static Client SignedIn(const std::string& username) { return testing::SignedIn(server_->port(), username); }
  static json CreateLead(Client& c, json body) {
    auto res = c.Post("/api/leads", body);
    EXPECT_EQ(res.status, 201) << res.body;
    return res.json;
  }
  static std::string Path(const json& lead) { return "/api/leads/" + std::to_string(lead["id"].get<std::int64_t>()); }
  static std::set<std::int64_t> Ids(const HttpResponse& res) {
    std::set<std::int64_t> ids;
    for (const auto& l : res.json["items"]) ids.insert(l["id"].get<std::int64_t>());
    return ids;
  }

  static ServerProcess* server_;
  static Client* admin_;
  static std::int64_t team_a_, team_b_, agent_a1_, agent_a2_, agent_b1_, manager_a_;
};
ServerProcess* LeadsApi::server_ = nullptr;
Client* LeadsApi::admin_ = nullptr;
std::int64_t LeadsApi::team_a_, LeadsApi::team_b_, LeadsApi::agent_a1_, LeadsApi::agent_a2_, LeadsApi::agent_b1_,
    LeadsApi::manager_a_;

std::string Spaced(const std::string& national) {  // "0912345678" -> "+84 912 345 678"
  return "+84 " + national.substr(1, 3) + " " + national.substr(4, 3) + " " + national.substr(7);
}
std::string Dotted(const std::string& national) {  // "0912345678" -> "0912.345.678"
  return national.substr(0, 4) + "." + national.substr(4, 3) + "." + national.substr(7);
}

TEST_F(LeadsApi, CreateAnswers201WithNormalisedFieldsAndDefaults) {
  std::string mobile = UniqueMobile();
  auto lead = CreateLead(*admin_, {{"full_name", "Nguyễn Văn Đức"}, {"mobile", Dotted(mobile)},
                                   {"email", " Duc@Example.VN "}, {"source", "Facebook"}});
  EXPECT_EQ(lead["mobile"], Dotted(mobile));
  EXPECT_EQ(lead["mobile_e164"], "+84" + mobile.substr(1));
  EXPECT_EQ(lead["email"], "duc@example.vn");
  EXPECT_EQ(lead["status"], "new");
  EXPECT_EQ(lead["stage"], "lead");
  EXPECT_EQ(lead["tags"], json::array());
  EXPECT_TRUE(lead["created_at"].is_string());
  auto fetched = admin_->Get(Path(lead));
  ASSERT_EQ(fetched.status, 200);
  EXPECT_EQ(fetched.json, lead);
}

TEST_F(LeadsApi, SameMobileInAnotherFormatIs409WithTheMatchUnlessAllowed) {
  std::string mobile = UniqueMobile();
  auto first = CreateLead(*admin_, {{"full_name", "Nguyễn Văn Đức"}, {"mobile", Dotted(mobile)}});
  auto res = admin_->Post("/api/leads", {{"full_name", "Đức Nguyễn"}, {"mobile", Spaced(mobile)}});
  ASSERT_EQ(res.status, 409) << res.body;
  EXPECT_EQ(res.json["error"]["code"], "duplicate");
  ASSERT_EQ(res.json["duplicates"].size(), 1u);
  EXPECT_EQ(res.json["duplicates"][0]["id"], first["id"]);
  EXPECT_EQ(res.json["duplicates"][0]["type"], "lead");
  EXPECT_EQ(res.json["duplicates"][0]["matched_on"], json({"mobile"}));
  auto saved = admin_->Post("/api/leads", {{"full_name", "Đức Nguyễn"}, {"mobile", Spaced(mobile)}, {"allow_duplicate", true}});
  ASSERT_EQ(saved.status, 201) << saved.body;
  auto edited = admin_->Patch(Path(saved.json), {{"email", "duc.khac@example.vn"}});
  EXPECT_EQ(edited.status, 200) << "an accepted duplicate is not raised again by an unrelated edit: " << edited.body;
}

TEST_F(LeadsApi, LegacyElevenDigitMobileIsTheSamePerson) {
  auto first = CreateLead(*admin_, {{"full_name", "Phạm Thu Hà"}, {"mobile", "0389 555 123"}});
  auto res = admin_->Post("/api/leads", {{"full_name", "Phạm Thu Hà"}, {"mobile", "01689555123"}});
  ASSERT_EQ(res.status, 409) << res.body;
  EXPECT_EQ(res.json["duplicates"][0]["id"], first["id"]);
}

TEST_F(LeadsApi, SameEmailIsADuplicateAndEditsAreCheckedToo) {
  auto a = CreateLead(*admin_, {{"full_name", "Lê An"}, {"email", "le.an.dup@example.vn"}});
  auto b = CreateLead(*admin_, {{"full_name", "Lê Bình"}, {"email", "le.binh@example.vn"}});
  auto res = admin_->Patch(Path(b), {{"email", "LE.AN.DUP@example.vn"}});
  ASSERT_EQ(res.status, 409) << res.body;
  EXPECT_EQ(res.json["duplicates"][0]["id"], a["id"]);
  EXPECT_EQ(res.json["duplicates"][0]["matched_on"], json({"email"}));
  EXPECT_EQ(admin_->Get(Path(b)).json["email"], "le.binh@example.vn") << "nothing was saved";
}

TEST_F(LeadsApi, RacingCreatesWithTheSameMobileLetExactlyOneThrough) {
  std::string mobile = UniqueMobile();
  constexpr int kRacers = 8;
  std::vector<int> statuses(kRacers);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      Client c = *admin_;
      // Every racer types the number differently.
      std::string typed = i % 2 ? Spaced(mobile) : Dotted(mobile);
      statuses[static_cast<size_t>(i)] = c.Post("/api/leads", {{"full_name", "Đua " + std::to_string(i)}, {"mobile", typed}}).status;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kRacers - 1);
}

TEST_F(LeadsApi, BadFieldsAre422NamingEachOneAndNothingIsSaved) {
  auto before = admin_->Get("/api/leads?page_size=1").json["total"];
  auto res = admin_->Post("/api/leads", {{"full_name", "Hoàng Yến"}, {"email", "yen@"}, {"mobile", "0912-abc"},
                                         {"status", "hot"}, {"company", std::string(201, 'x')},
                                         {"favourite_colour", "blue"}, {"id", 5}});
  ASSERT_EQ(res.status, 422) << res.body;
  std::map<std::string, std::string> reasons;
  for (const auto& d : res.json["error"]["details"]) reasons[d["field"]] = d["reason"];
  EXPECT_EQ(reasons, (std::map<std::string, std::string>{{"email", "invalid_email"}, {"mobile", "invalid_phone"},
                                                         {"status", "unknown_value"}, {"company", "too_long"},
                                                         {"favourite_colour", "unknown_field"}, {"id", "read_only"}}));
  EXPECT_EQ(admin_->Get("/api/leads?page_size=1").json["total"], before);
  EXPECT_EQ(admin_->Post("/api/leads", json::object()).status, 422) << "full_name is required";
  // A file or a filter would read "a, b" as two tags (LeadFields.ATagHoldsNoListSeparator).
  auto two_in_one = admin_->Post("/api/leads", {{"full_name", "Hoàng Yến"}, {"tags", {"hội chợ, 2026"}}});
  ASSERT_EQ(two_in_one.status, 422) << two_in_one.body;
  EXPECT_EQ(two_in_one.json["error"]["details"][0]["reason"], "invalid_tag");
  auto mass = admin_->Post("/api/leads/mass-update", {{"ids", {1}}, {"set", {{"add_tags", {"a|b"}}}}});
  ASSERT_EQ(mass.status, 422) << mass.body;
  EXPECT_EQ(mass.json["error"]["details"][0]["field"], "set.add_tags");
  EXPECT_EQ(mass.json["error"]["details"][0]["reason"], "invalid_tag");
  // Such a tag made before it was refused can still be taken off.
  auto off = admin_->Post("/api/leads/mass-update", {{"ids", {1}}, {"set", {{"remove_tags", {"a|b"}}}}});
  EXPECT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(admin_->SendRaw("POST", "/api/leads", "[1,2]", {}).status, 400);
  // A lead always has a status and a stage: neither is cleared (QA: "" was saved, and no status
  // filter found the lead again).
  const auto kept = admin_->Post("/api/leads", {{"full_name", "Hoàng Yến"}, {"mobile", UniqueMobile()}}).json;
  const std::string kept_path = "/api/leads/" + std::to_string(kept["id"].get<std::int64_t>());
  for (const json& empty : {json(""), json(nullptr)}) {
    for (const char* field : {"status", "stage"}) {
      auto cleared = admin_->Post("/api/leads", {{"full_name", "Hoàng Yến"}, {field, empty}});
      ASSERT_EQ(cleared.status, 422) << field << " " << cleared.body;
      EXPECT_EQ(cleared.json["error"]["details"][0]["field"], field);
      EXPECT_EQ(admin_->Patch(kept_path, {{field, empty}}).status, 422) << field;
    }
  }
}

// A search of many short words binds a parameter each: from 15 the query failed (500), and past
// 64 the bound words moved in memory under the statement that pointed at them (the server
// crashed). The list and the export (which shares its query) find the lead as for one word.
TEST_F(LeadsApi, ASearchOfManyShortWordsFindsTheLead) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz", digits = "0123456789";
  auto lead = CreateLead(*admin_, {{"full_name", "Đinh An Nhiềutừ " + letters + " " + digits}});
  std::string words = "nhieutu";
  for (const auto& chars : {letters, digits}) {
    for (std::size_t i = 0; i < chars.size(); ++i) {
      words += "%20" + chars.substr(i, 1);
      if (i + 1 < chars.size()) words += "%20" + chars.substr(i, 2);
    }
  }
  auto res = admin_->Get("/api/leads?q=" + words);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(Ids(res), (std::set<std::int64_t>{lead["id"].get<std::int64_t>()}));
  auto file = admin_->Get("/api/leads/export?format=csv&columns=id,full_name&q=" + words);
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_NE(file.body.find("Đinh An Nhiềutừ"), std::string::npos) << file.body;
}

TEST_F(LeadsApi, SearchIgnoresCaseAndDiacriticsAndMatchesPartsOfPhones) {
  std::string mobile = UniqueMobile();
  auto lead = CreateLead(*admin_, {{"full_name", "Trịnh Công Sơn Tìmthấy"}, {"mobile", mobile},
                                   {"company", "Công ty Âm Nhạc Việt"}, {"email", "son.trinh@amnhac.vn"}});
  auto id = lead["id"].get<std::int64_t>();
  for (const std::string& q : std::vector<std::string>{"timthay", "TÌMTHẤY", "trinh cong son timthay", "Tìmthấy Trịnh", "am nhac viet",
                        "son.trinh@amnhac", mobile.substr(0, 4) + " " + mobile.substr(4, 3),
                        "+84 " + mobile.substr(1, 5), mobile.substr(3)}) {
    std::string target = "/api/leads?q=";
    for (char c : q) target += c == ' ' ? std::string("%20") : c == '+' ? std::string("%2B") : std::string(1, c);
    auto res = admin_->Get(target);
    ASSERT_EQ(res.status, 200) << q << ": " << res.body;
    EXPECT_TRUE(Ids(res).count(id)) << "'" << q << "' should find the lead";
  }
  EXPECT_EQ(admin_->Get("/api/leads?q=timthayxyz").json["total"], 0);
}

TEST_F(LeadsApi, FiltersCombineAndSortAndPage) {
  std::vector<std::int64_t> ids;
  for (const char* name : {"Ánh Lọc", "Bảo Lọc", "Châu Lọc"}) {
    ids.push_back(CreateLead(*admin_, {{"full_name", name}, {"source", "Lọc thử"}, {"mobile", UniqueMobile()}})["id"]);
  }
  admin_->Patch("/api/leads/" + std::to_string(ids[1]), {{"status", "dead"}});
  auto res = admin_->Get("/api/leads?source=L%E1%BB%8Dc%20th%E1%BB%AD&status=new&sort=full_name&page_size=1");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json["total"], 2);
  EXPECT_EQ(res.json["page_size"], 1);
  ASSERT_EQ(res.json["items"].size(), 1u);
  EXPECT_EQ(res.json["items"][0]["id"], ids[0]);
  auto page2 = admin_->Get("/api/leads?source=L%E1%BB%8Dc%20th%E1%BB%AD&status=new&sort=-full_name&page=2&page_size=1");
  EXPECT_EQ(page2.json["items"][0]["id"], ids[0]) << "descending, page 2 of 2";
  auto both = admin_->Get("/api/leads?source=L%E1%BB%8Dc%20th%E1%BB%AD&status=new,dead&owner_id=none");
  EXPECT_EQ(both.json["total"], 3);
  auto today = admin_->Get("/api/leads?source=L%E1%BB%8Dc%20th%E1%BB%AD&created_from=2000-01-01&created_to=2999-12-31");
  EXPECT_EQ(today.json["total"], 3);
  auto none = admin_->Get("/api/leads?source=L%E1%BB%8Dc%20th%E1%BB%AD&created_to=2000-01-01");
  EXPECT_EQ(none.json["total"], 0);
}

TEST_F(LeadsApi, TotalsFollowEveryChangeWhilePaging) {
  const std::string list = "/api/leads?source=T%E1%BB%95ng&page_size=1";
  EXPECT_EQ(admin_->Get(list).json["total"], 0);
  auto a = CreateLead(*admin_, {{"full_name", "Tổng Một"}, {"source", "Tổng"}});
  EXPECT_EQ(admin_->Get(list).json["total"], 1);
  EXPECT_EQ(admin_->Get(list + "&page=2").json["total"], 1);
  CreateLead(*admin_, {{"full_name", "Tổng Hai"}, {"source", "Tổng"}});
  EXPECT_EQ(admin_->Get(list).json["total"], 2);
  ASSERT_EQ(admin_->Delete(Path(a)).status, 204);
  EXPECT_EQ(admin_->Get(list).json["total"], 1);
  ASSERT_EQ(admin_->Patch("/api/leads/" + std::to_string(a["id"].get<std::int64_t>() + 1), {{"source", "Khác"}}).status, 200);
  EXPECT_EQ(admin_->Get(list).json["total"], 0);
}

TEST_F(LeadsApi, BadFiltersAre422NamingTheParameter) {
  for (std::string query : {"status=hot", "stage=x", "owner_id=abc", "created_from=2026-02-30", "sort=mobile",
                            "page_size=501", "page=0", "colour=red", "do_not_contact=maybe"}) {
    auto res = admin_->Get("/api/leads?" + query);
    EXPECT_EQ(res.status, 422) << query << ": " << res.body;
    std::string name = query.substr(0, query.find('='));
    ASSERT_FALSE(res.json["error"]["details"].empty()) << query;
    EXPECT_EQ(res.json["error"]["details"][0]["field"], name) << query;
  }
}

TEST_F(LeadsApi, EditsAreRecordedInTheTimelineNewestFirst) {
  auto lead = CreateLead(*admin_, {{"full_name", "Vũ Lịch Sử"}, {"email", "cu@example.vn"}});
  auto res = admin_->Patch(Path(lead), {{"email", "moi@example.vn"}, {"title", "Giáo viên"}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json["email"], "moi@example.vn");
  auto timeline = admin_->Get(Path(lead) + "/timeline");
  ASSERT_EQ(timeline.status, 200);
  auto items = timeline.json["items"];
  ASSERT_EQ(items.size(), 3u) << timeline.body;
  std::map<std::string, json> by_field;
  for (const auto& e : items) by_field[e["field"].is_null() ? "" : e["field"].get<std::string>()] = e;
  EXPECT_EQ(by_field["email"]["old_value"], "cu@example.vn");
  EXPECT_EQ(by_field["email"]["new_value"], "moi@example.vn");
  EXPECT_EQ(by_field["email"]["user"]["full_name"], "Administrator");
  EXPECT_EQ(by_field["email"]["via"], "ui");
  EXPECT_EQ(items[2]["action"], "create") << "the creation is the oldest entry";
  auto unchanged = admin_->Patch(Path(lead), {{"email", "MOI@example.vn"}});
  EXPECT_EQ(unchanged.status, 200);
  EXPECT_EQ(admin_->Get(Path(lead) + "/timeline").json["total"], 3) << "a no-op edit records nothing";
}

TEST_F(LeadsApi, AgentsSeeAndChangeOnlyTheirOwnLeads) {
  Client a1 = SignedIn("agent.a1");
  Client a2 = SignedIn("agent.a2");
  auto mine = CreateLead(a1, {{"full_name", "Khách Của A1"}, {"mobile", UniqueMobile()}});
  EXPECT_EQ(mine["owner_id"], agent_a1_) << "an agent's new lead is theirs";
  EXPECT_EQ(mine["team_id"], team_a_);
  EXPECT_EQ(mine["status"], "assigned");
  auto other = a2.Get(Path(mine));
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.json["error"]["code"], "forbidden");
  EXPECT_EQ(a2.Patch(Path(mine), {{"title", "x"}}).status, 403);
  EXPECT_EQ(a2.Get(Path(mine) + "/timeline").status, 403);
  EXPECT_FALSE(Ids(a2.Get("/api/leads?page_size=500")).count(mine["id"]));
  EXPECT_TRUE(Ids(a1.Get("/api/leads?page_size=500")).count(mine["id"]));
  EXPECT_EQ(a1.Patch(Path(mine), {{"owner_id", agent_a2_}}).status, 403) << "agents cannot give leads away";
  EXPECT_EQ(a1.Delete(Path(mine)).status, 403) << "agents do not delete";
  EXPECT_EQ(a1.Post("/api/leads", {{"full_name", "Cho Người Khác"}, {"owner_id", agent_a2_}}).status, 403);
  // Nor put one in the pool (a manager's move): an owner given as null is the agent, as none is.
  auto unowned = CreateLead(a1, {{"full_name", "Không Ai Giữ"}, {"owner_id", nullptr}});
  EXPECT_EQ(unowned["owner_id"], agent_a1_) << unowned.dump();
  EXPECT_EQ(a1.Get(Path(unowned)).status, 200);
}

TEST_F(LeadsApi, ManagersWorkWithinTheirTeam) {
  Client manager = SignedIn("manager.a");
  auto lead = CreateLead(*admin_, {{"full_name", "Chưa Giao"}, {"mobile", UniqueMobile()}});
  EXPECT_EQ(manager.Get(Path(lead)).status, 200) << "the unassigned pool is visible to managers";
  auto assigned = manager.Patch(Path(lead), {{"owner_id", agent_a2_}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json["status"], "assigned") << "L10: assignment sets Assigned";
  EXPECT_EQ(assigned.json["team_id"], team_a_);
  EXPECT_EQ(manager.Patch(Path(lead), {{"owner_id", agent_b1_}}).status, 403) << "not to another team";
  auto b_lead = CreateLead(*admin_, {{"full_name", "Của Nhóm B"}, {"owner_id", agent_b1_}});
  EXPECT_EQ(manager.Get(Path(b_lead)).status, 403);
  EXPECT_EQ(admin_->Patch(Path(lead), {{"owner_id", 999999}}).status, 422) << "owner must exist";
}

// A user moved to another team takes their open leads along: the new team's manager sees them,
// the old one no longer does. Closed ones stay where they were won or lost (team reports).
TEST_F(LeadsApi, AnAgentMovedToAnotherTeamTakesTheirOpenLeadsAlong) {
  const auto mover = CreateUser(*admin_, "agent.chuyen", "agent", team_b_);
  auto open = CreateLead(*admin_, {{"full_name", "Đang Chăm"}, {"mobile", UniqueMobile()}, {"owner_id", mover}});
  auto won = CreateLead(*admin_, {{"full_name", "Đã Chốt"}, {"mobile", UniqueMobile()}, {"owner_id", mover}});
  ASSERT_EQ(admin_->Patch(Path(won), {{"status", "converted"}}).status, 200);
  auto trashed = CreateLead(*admin_, {{"full_name", "Trong Thùng Rác"}, {"mobile", UniqueMobile()}, {"owner_id", mover}});
  ASSERT_EQ(admin_->Delete(Path(trashed)).status, 204);
  Client manager = SignedIn("manager.a");
  ASSERT_EQ(manager.Get(Path(open)).status, 403);

  auto moved = admin_->Patch("/api/users/" + std::to_string(mover), {{"team_id", team_a_}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto seen = manager.Get(Path(open));
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json["team_id"], team_a_);
  EXPECT_EQ(admin_->Get(Path(won)).json["team_id"], team_b_);
  auto restored = admin_->Post(Path(trashed) + "/restore", json::object());
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.json["team_id"], team_a_);
  auto history = admin_->Get(Path(open) + "/timeline");
  ASSERT_EQ(history.status, 200) << history.body;
  bool team_change = false;
  for (const auto& h : history.json["items"]) team_change |= h["field"] == "team_id";
  EXPECT_TRUE(team_change) << history.body;
}

// A lost lead stays with the team that lost it when its owner moves; reopened, by hand or by a
// mass update, it is open again and goes to its owner's team like their other open leads.
TEST_F(LeadsApi, AReopenedLeadJoinsItsOwnersTeam) {
  const auto mover = CreateUser(*admin_, "agent.mo.lai", "agent", team_b_);
  auto lost = CreateLead(*admin_, {{"full_name", "Mở Lại Tay"}, {"mobile", UniqueMobile()}, {"owner_id", mover}});
  auto lost_too = CreateLead(*admin_, {{"full_name", "Mở Lại Loạt"}, {"mobile", UniqueMobile()}, {"owner_id", mover}});
  for (const auto& lead : {lost, lost_too}) ASSERT_EQ(admin_->Patch(Path(lead), {{"status", "dead"}}).status, 200);
  auto moved = admin_->Patch("/api/users/" + std::to_string(mover), {{"team_id", team_a_}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(admin_->Get(Path(lost)).json["team_id"], team_b_);

  auto reopened = admin_->Patch(Path(lost), {{"status", "assigned"}});
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.json["team_id"], team_a_);
  auto mass = admin_->Post("/api/leads/mass-update", {{"ids", {lost_too["id"]}}, {"set", {{"status", "assigned"}}}});
  ASSERT_EQ(mass.status, 200) << mass.body;
  EXPECT_EQ(admin_->Get(Path(lost_too)).json["team_id"], team_a_);
  Client manager = SignedIn("manager.a");
  EXPECT_EQ(manager.Get(Path(lost)).status, 200);
  EXPECT_EQ(manager.Get(Path(lost_too)).status, 200);
  auto history = admin_->Get(Path(lost_too) + "/timeline");
  bool team_change = false;
  for (const auto& h : history.json["items"]) team_change |= h["field"] == "team_id";
  EXPECT_TRUE(team_change) << "the move is in the lead's history: " << history.body;
}

TEST_F(LeadsApi, DeleteIsSoftAndRestorable) {
  Client manager = SignedIn("manager.a");
  auto lead = CreateLead(*admin_, {{"full_name", "Xoá Mềm"}, {"owner_id", agent_a1_}});
  EXPECT_EQ(manager.Delete(Path(lead)).status, 204);
  EXPECT_EQ(SignedIn("agent.a1").Get(Path(lead)).status, 404);
  EXPECT_FALSE(Ids(admin_->Get("/api/leads?page_size=500")).count(lead["id"]));
  EXPECT_TRUE(Ids(manager.Get("/api/leads?deleted=true&page_size=500")).count(lead["id"]));
  EXPECT_EQ(SignedIn("agent.a1").Get("/api/leads?deleted=true").status, 403);
  EXPECT_FALSE(admin_->Get(Path(lead)).json["deleted_at"].is_null());
  EXPECT_EQ(manager.Delete(Path(lead)).status, 404) << "already deleted";
  auto restored = manager.Post(Path(lead) + "/restore", json::object());
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_TRUE(restored.json["deleted_at"].is_null());
  EXPECT_EQ(SignedIn("agent.a1").Get(Path(lead)).status, 200);
  auto timeline = admin_->Get(Path(lead) + "/timeline").json["items"];
  EXPECT_EQ(timeline[0]["action"], "restore");
  EXPECT_EQ(timeline[1]["action"], "delete");
}

TEST_F(LeadsApi, MissingLeadsAre404) {
  EXPECT_EQ(admin_->Get("/api/leads/99999999").status, 404);
  EXPECT_EQ(admin_->Get("/api/leads/abc").status, 404);
  EXPECT_EQ(admin_->Patch("/api/leads/99999999", {{"title", "x"}}).status, 404);
}

TEST_F(LeadsApi, MetaDescribesEveryFieldInBothLanguages) {
  auto res = SignedIn("agent.a1").Get("/api/meta/leads");
  ASSERT_EQ(res.status, 200);
  std::map<std::string, json> fields;
  for (const auto& f : res.json["fields"]) fields[f["name"]] = f;
  EXPECT_EQ(fields["full_name"]["label"]["vi"], "Họ và tên");
  EXPECT_EQ(fields["full_name"]["required"], true);
  EXPECT_EQ(fields["status"]["options"].size(), 6u);
  EXPECT_EQ(fields["created_at"]["sortable"], true);
}

// A list matching more than 5,000 leads pages through the filter's index; a smaller one keeps
// its ids between pages. Both must give the same leads in the same order.
TEST(LeadLists, FewAndManyMatchesPageInTheSameOrder) {
  ServerProcess server;
  auto demo = RunSen({"demo", "--db", server.db_url(), "--leads", "6000"});
  ASSERT_EQ(demo.status, 0) << demo.out;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  struct Listed {
    std::vector<std::int64_t> ids;
    std::vector<std::string> sources;
  };
  auto list = [&](const std::string& query) {
    Listed out;
    for (int page = 1;; ++page) {
      auto res = admin.Get("/api/leads?page_size=500&page=" + std::to_string(page) + query);
      EXPECT_EQ(res.status, 200) << res.body;
      if (res.status != 200 || res.json["items"].empty()) break;
      for (const auto& l : res.json["items"]) {
        out.ids.push_back(l["id"]);
        out.sources.push_back(l["source"].is_string() ? l["source"].get<std::string>() : "");
      }
    }
    return out;
  };
  for (std::string sort : {"", "&sort=full_name", "&sort=-updated_at"}) {
    const Listed all = list(sort);
    ASSERT_GE(all.ids.size(), 6000u) << sort;
    std::vector<std::int64_t> expected;
    for (std::size_t i = 0; i < all.ids.size(); ++i) {
      if (all.sources[i] == "Facebook") expected.push_back(all.ids[i]);
    }
    ASSERT_GT(expected.size(), 100u);
    ASSERT_LT(expected.size(), 5000u);
    EXPECT_EQ(list("&source=Facebook" + sort).ids, expected) << sort;
    EXPECT_EQ(admin.Get("/api/leads?source=Facebook" + sort).json["total"], expected.size()) << sort;
  }
  // The demo's target list holds its event sign-ups.
  const auto lists = admin.Get("/api/target-lists").json["items"];
  ASSERT_EQ(lists.size(), 1u);
  const auto events = admin.Get("/api/leads?source=S%E1%BB%B1%20ki%E1%BB%87n").json["total"];
  EXPECT_GT(events, 0);
  EXPECT_EQ(lists[0]["members"], events);
}

}  // namespace
}  // namespace sen::testing
