// The agent's workspace over real HTTP: calls and rule C3, notes, the timeline, filters, saved
// views, column preference, mass update, do-not-contact and custom fields.
#include <set>

#include "harness.h"

namespace sen::testing {
namespace {

using json = nlohmann::json;

class WorkspaceApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    admin_ = new Client(server_->port());
    admin_->Login("admin", kAdminPassword);
    team_ = CreateTeam(*admin_, "Nhóm Chăm Sóc");
    other_team_ = CreateTeam(*admin_, "Nhóm Khác");
    agent_ = CreateUser(*admin_, "ws.agent", "agent", team_);
    agent2_ = CreateUser(*admin_, "ws.agent2", "agent", team_);
    outsider_ = CreateUser(*admin_, "ws.outsider", "agent", other_team_);
    manager_ = CreateUser(*admin_, "ws.manager", "manager", team_);
    agent_client_ = new Client(server_->port());
    agent_client_->Login("ws.agent", "user-pass-123");
  }
  static void TearDownTestSuite() {
    delete agent_client_;
    delete admin_;
    delete server_;
  }
  static Client SignedIn(const std::string& username) { return testing::SignedIn(server_->port(), username); }
  static json Lead(Client& c, json body) {
    if (!body.contains("mobile")) body["mobile"] = UniqueMobile();
    auto res = c.Post("/api/leads", body);
    EXPECT_EQ(res.status, 201) << res.body;
    return res.json;
  }
  static std::string Path(const json& lead) { return "/api/leads/" + std::to_string(lead["id"].get<std::int64_t>()); }
  static json Call(Client& c, const json& lead, json body) {
    body["parent_type"] = "lead";
    body["parent_id"] = lead["id"];
    if (!body.contains("subject")) body["subject"] = "Tư vấn khoá học";
    return c.Post("/api/calls", body).json;
  }
  static std::set<std::int64_t> Ids(const HttpResponse& res) {
    std::set<std::int64_t> ids;
    for (const auto& l : res.json["items"]) ids.insert(l["id"].get<std::int64_t>());
    return ids;
  }

  static ServerProcess* server_;
  static Client* admin_;
  static Client* agent_client_;
  static std::int64_t team_, other_team_, agent_, agent2_, outsider_, manager_;
};
ServerProcess* WorkspaceApi::server_ = nullptr;
Client* WorkspaceApi::admin_ = nullptr;
Client* WorkspaceApi::agent_client_ = nullptr;
std::int64_t WorkspaceApi::team_, WorkspaceApi::other_team_, WorkspaceApi::agent_, WorkspaceApi::agent2_,
    WorkspaceApi::outsider_, WorkspaceApi::manager_;

TEST_F(WorkspaceApi, ACompletedCallMovesTheLeadUnlessTheResultSaysOtherwise) {
  Client& a = *agent_client_;
  for (const auto& [result, expected] : std::vector<std::pair<std::string, std::string>>{
           {"interested", "in_process"}, {"not_interested", "in_process"}, {"wrong_person", "in_process"},
           {"deny", "assigned"}, {"call_back_later", "assigned"}, {"invalid_number", "assigned"}}) {
    auto lead = Lead(a, {{"full_name", "Khách " + result}});
    ASSERT_EQ(lead["status"], "assigned");
    auto call = Call(a, lead, {{"status", "completed"}, {"result", result}, {"duration_s", 95}});
    ASSERT_TRUE(call.contains("id")) << call.dump();
    EXPECT_EQ(a.Get(Path(lead)).json["status"], expected) << result;
    EXPECT_EQ(call["lead_status_changed"].is_null(), expected == "assigned") << result;
    EXPECT_FALSE(a.Get(Path(lead)).json["last_activity_at"].is_null());
  }
}

