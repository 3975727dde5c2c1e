// Targets over real HTTP (T1-T5): made raw, found without accents, duplicates against targets
// and leads, verified by calls (T2), converted to leads (T3), handed out and deleted by mass
// update (T4), imported, undone and exported (T5).
#include "harness.h"

namespace sen::testing {
namespace {

using json = nlohmann::json;

std::string TargetPath(const json& target, const std::string& rest = "") {
  return "/api/targets/" + std::to_string(target["id"].get<std::int64_t>()) + rest;
}

class TargetsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    admin_ = new Client(server_->port());
    admin_->Login("admin", kAdminPassword);
    const auto team = CreateTeam(*admin_, "Telesales Hà Nội");
    manager_id_ = CreateUser(*admin_, "tg.manager", "manager", team);
    agent_id_ = CreateUser(*admin_, "tg.agent", "agent", team);
    consultant_id_ = CreateUser(*admin_, "tg.consultant", "agent", team);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static Client SignedIn(const std::string& username) {
    return testing::SignedIn(server_->port(), username);
  }
  static json Make(Client& c, json body) {
    auto made = c.Post("/api/targets", body);
    EXPECT_EQ(made.status, 201) << made.body;
    return made.json;
  }
  static ServerProcess* server_;
  static Client* admin_;
  static std::int64_t manager_id_, agent_id_, consultant_id_;
};
ServerProcess* TargetsApi::server_ = nullptr;
Client* TargetsApi::admin_ = nullptr;
std::int64_t TargetsApi::manager_id_ = 0;
std::int64_t TargetsApi::agent_id_ = 0;
std::int64_t TargetsApi::consultant_id_ = 0;

TEST_F(TargetsApi, MadeRawFoundWithoutAccentsAndCheckedForDuplicates) {
  const std::string mobile = UniqueMobile();
  Client agent = SignedIn("tg.agent");
  const json target = Make(
      agent, {{"full_name", "  Đặng Thị   Hương "}, {"mobile", mobile}, {"source", "Hội chợ"}});
  EXPECT_EQ(target["full_name"], "Đặng Thị Hương");
  EXPECT_EQ(target["status"], "raw");
  EXPECT_EQ(target["owner_id"], agent_id_);  // an agent's own, as with leads
  EXPECT_TRUE(target["lead_id"].is_null());
  EXPECT_FALSE(target.contains("stage"));

  auto found = admin_->Get("/api/targets?q=dang%20thi%20huong&status=raw");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json["total"], 1) << found.body;
  EXPECT_EQ(found.json["items"][0]["id"], target["id"]);

