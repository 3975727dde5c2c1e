// Target lists over real HTTP (K2): who may use and change them, names unique whatever their
// case and accents, leads added by selection or filter without the do-not-contact ones, the
// members as the lead list shows them, removal. Lists filled from an import: imports_test.cpp.
#include "harness.h"

namespace sen::testing {
namespace {

using json = nlohmann::json;

std::string ListPath(const json& list, const std::string& rest = "") {
  return "/api/target-lists/" + std::to_string(list["id"].get<std::int64_t>()) + rest;
}

std::string ListFilter(const json& list) {
  return "/api/leads?target_list_id=" + std::to_string(list["id"].get<std::int64_t>());
}

class TargetListsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    admin_ = new Client(server_->port());
    admin_->Login("admin", kAdminPassword);
    const auto team = CreateTeam(*admin_, "Tuyển sinh Hà Nội");
    CreateUser(*admin_, "tl.marketer", "marketer");
    CreateUser(*admin_, "tl.manager", "manager", team);
    CreateUser(*admin_, "tl.agent", "agent", team);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static Client SignedIn(const std::string& username) { return testing::SignedIn(server_->port(), username); }
  static std::int64_t NewLead(const std::string& name, const std::string& tag, bool do_not_contact = false) {
    json body = {{"full_name", name}, {"mobile", UniqueMobile()}, {"tags", {tag}}};
    if (do_not_contact) {
      body["do_not_contact"] = true;
      body["dnc_reason"] = "Xin không gọi nữa";
    }
    auto res = admin_->Post("/api/leads", body);
    EXPECT_EQ(res.status, 201) << res.body;
    return res.json["id"].get<std::int64_t>();
  }
  static ServerProcess* server_;
  static Client* admin_;
};
ServerProcess* TargetListsApi::server_ = nullptr;
Client* TargetListsApi::admin_ = nullptr;

TEST_F(TargetListsApi, NamesAreUniqueAndOnlyTheirMakerOrAnAdminChangesThem) {
  Client marketer = SignedIn("tl.marketer");
  auto made = marketer.Post("/api/target-lists", {{"name", "  Hội chợ   tháng 12 "}, {"description", "Gửi thư mời"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const json list = made.json;
  EXPECT_EQ(list["name"], "Hội chợ tháng 12");
  EXPECT_EQ(list["description"], "Gửi thư mời");
  EXPECT_EQ(list["members"], 0);
  EXPECT_EQ(list["mine"], true);

  auto same = admin_->Post("/api/target-lists", {{"name", "HOI CHO THANG 12"}});
  EXPECT_EQ(same.status, 409);
  EXPECT_EQ(same.json["error"]["reason"], "list_name_taken") << same.body;
  EXPECT_EQ(same.json["error"]["name"], "Hội chợ tháng 12") << same.body;  // the holder's spelling
  auto unnamed = admin_->Post("/api/target-lists", {{"name", " "}, {"colour", "red"}});
  ASSERT_EQ(unnamed.status, 422);
  EXPECT_NE(unnamed.body.find("\"name\""), std::string::npos) << unnamed.body;
  EXPECT_NE(unnamed.body.find("\"colour\""), std::string::npos) << unnamed.body;

  Client agent = SignedIn("tl.agent");
  EXPECT_EQ(agent.Get("/api/target-lists").status, 403);
  EXPECT_EQ(agent.Post("/api/target-lists", {{"name", "Của tôi"}}).status, 403);
  // Nor the lead list's filter: it would tell them which of their leads are in which list.
  EXPECT_EQ(agent.Get(ListFilter(list)).status, 422);
  EXPECT_EQ(agent.Post("/api/views", {{"name", "Danh sách"}, {"filter", {{"target_list_id", "1"}}}}).status, 422);

  Client manager = SignedIn("tl.manager");
  auto seen = manager.Get("/api/target-lists");
  ASSERT_EQ(seen.status, 200);
  ASSERT_EQ(seen.json["items"].size(), 1u);
  EXPECT_EQ(seen.json["items"][0]["mine"], false);
  EXPECT_EQ(seen.json["items"][0]["created_by_name"].is_string(), true);
  EXPECT_EQ(manager.Patch(ListPath(list), {{"name", "Của quản lý"}}).status, 403);
  EXPECT_EQ(manager.Delete(ListPath(list)).status, 403);

  auto renamed = admin_->Patch(ListPath(list), {{"name", "Hội chợ tháng Mười Hai"}, {"description", nullptr}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json["name"], "Hội chợ tháng Mười Hai");
  EXPECT_EQ(renamed.json["description"].is_null(), true);
  EXPECT_EQ(marketer.Patch(ListPath(list), {{"name", "Hội chợ tháng Mười Hai"}}).status, 200);  // its own name
  EXPECT_EQ(marketer.Delete(ListPath(list)).status, 204);
  EXPECT_EQ(admin_->Get(ListPath(list)).status, 404);
}

TEST_F(TargetListsApi, LeadsJoinBySelectionOrFilterButNotThoseNotToBeContacted) {
  const auto a = NewLead("Nguyễn Văn An", "danh-sach-1");
  const auto b = NewLead("Trần Thị Bình", "danh-sach-1");
  NewLead("Lê Không Gọi", "danh-sach-1", true);
  auto made = admin_->Post("/api/target-lists", {{"name", "Gửi e-mail khai giảng"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const json list = made.json;
  // Counted once before the leads join: the count kept for this filter must not outlive them.
  EXPECT_EQ(admin_->Get(ListFilter(list)).json["total"], 0);

  auto by_ids = admin_->Post(ListPath(list, "/members"), {{"ids", {a, b}}});
  ASSERT_EQ(by_ids.status, 200) << by_ids.body;
  EXPECT_EQ(by_ids.json, json({{"matched", 2}, {"added", 2}, {"already", 0}, {"do_not_contact", 0}}));
  auto by_filter = admin_->Post(ListPath(list, "/members"), {{"filter", {{"tag", "danh-sach-1"}}}});
  ASSERT_EQ(by_filter.status, 200) << by_filter.body;
  EXPECT_EQ(by_filter.json, json({{"matched", 3}, {"added", 0}, {"already", 2}, {"do_not_contact", 1}}));

  EXPECT_EQ(admin_->Get(ListFilter(list)).json["total"], 2);
  EXPECT_EQ(admin_->Get(ListPath(list)).json["members"], 2);
  auto members = admin_->Get(ListPath(list, "/members?sort=full_name"));
  ASSERT_EQ(members.status, 200) << members.body;
  ASSERT_EQ(members.json["items"].size(), 2u);
  EXPECT_EQ(members.json["items"][0]["full_name"], "Nguyễn Văn An");

  // A manager counts and sees the members of their team (and the pool), not another team's.
  const auto team = CreateTeam(*admin_, "Tuyển sinh Đà Nẵng");
  const auto elsewhere = CreateUser(*admin_, "tl.agent.dn", "agent", team);
  auto theirs = admin_->Post("/api/leads", {{"full_name", "Võ Văn Đà"}, {"mobile", UniqueMobile()}, {"owner_id", elsewhere}});
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  ASSERT_EQ(admin_->Post(ListPath(list, "/members"), {{"ids", {theirs.json["id"]}}}).json["added"], 1);
  EXPECT_EQ(admin_->Get(ListPath(list)).json["members"], 3);
  Client manager = SignedIn("tl.manager");
  EXPECT_EQ(manager.Get(ListPath(list)).json["members"], 2);
  const auto lists = manager.Get("/api/target-lists");  // kept: the loop must not outlive it
  for (const auto& l : lists.json["items"]) {
    if (l["id"] == list["id"]) {
      EXPECT_EQ(l["members"], 2);
    }
  }
  EXPECT_EQ(manager.Get(ListFilter(list)).json["total"], 2);
  ASSERT_EQ(admin_->Delete(ListPath(list, "/members/" + std::to_string(theirs.json["id"].get<std::int64_t>()))).status,
            204);

  EXPECT_EQ(admin_->Post(ListPath(list, "/members"), {{"ids", {a}}, {"filter", {{"tag", "x"}}}}).status, 422);
  auto bad = admin_->Post(ListPath(list, "/members"), {{"filter", {{"colour", "red"}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("filter.colour"), std::string::npos) << bad.body;
  EXPECT_EQ(admin_->Post("/api/target-lists/999999/members", {{"ids", {a}}}).status, 404);

  EXPECT_EQ(admin_->Delete(ListPath(list, "/members/" + std::to_string(a))).status, 204);
  EXPECT_EQ(admin_->Delete(ListPath(list, "/members/" + std::to_string(a))).status, 404);
  EXPECT_EQ(admin_->Get(ListFilter(list)).json["total"], 1);
  // Many at once, as the list page's selection does; one not in the list is no harm.
  const auto c = NewLead("Phạm Văn Cường", "danh-sach-1");
  ASSERT_EQ(admin_->Post(ListPath(list, "/members"), {{"ids", {a, c}}}).json["added"], 2);
  auto removed = admin_->Send("DELETE", ListPath(list, "/members"), json{{"ids", {a, c, b + 1000}}});
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json["removed"], 2);
  EXPECT_EQ(admin_->Send("DELETE", ListPath(list, "/members"), json{{"name", "x"}}).status, 422);
  EXPECT_EQ(admin_->Get(ListFilter(list)).json["total"], 1);

  // A lead in the trash is not counted; restored, it is back in the list.
  ASSERT_EQ(admin_->Delete("/api/leads/" + std::to_string(b)).status, 204);
  EXPECT_EQ(admin_->Get(ListPath(list)).json["members"], 0);
  // The trash's filter adds nothing to a list.
  auto trashed = admin_->Post(ListPath(list, "/members"), {{"filter", {{"deleted", "true"}, {"tag", "danh-sach-1"}}}});
  ASSERT_EQ(trashed.status, 200) << trashed.body;
  EXPECT_EQ(trashed.json["matched"], 0);
  EXPECT_EQ(admin_->Post(ListPath(list, "/members"), {{"ids", {b}}}).json["matched"], 0);
  ASSERT_EQ(admin_->Post("/api/leads/" + std::to_string(b) + "/restore", json::object()).status, 200);
  EXPECT_EQ(admin_->Get(ListPath(list)).json["members"], 1);

  // Deleting the list leaves its leads alone.
  ASSERT_EQ(admin_->Delete(ListPath(list)).status, 204);
  EXPECT_EQ(admin_->Get("/api/leads/" + std::to_string(b)).status, 200);
  EXPECT_EQ(admin_->Get(ListFilter(list)).json["total"], 0);
}

}  // namespace
}  // namespace sen::testing