TEST_F(WorkspaceApi, CompletingAScheduledCallLaterAppliesTheRuleThen) {
  Client& a = *agent_client_;
  auto lead = Lead(a, {{"full_name", "Hẹn Gọi Lại"}});
  auto call = Call(a, lead, {{"status", "scheduled"}, {"start_at", "2030-01-01T02:00:00Z"}, {"remind_popup_min", 15}});
  ASSERT_EQ(call["status"], "scheduled") << call.dump();
  EXPECT_EQ(a.Get(Path(lead)).json["status"], "assigned");
  auto done = a.Patch("/api/calls/" + std::to_string(call["id"].get<std::int64_t>()),
                      {{"status", "completed"}, {"result", "interested"}, {"remind_popup_min", nullptr}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["lead_status_changed"]["to"], "in_process");
  EXPECT_EQ(a.Get(Path(lead)).json["status"], "in_process");
}

TEST_F(WorkspaceApi, BadCallsAre422NamingEachField) {
  Client& a = *agent_client_;
  auto lead = Lead(a, {{"full_name", "Gọi Sai"}});
  auto res = a.Post("/api/calls", {{"parent_type", "lead"}, {"parent_id", lead["id"]}, {"status", "completed"},
                                   {"direction", "sideways"}, {"duration_s", -1}, {"remind_email_min", 10081},
                                   {"start_at", "yesterday"}});
  ASSERT_EQ(res.status, 422) << res.body;
  std::set<std::string> fields;
  for (const auto& d : res.json["error"]["details"]) fields.insert(d["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"subject", "result", "direction", "duration_s", "remind_email_min", "start_at"}));
  EXPECT_EQ(a.Post("/api/calls", {{"parent_type", "contact"}, {"parent_id", 1}, {"subject", "x"}, {"status", "cancelled"}}).status, 422);
  EXPECT_EQ(a.Get("/api/calls?due=tomorrow").status, 422);
  EXPECT_EQ(a.Get("/api/calls?colour=red").status, 422);
}

TEST_F(WorkspaceApi, CallsOnAnotherAgentsLeadAreRefused) {
  auto lead = Lead(*agent_client_, {{"full_name", "Của Agent Một"}});
  Client other = SignedIn("ws.agent2");
  auto res = other.Post("/api/calls", {{"parent_type", "lead"}, {"parent_id", lead["id"]}, {"subject", "x"},
                                       {"status", "completed"}, {"result", "interested"}});
  EXPECT_EQ(res.status, 403) << res.body;
  EXPECT_EQ(other.Get("/api/calls?parent_type=lead&parent_id=" + std::to_string(lead["id"].get<std::int64_t>())).status, 403);
}

// C4: a call's owner is reminded of it and opens its lead from the reminder, so a manager cannot
// give a call on one agent's lead to a teammate who cannot see that lead (the reminder would be
// dropped when it came due), on creating it or later.
TEST_F(WorkspaceApi, ACallGoesOnlyToSomeoneWhoSeesItsLead) {
  auto lead = Lead(*agent_client_, {{"full_name", "Của Agent Một Thôi"}});
  Client manager = SignedIn("ws.manager");
  json body{{"parent_type", "lead"}, {"parent_id", lead["id"]}, {"subject", "Gọi lại"}, {"status", "scheduled"}, {"owner_id", agent2_},
            {"start_at", "2099-01-05T02:00:00Z"}, {"remind_email_min", 15}};
  auto refused = manager.Post("/api/calls", body);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json["error"]["details"][0]["field"], "owner_id");
  EXPECT_EQ(refused.json["error"]["details"][0]["reason"], "cannot_see_lead");

  body["owner_id"] = manager_;
  auto call = manager.Post("/api/calls", body);
  ASSERT_EQ(call.status, 201) << call.body;
  const std::string path = "/api/calls/" + std::to_string(call.json["id"].get<std::int64_t>());
  auto moved = manager.Patch(path, {{"owner_id", agent2_}});
  ASSERT_EQ(moved.status, 422) << moved.body;
  EXPECT_EQ(moved.json["error"]["details"][0]["reason"], "cannot_see_lead");
  EXPECT_EQ(manager.Patch(path, {{"owner_id", agent_}}).status, 200);
}

TEST_F(WorkspaceApi, CallingADoNotContactLeadNeedsConfirmation) {
  Client& a = *agent_client_;
  auto lead = Lead(a, {{"full_name", "Đừng Gọi"}, {"do_not_contact", true}, {"dnc_reason", "Khách yêu cầu"}});
  json body = {{"parent_type", "lead"}, {"parent_id", lead["id"]}, {"subject", "Gọi thử"}, {"status", "completed"},
               {"result", "deny"}};
  auto refused = a.Post("/api/calls", body);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.json["error"]["reason"], "do_not_contact");
  EXPECT_EQ(refused.json["error"]["dnc_reason"], "Khách yêu cầu");
  body["confirm_do_not_contact"] = true;
  EXPECT_EQ(a.Post("/api/calls", body).status, 201);
  EXPECT_EQ(a.Post("/api/leads", {{"full_name", "Thiếu lý do"}, {"do_not_contact", true}}).status, 422);
  EXPECT_TRUE(Ids(a.Get("/api/leads?do_not_contact=true&page_size=500")).count(lead["id"]));
}

TEST_F(WorkspaceApi, CallListShowsMineTodayAndOverdue) {
  Client me = SignedIn("ws.agent2");
  auto lead = Lead(me, {{"full_name", "Danh Sách Gọi"}});
  Call(me, lead, {{"status", "scheduled"}, {"start_at", "2020-01-01T02:00:00Z"}, {"subject", "Quá hạn"}});
  Call(me, lead, {{"status", "scheduled"}, {"start_at", "2099-01-01T02:00:00Z"}, {"subject", "Tương lai"}});
  Call(me, lead, {{"status", "completed"}, {"result", "interested"}, {"subject", "Xong"}});
  auto mine = me.Get("/api/calls?owner_id=me");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json["total"], 3);
  EXPECT_EQ(mine.json["items"][0]["parent_name"], "Danh Sách Gọi");
  auto overdue = me.Get("/api/calls?due=overdue");
  ASSERT_EQ(overdue.json["total"], 1);
  EXPECT_EQ(overdue.json["items"][0]["subject"], "Quá hạn");
  EXPECT_EQ(me.Get("/api/calls?due=today").json["total"], 0);
  EXPECT_EQ(me.Get("/api/calls?result=interested").json["total"], 1);
  EXPECT_EQ(SignedIn("ws.outsider").Get("/api/calls").json["total"], 0) << "agents list their own calls only";
}