  // The same mobile again: 409 naming the target; a lead with it is named too.
  auto lead = admin_->Post(
      "/api/leads", {{"full_name", "Đặng Hương"}, {"mobile", mobile}, {"allow_duplicate", true}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  auto twin = admin_->Post("/api/targets", {{"full_name", "Hương Đặng"}, {"mobile", mobile}});
  ASSERT_EQ(twin.status, 409) << twin.body;
  std::set<std::string> types;
  for (const auto& d : twin.json["error"]["duplicates"]) types.insert(d["type"].get<std::string>());
  EXPECT_EQ(types, (std::set<std::string>{"target", "lead"})) << twin.body;
  auto anyway = admin_->Post(
      "/api/targets", {{"full_name", "Hương Đặng"}, {"mobile", mobile}, {"allow_duplicate", true}});
  EXPECT_EQ(anyway.status, 201) << anyway.body;

  // What a target has not, and what only conversion does, are refused by field.
  auto bad = admin_->Post("/api/targets",
                          {{"full_name", "Sai"}, {"stage", "mql"}, {"status", "transferred"}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  for (const auto& d : bad.json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"stage", "status"})) << bad.body;
  EXPECT_EQ(admin_->Get("/api/targets?stage=mql").status, 422);
  // No status is no value of the table's (QA: a 500 from its CHECK): 422, by field.
  for (const json& empty : {json(""), json(nullptr)}) {
    auto none =
        admin_->Post("/api/targets", {{"full_name", "Không Tình Trạng"}, {"status", empty}});
    ASSERT_EQ(none.status, 422) << none.body;
    EXPECT_EQ(none.json["error"]["details"][0]["field"], "status");
    EXPECT_EQ(admin_->Patch(TargetPath(target), {{"status", empty}}).status, 422);
    auto mass = admin_->Post("/api/targets/mass-update",
                             {{"ids", {target["id"]}}, {"set", {{"status", empty}}}});
    EXPECT_EQ(mass.status, 422) << mass.body;
  }

  // A lead made with a target's mobile is told of the target (L3: "or target"); a transferred
  // target is not named, its lead is.
  const std::string other = UniqueMobile();
  const json raw = Make(*admin_, {{"full_name", "Vũ Minh Khoa"}, {"mobile", other}});
  auto lead_twin = admin_->Post("/api/leads", {{"full_name", "Khoa Vũ"}, {"mobile", other}});
  ASSERT_EQ(lead_twin.status, 409) << lead_twin.body;
  EXPECT_EQ(lead_twin.json["error"]["duplicates"][0]["type"], "target");
  EXPECT_EQ(lead_twin.json["error"]["duplicates"][0]["id"], raw["id"]);

  // Another agent neither sees nor changes it.
  Client consultant = SignedIn("tg.consultant");
  EXPECT_EQ(consultant.Get(TargetPath(target)).status, 403);
  EXPECT_EQ(consultant.Get("/api/targets?q=dang").json["total"], 0);
  EXPECT_EQ(agent.Delete(TargetPath(target)).status, 403);  // managers delete
  Client manager = SignedIn("tg.manager");
  EXPECT_EQ(manager.Delete(TargetPath(target)).status, 204);
  EXPECT_EQ(admin_->Get(TargetPath(target)).status, 404);
  // In the trash for 30 days (L14): managers see it there and restore it.
  EXPECT_EQ(agent.Get("/api/targets?deleted=true").status, 403);
  auto trash = manager.Get("/api/targets?deleted=true&q=dang%20thi%20huong");
  ASSERT_EQ(trash.json["total"], 1) << trash.body;
  EXPECT_FALSE(trash.json["items"][0]["deleted_at"].is_null());
  EXPECT_EQ(agent.Post(TargetPath(target, "/restore"), json::object()).status, 403);
  auto back = manager.Post(TargetPath(target, "/restore"), json::object());
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_TRUE(back.json["deleted_at"].is_null());
  EXPECT_EQ(admin_->Get(TargetPath(target)).json["status"], "raw");
  EXPECT_EQ(manager.Post(TargetPath(target, "/restore"), json::object()).json["error"]["reason"],
            "not_deleted");
}

TEST_F(TargetsApi, ACompletedCallVerifiesATargetOnItsTimeline) {
  Client agent = SignedIn("tg.agent");
  const json target = Make(agent, {{"full_name", "Lý Văn Tâm"}, {"mobile", UniqueMobile()}});
  const auto id = target["id"].get<std::int64_t>();
  auto busy = agent.Post("/api/calls", {{"parent_type", "target"},
                                        {"parent_id", id},
                                        {"subject", "Gọi xác thực"},
                                        {"direction", "outbound"},
                                        {"status", "completed"},
                                        {"result", "call_back_later"}});
  ASSERT_EQ(busy.status, 201) << busy.body;
  EXPECT_TRUE(busy.json["target_status_changed"].is_null());
  EXPECT_EQ(busy.json["parent_name"], "Lý Văn Tâm");
  auto call = agent.Post("/api/calls", {{"parent_type", "target"},
                                        {"parent_id", id},
                                        {"subject", "Gọi lại"},
                                        {"direction", "outbound"},
                                        {"status", "completed"},
                                        {"result", "interested"}});
  ASSERT_EQ(call.status, 201) << call.body;
  EXPECT_EQ(call.json["target_status_changed"],
            json({{"from", "raw"}, {"to", "wait_for_deliver"}}));
  EXPECT_EQ(agent.Get(TargetPath(target)).json["status"], "wait_for_deliver");
  ASSERT_EQ(agent
                .Post("/api/notes",
                      {{"parent_type", "target"}, {"parent_id", id}, {"body", "Muốn học IELTS"}})
                .status,
            201);

  auto feed = agent.Get(TargetPath(target, "/timeline"));
  ASSERT_EQ(feed.status, 200) << feed.body;
  std::multiset<std::string> kinds;
  bool status_changed = false;
  for (const auto& item : feed.json["items"]) {
    kinds.insert(item["kind"].get<std::string>());
    if (item["kind"] == "audit" && item["field"] == "status")
      status_changed = item["new_value"] == "wait_for_deliver";
  }
  EXPECT_EQ(kinds.count("call"), 2u) << feed.body;
  EXPECT_EQ(kinds.count("note"), 1u) << feed.body;
  EXPECT_TRUE(status_changed) << feed.body;
  auto calls = agent.Get("/api/calls?parent_type=target&parent_id=" + std::to_string(id));
  EXPECT_EQ(calls.json["total"], 2) << calls.body;

  // A wrong number makes it invalid; another agent's call on it is refused.
  auto wrong = agent.Post("/api/calls", {{"parent_type", "target"},
                                         {"parent_id", id},
                                         {"subject", "Gọi lần 3"},
                                         {"direction", "outbound"},
                                         {"status", "completed"},
                                         {"result", "invalid_number"}});
  EXPECT_EQ(wrong.json["target_status_changed"]["to"], "invalid") << wrong.body;
  EXPECT_EQ(SignedIn("tg.consultant")
                .Post("/api/calls", {{"parent_type", "target"},
                                     {"parent_id", id},
                                     {"subject", "x"},
                                     {"direction", "outbound"},
                                     {"status", "scheduled"}})
                .status,
            403);
}

TEST_F(TargetsApi, ConvertingMakesLeadsOfVerifiedTargetsOnly) {
  const std::string mobile = UniqueMobile();
  const json verified = Make(*admin_, {{"full_name", "Hồ Thị Lan"},
                                       {"mobile", mobile},
                                       {"email", "lan.ho@example.vn"},
                                       {"source", "Data mua"},
                                       {"tags", {"ielts"}},
                                       {"status", "wait_for_deliver"}});
  const json raw = Make(*admin_, {{"full_name", "Chưa Gọi"}, {"mobile", UniqueMobile()}});
  const json second = Make(
      *admin_,
      {{"full_name", "Mai Thị Hạnh"}, {"mobile", UniqueMobile()}, {"status", "wait_for_deliver"}});
  Client agent = SignedIn("tg.agent");
  Client consultant = SignedIn("tg.consultant");
  const auto unread = consultant.Get("/api/notifications").json["unread"].get<std::int64_t>();
  EXPECT_EQ(agent.Post("/api/targets/convert", {{"ids", {verified["id"]}}}).status, 403);

  auto done = SignedIn("tg.manager")
                  .Post("/api/targets/convert", {{"ids", {verified["id"], raw["id"], second["id"]}},
                                                 {"owner_id", consultant_id_}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["converted"], 2);
  EXPECT_EQ(done.json["skipped"], 1);
  ASSERT_EQ(done.json["lead_ids"].size(), 2u);
  const auto lead_id = done.json["lead_ids"][0].get<std::int64_t>();
  // The new owner hears once how many leads they got (QA: one notification per lead flooded the
  // bell).
  auto bell = consultant.Get("/api/notifications").json;
  EXPECT_EQ(bell["unread"], unread + 1) << bell;
  EXPECT_EQ(bell["items"][0]["type"], "lead_assigned");
  EXPECT_EQ(bell["items"][0]["data"]["count"], 2);

  auto lead = admin_->Get("/api/leads/" + std::to_string(lead_id));
  ASSERT_EQ(lead.status, 200) << lead.body;
  EXPECT_EQ(lead.json["full_name"], "Hồ Thị Lan");
  EXPECT_EQ(lead.json["email"], "lan.ho@example.vn");
  EXPECT_EQ(lead.json["source"], "Data mua");
  EXPECT_EQ(lead.json["tags"], json({"ielts"}));
  EXPECT_EQ(lead.json["owner_id"], consultant_id_);
  EXPECT_EQ(lead.json["status"], "assigned");
  auto after = admin_->Get(TargetPath(verified));
  EXPECT_EQ(after.json["status"], "transferred");
  EXPECT_EQ(after.json["lead_id"], lead_id);
  // Manual 001 exports the transferred targets of each assigned user: the target is the owner's
  // too.
  EXPECT_EQ(after.json["owner_id"], consultant_id_);
  EXPECT_EQ(admin_->Get(TargetPath(raw)).json["status"], "raw");
  // The link kept both ways (T3): the lead's page finds its target by the list's lead_id filter,
  // which the lead list does not have.
  auto origin = consultant.Get("/api/targets?lead_id=" + std::to_string(lead_id));
  ASSERT_EQ(origin.status, 200) << origin.body;
  ASSERT_EQ(origin.json["total"], 1) << origin.body;
  EXPECT_EQ(origin.json["items"][0]["id"], verified["id"]);
  EXPECT_EQ(admin_->Get("/api/targets?lead_id=" + std::to_string(lead_id + 1000)).json["total"], 0);
  EXPECT_EQ(admin_->Get("/api/targets?lead_id=x").status, 422);
  EXPECT_EQ(admin_->Get("/api/leads?lead_id=" + std::to_string(lead_id)).status, 422);

  // Converting again changes nothing; a transferred target keeps its status.
  auto again = admin_->Post("/api/targets/convert", {{"ids", {verified["id"]}}});
  EXPECT_EQ(again.json["converted"], 0) << again.body;
  auto back = admin_->Patch(TargetPath(verified), {{"status", "raw"}});
  EXPECT_EQ(back.status, 422) << back.body;
  // Its own lead is no duplicate of it.
  EXPECT_EQ(admin_->Patch(TargetPath(verified), {{"description", "Đã chuyển"}}).status, 200);
}

TEST_F(TargetsApi, AMassUpdateHandsTargetsOutAndDeletesThem) {
  const json a =
      Make(*admin_, {{"full_name", "Phân Một"}, {"mobile", UniqueMobile()}, {"source", "Đợt 7"}});
  const json b =
      Make(*admin_, {{"full_name", "Phân Hai"}, {"mobile", UniqueMobile()}, {"source", "Đợt 7"}});
  Client manager = SignedIn("tg.manager");
  Client agent = SignedIn("tg.agent");
  const auto unread = agent.Get("/api/notifications").json["unread"].get<std::int64_t>();
  auto given = manager.Post("/api/targets/mass-update", {{"filter", {{"source", "Đợt 7"}}},
                                                         {"set", {{"owner_id", agent_id_}}}});
  ASSERT_EQ(given.status, 200) << given.body;
  EXPECT_EQ(given.json["matched"], 2);
  EXPECT_EQ(given.json["updated"], 2);
  // T4 "like leads": the new owner hears once how many they got.
  auto bell = agent.Get("/api/notifications").json;
  EXPECT_EQ(bell["unread"], unread + 1) << bell;
  EXPECT_EQ(bell["items"][0]["type"], "target_assigned");
  EXPECT_EQ(bell["items"][0]["data"]["count"], 2);
  EXPECT_EQ(agent.Get(TargetPath(a)).json["owner_id"], agent_id_);
  EXPECT_EQ(agent.Get("/api/targets?source=%C4%90%E1%BB%A3t%207").json["total"], 2);

  auto refused = manager.Post("/api/targets/mass-update",
                              {{"ids", {a["id"]}}, {"set", {{"status", "transferred"}}}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json["error"]["details"][0]["field"], "set.status");
  EXPECT_EQ(
      agent.Post("/api/targets/mass-update", {{"ids", {a["id"]}}, {"action", "delete"}}).status,
      403);
  auto gone =
      manager.Post("/api/targets/mass-update", {{"ids", {a["id"], b["id"]}}, {"action", "delete"}});
  EXPECT_EQ(gone.json["updated"], 2) << gone.body;
  EXPECT_EQ(admin_->Get("/api/targets?source=%C4%90%E1%BB%A3t%207").json["total"], 0);
}

TEST_F(TargetsApi, ImportedFromAFileUndoneAndExportedWithTheirLeads) {
  const std::string m1 = UniqueMobile(), m2 = UniqueMobile(), known = UniqueMobile(),
                    led = UniqueMobile();
  Make(*admin_, {{"full_name", "Đã Có"}, {"mobile", known}});
  const auto lead = admin_->Post("/api/leads", {{"full_name", "Đã Là Lead"}, {"mobile", led}}).json;
  auto tpl = admin_->Get("/api/imports/template?entity=targets&format=csv");
  ASSERT_EQ(tpl.status, 200);
  EXPECT_NE(tpl.body.find("Họ và tên"), std::string::npos);
  EXPECT_EQ(tpl.body.find("Tình trạng"), std::string::npos);  // calls verify, not files

  const std::string csv = "Họ và tên,Di động,Nguồn\nMua Một," + m1 + ",Data T12\nMua Hai," + m2 +
                          ",Data T12\nLặp Lại," + m1 + ",\nCũ," + known +
                          ",\nSai Số,12ab,\nĐã Là Lead," + led + ",\n";
  auto up = Upload(*admin_, "target.csv", csv, "targets");
  ASSERT_EQ(up.status, 201) << up.body;
  const json imp = up.json;
  EXPECT_EQ(imp["entity"], "targets");
  EXPECT_EQ(imp["suggested_mapping"]["Di động"], "mobile");
  auto rules = admin_->Patch(Path(imp), {{"auto_assign", true}});
  ASSERT_EQ(rules.status, 422) << rules.body;
  EXPECT_EQ(rules.json["error"]["details"][0]["field"], "auto_assign");
  ASSERT_EQ(
      admin_->Patch(Path(imp), {{"auto_assign", false}, {"defaults", {{"owner_id", agent_id_}}}})
          .status,
      200);

  auto preview = admin_->Post(Path(imp, "/preview"), json::object());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json["create"], 2);
  EXPECT_EQ(preview.json["duplicate"], 3);
  EXPECT_EQ(preview.json["error"], 1);
  ASSERT_EQ(preview.json["duplicates"].size(), 3u) << preview.body;
  EXPECT_EQ(preview.json["duplicates"][1]["reason"],
            "duplicate_target");  // the page links the target
  // Someone already a lead is no target to buy (QA: POST refused it, the import made it).
  EXPECT_EQ(preview.json["duplicates"][2]["reason"], "duplicate_lead");
  EXPECT_EQ(preview.json["duplicates"][2]["detail"],
            std::to_string(lead["id"].get<std::int64_t>()));
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  const json result = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(result["status"], "done") << result;
  EXPECT_EQ(result["created"], 2);
  EXPECT_EQ(result["duplicate"], 3);
  EXPECT_EQ(result["error"], 1);
  auto made = admin_->Get("/api/targets?source=Data%20T12");
  ASSERT_EQ(made.json["total"], 2) << made.body;
  EXPECT_EQ(made.json["items"][0]["status"], "raw");
  EXPECT_EQ(made.json["items"][0]["owner_id"], agent_id_);
  EXPECT_EQ(admin_->Get("/api/leads?source=Data%20T12").json["total"], 0);  // no lead was made
  auto list = admin_->Post("/api/target-lists", {{"name", "Danh sách T12"}});
  ASSERT_EQ(list.status, 201) << list.body;
  EXPECT_EQ(admin_->Post(Path(imp, "/add-to-list"), {{"target_list_id", list.json["id"]}}).status,
            409);

  // Exported with the lead each became (the manual's "Update Lead hàng loạt từ Target").
  const auto first = made.json["items"][0];
  admin_->Patch(TargetPath(first), {{"status", "wait_for_deliver"}});
  auto converted = admin_->Post("/api/targets/convert", {{"ids", {first["id"]}}});
  const auto lead_id = converted.json["lead_ids"][0].get<std::int64_t>();
  auto file = admin_->Get(
      "/api/targets/export?format=csv&lang=en&source=Data%20T12&columns=full_name,status,lead_id");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_NE(file.body.find("ID,Full name,Status,Lead ID"), std::string::npos) << file.body;
  EXPECT_NE(file.body.find("Transferred," + std::to_string(lead_id)), std::string::npos)
      << file.body;
  EXPECT_EQ(SignedIn("tg.agent").Get("/api/targets/export").status, 403);

  // Undone: the targets nobody worked on go for good; the converted one stays, in the trash.
  auto undone = admin_->Post(Path(imp, "/undo"), json::object());
  ASSERT_EQ(undone.status, 200) << undone.body;
  const json after = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(after["status"], "undone") << after;
  EXPECT_EQ(admin_->Get("/api/targets?source=Data%20T12").json["total"], 0);
}

// A custom field required of leads is asked for when a target becomes one, not of bought data
// (QA: such targets could not be made or imported, and one of them failed a whole conversion).
TEST(TargetsAndCustomFields, ARequiredLeadFieldIsAskedForAtConversion) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  auto field =
      admin.Post("/api/custom-fields", {{"name", "chuong_trinh"},
                                        {"type", "text"},
                                        {"required", true},
                                        {"label", {{"vi", "Chương trình"}, {"en", "Programme"}}}});
  ASSERT_EQ(field.status, 201) << field.body;
  auto bare = admin.Post(
      "/api/targets",
      {{"full_name", "Chưa Rõ"}, {"mobile", UniqueMobile()}, {"status", "wait_for_deliver"}});
  ASSERT_EQ(bare.status, 201) << bare.body;
  auto known = admin.Post("/api/targets", {{"full_name", "Đã Rõ"},
                                           {"mobile", UniqueMobile()},
                                           {"status", "wait_for_deliver"},
                                           {"custom", {{"chuong_trinh", "IELTS"}}}});
  ASSERT_EQ(known.status, 201) << known.body;
  auto done = admin.Post("/api/targets/convert", {{"ids", {bare.json["id"], known.json["id"]}}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["converted"], 1);
  EXPECT_EQ(done.json["skipped"], 1);
  ASSERT_EQ(done.json["problems"].size(), 1u) << done.body;
  EXPECT_EQ(done.json["problems"][0]["target_id"], bare.json["id"]);
  EXPECT_EQ(done.json["problems"][0]["field"], "custom.chuong_trinh");
  EXPECT_EQ(admin.Get("/api/targets/" + std::to_string(bare.json["id"].get<std::int64_t>()))
                .json["status"],
            "wait_for_deliver");
}

}  // namespace
}  // namespace sen::testing