TEST_F(WorkspaceApi, TheTimelineMergesCallsNotesAndChangesNewestFirst) {
  Client& a = *agent_client_;
  auto lead = Lead(a, {{"full_name", "Dòng Thời Gian"}});
  Call(a, lead, {{"status", "completed"}, {"result", "interested"}, {"start_at", "2026-01-01T01:00:00Z"}});
  auto note = a.Post("/api/notes", {{"parent_type", "lead"}, {"parent_id", lead["id"]}, {"body", "Quan tâm IELTS\nHọc buổi tối"}});
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(note.json["body"], "Quan tâm IELTS\nHọc buổi tối");
  auto timeline = a.Get(Path(lead) + "/timeline?page_size=50");
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  std::vector<std::string> kinds;
  for (const auto& item : timeline.json["items"]) kinds.push_back(item["kind"]);
  // The note is newest; the status change (rule C3), the lead going to its creator (R7) and,
  // oldest of that instant, its creation follow; the call happened on 1 January, before
  // everything else.
  EXPECT_EQ(kinds, (std::vector<std::string>{"note", "audit", "assignment", "audit", "call"}));
  EXPECT_EQ(timeline.json["total"], 5);
  EXPECT_EQ(timeline.json["items"][2]["assignment"]["reason"], "created");
  EXPECT_EQ(timeline.json["items"][3]["action"], "create");
  EXPECT_EQ(timeline.json["items"][1]["field"], "status");
  EXPECT_EQ(timeline.json["items"][1]["via"], "rule");
  EXPECT_EQ(timeline.json["items"][0]["note"]["author_name"], "User ws.agent");
  auto second_page = a.Get(Path(lead) + "/timeline?page_size=3&page=2");
  ASSERT_EQ(second_page.json["items"].size(), 2u);
  EXPECT_EQ(second_page.json["items"][1]["kind"], "call");
  // Notes are changed by their author only.
  auto note_path = "/api/notes/" + std::to_string(note.json["id"].get<std::int64_t>());
  EXPECT_EQ(SignedIn("ws.manager").Patch(note_path, {{"body", "sửa"}}).status, 403);
  EXPECT_EQ(a.Patch(note_path, {{"body", "Đã sửa"}}).status, 200);
}

TEST_F(WorkspaceApi, EveryListFilterCombines) {
  auto vip = Lead(*admin_, {{"full_name", "Lọc Thẻ VIP"}, {"tags", {"VIP", "IELTS"}}, {"province", "Đà Nẵng"}});
  auto plain = Lead(*admin_, {{"full_name", "Lọc Thẻ Thường"}, {"tags", {"IELTS"}}, {"province", "Đà Nẵng"}});
  EXPECT_EQ(Ids(admin_->Get("/api/leads?tag=VIP&page_size=500")), (std::set<std::int64_t>{vip["id"]}));
  EXPECT_EQ(Ids(admin_->Get("/api/leads?tag=IELTS&province=%C4%90%C3%A0%20N%E1%BA%B5ng&page_size=500")),
            (std::set<std::int64_t>{vip["id"], plain["id"]}));
  admin_->Patch(Path(vip), {{"tags", {"IELTS"}}});
  EXPECT_TRUE(Ids(admin_->Get("/api/leads?tag=VIP&page_size=500")).empty()) << "the tag index follows edits";
  Call(*admin_, plain, {{"status", "completed"}, {"result", "interested"}, {"start_at", "2026-03-05T03:00:00Z"}});
  EXPECT_EQ(Ids(admin_->Get("/api/leads?last_activity_from=2026-03-05&last_activity_to=2026-03-05&page_size=500")),
            (std::set<std::int64_t>{plain["id"]}));
  EXPECT_EQ(admin_->Get("/api/leads?last_activity_from=someday").status, 422);
}

TEST_F(WorkspaceApi, SavedViewsArePrivateOrSharedWithTheTeam) {
  Client a = SignedIn("ws.agent");
  auto bad = a.Post("/api/views", {{"name", "Sai"}, {"filter", {{"status", "hot"}}}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json["error"]["details"][0]["field"], "filter.status");
  auto mine = a.Post("/api/views", {{"name", "Của tôi đang chăm sóc"}, {"filter", {{"status", "in_process"}, {"owner_id", "me"}}},
                                    {"columns", {"full_name", "mobile", "status"}}, {"sort", "-updated_at"}});
  ASSERT_EQ(mine.status, 201) << mine.body;
  auto shared = a.Post("/api/views", {{"name", "Nhóm: mới"}, {"filter", {{"status", "new,assigned"}}}, {"shared", true}});
  ASSERT_EQ(shared.status, 201);
  auto view_id = std::to_string(mine.json["id"].get<std::int64_t>());
  auto listed = a.Get("/api/leads?view_id=" + view_id);
  ASSERT_EQ(listed.status, 200) << listed.body;
  for (const auto& l : listed.json["items"]) EXPECT_EQ(l["status"], "in_process");
  Client teammate = SignedIn("ws.agent2");
  std::set<std::string> names;
  auto visible = teammate.Get("/api/views");  // kept alive: the loop reads into it
  for (const auto& v : visible.json["items"]) names.insert(v["name"]);
  EXPECT_EQ(names, (std::set<std::string>{"Nhóm: mới"})) << visible.body;
  EXPECT_EQ(teammate.Get("/api/leads?view_id=" + view_id).status, 422) << "a private view is not usable by others";
  auto shared_path = "/api/views/" + std::to_string(shared.json["id"].get<std::int64_t>());
  EXPECT_EQ(teammate.Patch(shared_path, {{"name", "Của tôi"}}).status, 403);
  EXPECT_EQ(SignedIn("ws.outsider").Get("/api/views").json["total"], 0);
  EXPECT_EQ(a.Delete(shared_path).status, 204);
}

TEST_F(WorkspaceApi, ColumnChoiceIsKeptPerUser) {
  Client a = SignedIn("ws.agent");
  EXPECT_TRUE(a.Get("/api/preferences/lead_columns").json["value"].is_null());
  EXPECT_EQ(a.Send("PUT", "/api/preferences/lead_columns", json{{"value", {"full_name", "colour"}}}).status, 422);
  json columns = {"email", "full_name", "mobile", "status"};
  ASSERT_EQ(a.Send("PUT", "/api/preferences/lead_columns", json{{"value", columns}}).status, 200);
  EXPECT_EQ(SignedIn("ws.agent").Get("/api/preferences/lead_columns").json["value"], columns);
  EXPECT_TRUE(SignedIn("ws.agent2").Get("/api/preferences/lead_columns").json["value"].is_null());
  EXPECT_EQ(a.Get("/api/preferences/theme").status, 404);
}

TEST_F(WorkspaceApi, MassUpdateCountsFirstThenChangesAllInOneBatch) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(Lead(*admin_, {{"full_name", "Hàng Loạt " + std::to_string(i)}, {"source", "Hàng loạt"}})["id"]);
  json body = {{"ids", ids}, {"set", {{"owner_id", agent_}, {"add_tags", {"Chia đợt 1"}}}}, {"dry_run", true}};
  auto dry = admin_->Post("/api/leads/mass-update", body);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json, (json{{"matched", 3}, {"updated", 3}, {"dry_run", true}}));
  EXPECT_TRUE(admin_->Get("/api/leads/" + std::to_string(ids[0])).json["owner_id"].is_null()) << "a dry run changes nothing";
  body["dry_run"] = false;
  auto done = admin_->Post("/api/leads/mass-update", body);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["updated"], 3);
  auto lead = admin_->Get("/api/leads/" + std::to_string(ids[1])).json;
  EXPECT_EQ(lead["owner_id"], agent_);
  EXPECT_EQ(lead["team_id"], team_);
  EXPECT_EQ(lead["status"], "assigned");
  EXPECT_EQ(lead["tags"], json({"Chia đợt 1"}));
  std::set<std::string> fields;
  auto timeline = admin_->Get("/api/leads/" + std::to_string(ids[1]) + "/timeline");
  for (const auto& e : timeline.json["items"]) {
    if (e["action"] == "update") fields.insert(e["field"]);
  }
  EXPECT_EQ(fields, (std::set<std::string>{"owner_id", "team_id", "status", "tags"})) << timeline.body;
  auto again = admin_->Post("/api/leads/mass-update", body);
  EXPECT_EQ(again.json["updated"], 0) << "nothing left to change";
  auto with_status = Lead(*admin_, {{"full_name", "Hàng Loạt Có Trạng Thái"}, {"source", "Hàng loạt"}});
  auto given = admin_->Post("/api/leads/mass-update", {{"ids", {with_status["id"]}},
                                                        {"set", {{"owner_id", agent_}, {"status", "in_process"}}}});
  ASSERT_EQ(given.status, 200) << given.body;
  EXPECT_EQ(admin_->Get("/api/leads/" + std::to_string(with_status["id"].get<std::int64_t>())).json["status"], "in_process")
      << "a status given with the owner wins over Assigned";
  auto unassigned = admin_->Post("/api/leads/mass-update", {{"ids", {with_status["id"]}}, {"set", {{"owner_id", nullptr}}}});
  ASSERT_EQ(unassigned.status, 200) << unassigned.body;
  EXPECT_EQ(unassigned.json["updated"], 1);
  EXPECT_TRUE(admin_->Get("/api/leads/" + std::to_string(with_status["id"].get<std::int64_t>())).json["owner_id"].is_null());
  ASSERT_EQ(admin_->Delete("/api/leads/" + std::to_string(with_status["id"].get<std::int64_t>())).status, 204);
  auto by_filter = admin_->Post("/api/leads/mass-update",
                                {{"filter", {{"source", "Hàng loạt"}}}, {"set", {{"stage", "mql"}}}});
  EXPECT_EQ(by_filter.json["matched"], 3);
  EXPECT_EQ(admin_->Get("/api/leads?source=H%C3%A0ng%20lo%E1%BA%A1t&stage=mql").json["total"], 3);
  auto deleted = admin_->Post("/api/leads/mass-update", {{"ids", ids}, {"action", "delete"}});
  EXPECT_EQ(deleted.json["updated"], 3);
  EXPECT_EQ(admin_->Get("/api/leads?source=H%C3%A0ng%20lo%E1%BA%A1t").json["total"], 0);
}

TEST_F(WorkspaceApi, MassUpdateRefusesBadRequestsAndStaysInTheCallersScope) {
  EXPECT_EQ(agent_client_->Post("/api/leads/mass-update", {{"ids", {1}}, {"set", {{"status", "dead"}}}}).status, 403);
  auto neither = admin_->Post("/api/leads/mass-update", {{"set", {{"status", "dead"}}}});
  ASSERT_EQ(neither.status, 422);
  EXPECT_EQ(neither.json["error"]["details"][0]["field"], "ids");
  auto bad = admin_->Post("/api/leads/mass-update", {{"ids", {1}}, {"set", {{"status", "hot"}, {"full_name", "x"}}}});
  ASSERT_EQ(bad.status, 422);
  std::set<std::string> fields;
  for (const auto& d : bad.json["error"]["details"]) fields.insert(d["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"set.status", "set.full_name"}));
  EXPECT_EQ(admin_->Post("/api/leads/mass-update", {{"ids", {1}}}).status, 422) << "nothing to do";
  EXPECT_EQ(admin_->Post("/api/leads/mass-update", {{"filter", {{"status", "x"}}}, {"set", {{"stage", "sal"}}}}).json["error"]["details"][0]["field"],
            "filter.status");
  Client manager = SignedIn("ws.manager");
  auto outside = Lead(*admin_, {{"full_name", "Ngoài Nhóm"}, {"owner_id", outsider_}});
  auto inside = Lead(*admin_, {{"full_name", "Trong Nhóm"}, {"owner_id", agent2_}});
  auto res = manager.Post("/api/leads/mass-update", {{"ids", {outside["id"], inside["id"]}}, {"set", {{"stage", "sal"}}}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json["matched"], 1) << "a manager's mass update reaches only the team's leads";
  EXPECT_EQ(admin_->Get(Path(outside)).json["stage"], "lead");
  EXPECT_EQ(manager.Post("/api/leads/mass-update", {{"ids", {inside["id"]}}, {"set", {{"owner_id", outsider_}}}}).status, 403);
}

TEST_F(WorkspaceApi, CustomFieldsJoinFormsFiltersAndTheApi) {
  EXPECT_EQ(agent_client_->Post("/api/custom-fields", {{"name", "muc_tieu"}, {"type", "text"}, {"label", {{"vi", "Mục tiêu"}, {"en", "Goal"}}}}).status, 403);
  auto bad = admin_->Post("/api/custom-fields", {{"name", "Mục tiêu"}, {"type", "select"}, {"label", {{"vi", "Mục tiêu"}}}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  for (const auto& d : bad.json["error"]["details"]) fields.insert(d["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"name", "label.en", "options"}));
  auto level = admin_->Post("/api/custom-fields",
                            {{"name", "trinh_do"}, {"type", "select"}, {"label", {{"vi", "Trình độ"}, {"en", "Level"}}},
                             {"options", {{{"value", "a2"}, {"label", {{"vi", "A2"}, {"en", "A2"}}}},
                                          {{"value", "b1"}, {"label", {{"vi", "B1"}, {"en", "B1"}}}}}}});
  ASSERT_EQ(level.status, 201) << level.body;
  const json again = {{"name", "trinh_do"}, {"type", "text"}, {"label", {{"vi", "x"}, {"en", "x"}}}};
  auto taken = admin_->Post("/api/custom-fields", again);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.json["error"]["reason"], "field_name_taken") << taken.body;
  EXPECT_EQ(taken.json["error"]["name"], "trinh_do") << taken.body;
  auto meta = agent_client_->Get("/api/meta/leads").json["fields"];
  EXPECT_EQ(meta.back()["name"], "custom.trinh_do");
  auto lead = Lead(*agent_client_, {{"full_name", "Có Trình Độ"}, {"custom", {{"trinh_do", "b1"}}}});
  EXPECT_EQ(lead["custom"], json({{"trinh_do", "b1"}}));
  auto wrong = agent_client_->Patch(Path(lead), {{"custom", {{"trinh_do", "c2"}}}});
  ASSERT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.json["error"]["details"][0]["field"], "custom.trinh_do");
  EXPECT_EQ(Ids(agent_client_->Get("/api/leads?custom.trinh_do=b1&page_size=500")), (std::set<std::int64_t>{lead["id"]}));
  EXPECT_EQ(agent_client_->Get("/api/leads?custom.trinh_do=c2").status, 422);
  EXPECT_EQ(agent_client_->Get("/api/leads?custom.khong_co=1").status, 422);
  EXPECT_EQ(agent_client_->Get("/api/leads?sort=-custom.trinh_do").status, 200);
  auto history = agent_client_->Patch(Path(lead), {{"custom", {{"trinh_do", "a2"}}}});
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(agent_client_->Get(Path(lead) + "/timeline").json["items"][0]["field"], "custom");
  auto id = std::to_string(level.json["id"].get<std::int64_t>());
  EXPECT_EQ(admin_->Delete("/api/custom-fields/" + id).status, 204);
  EXPECT_NE(agent_client_->Get("/api/meta/leads").json["fields"].back()["name"], "custom.trinh_do");
  EXPECT_EQ(agent_client_->Get(Path(lead)).json["custom"], json({{"trinh_do", "a2"}})) << "data outlives the field";
}

}  // namespace
}  // namespace sen::testing
