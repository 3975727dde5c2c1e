// Assignment over real HTTP: presence, rules, assignment on arrival, daily caps, unassign,
// reassign, the history, and a turn order that survives a restart.
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

#include "db/database.h"
#include "harness.h"

namespace sen::testing {
namespace {

using json = nlohmann::json;

class AssignmentApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    admin_ = new Client(server_->port());
    admin_->Login("admin", kAdminPassword);
    team_ = CreateTeam(*admin_, "Tuyển sinh");
    for (int i = 0; i < 3; ++i) agents_[i] = CreateUser(*admin_, "agent.r" + std::to_string(i), "agent", team_);
    manager_ = CreateUser(*admin_, "manager.r", "manager", team_);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static Client SignedIn(const std::string& username) { return testing::SignedIn(server_->port(), username); }
  // A rule taking the leads of `source` (so that tests do not share rules).
  static json CreateRule(const std::string& source, json members, json extra = json::object()) {
    json body = {{"name", "Chia " + source}, {"method", "round_robin"}, {"source", source}, {"members", members}};
    body.update(extra);
    auto res = admin_->Post("/api/assignment-rules", body);
    EXPECT_EQ(res.status, 201) << res.body;
    return res.json;
  }
  static json Members(std::initializer_list<std::int64_t> ids) {
    json out = json::array();
    for (auto id : ids) out.push_back({{"user_id", id}});
    return out;
  }
  static json NewLead(Client& c, const std::string& source) {
    auto res = c.Post("/api/leads", {{"full_name", "Khách " + source}, {"mobile", UniqueMobile()}, {"source", source}});
    EXPECT_EQ(res.status, 201) << res.body;
    return res.json;
  }
  static std::string Path(const json& lead) { return "/api/leads/" + std::to_string(lead["id"].get<std::int64_t>()); }
  static void SetOnline(Client& c, std::int64_t user, bool online) {
    auto res = c.Send("PUT", "/api/users/" + std::to_string(user) + "/presence", json{{"online", online}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json["online"], online);
  }

  static ServerProcess* server_;
  static Client* admin_;
  static std::int64_t team_, manager_;
  static std::int64_t agents_[3];
};
ServerProcess* AssignmentApi::server_ = nullptr;
Client* AssignmentApi::admin_ = nullptr;
std::int64_t AssignmentApi::team_, AssignmentApi::manager_, AssignmentApi::agents_[3];

TEST_F(AssignmentApi, NewLeadsGoRoundTheMembersAndSkipAgentsWhoAreOff) {
  auto rule = CreateRule("rr", Members({agents_[0], agents_[1], agents_[2]}));
  std::vector<std::int64_t> owners;
  for (int i = 0; i < 6; ++i) {
    auto lead = NewLead(*admin_, "rr");
    EXPECT_EQ(lead["status"], "assigned");
    owners.push_back(lead["owner_id"].get<std::int64_t>());
  }
  EXPECT_EQ(owners, (std::vector<std::int64_t>{agents_[0], agents_[1], agents_[2], agents_[0], agents_[1], agents_[2]}));

  auto agent = SignedIn("agent.r1");
  SetOnline(agent, agents_[1], false);
  for (int i = 0; i < 4; ++i) EXPECT_NE(NewLead(*admin_, "rr")["owner_id"], agents_[1]);
  SetOnline(agent, agents_[1], true);
  EXPECT_EQ(NewLead(*admin_, "rr")["owner_id"], agents_[1]);

  auto history = admin_->Get(Path(NewLead(*admin_, "rr")) + "/assignments");
  ASSERT_EQ(history.status, 200) << history.body;
  ASSERT_EQ(history.json["items"].size(), 1u);
  EXPECT_EQ(history.json["items"][0]["reason"], "rule");
  EXPECT_EQ(history.json["items"][0]["rule"]["name"], "Chia rr");
  EXPECT_TRUE(history.json["items"][0]["from"].is_null());
  auto timeline = admin_->Get("/api/leads/" + std::to_string(history.json["items"][0]["lead_id"].get<std::int64_t>()) +
                              "/timeline");
  // Newest first, the rule's hand-out above the creation it followed (both in the same instant).
  const auto& items = timeline.json["items"];
  ASSERT_GE(items.size(), 2u) << timeline.body;
  EXPECT_EQ(items[0]["kind"], "assignment") << timeline.body;
  EXPECT_EQ(items.back()["action"], "create") << timeline.body;

  // A lead without a mobile, or of a source no rule takes, keeps no owner.
  auto no_mobile = admin_->Post("/api/leads", {{"full_name", "Không số"}, {"email", "ks@example.vn"}, {"source", "rr"}});
  EXPECT_TRUE(no_mobile.json["owner_id"].is_null()) << no_mobile.body;
  EXPECT_TRUE(NewLead(*admin_, "no-rule")["owner_id"].is_null());
  EXPECT_EQ(admin_->Delete("/api/assignment-rules/" + std::to_string(rule["id"].get<std::int64_t>())).status, 204);
}

// Least loaded counts each member's open leads: every way a lead is given, taken, closed or
// deleted moves the counts (kept per owner as leads change, not counted anew at each pick).
TEST_F(AssignmentApi, LeastLoadedGivesToWhoeverHasFewestOpenLeads) {
  const auto x = CreateUser(*admin_, "agent.ll.x", "agent", team_), y = CreateUser(*admin_, "agent.ll.y", "agent", team_);
  auto own = [](std::int64_t owner) {
    auto res = admin_->Post("/api/leads", {{"full_name", "Khách riêng"}, {"mobile", UniqueMobile()}, {"owner_id", owner}});
    EXPECT_EQ(res.status, 201) << res.body;
    return res.json;
  };
  std::vector<json> xs;
  for (int i = 0; i < 3; ++i) xs.push_back(own(x));
  const json y_lead = own(y);
  CreateRule("ll", Members({x, y}), {{"method", "least_loaded"}});
  EXPECT_EQ(NewLead(*admin_, "ll")["owner_id"], y);  // 3 against 1
  EXPECT_EQ(NewLead(*admin_, "ll")["owner_id"], y);  // 3 against 2
  ASSERT_EQ(admin_->Patch(Path(xs[0]), {{"status", "converted"}}).status, 200);
  EXPECT_EQ(NewLead(*admin_, "ll")["owner_id"], x);  // 2 against 3
  ASSERT_EQ(admin_->Delete(Path(xs[1])).status, 204);
  ASSERT_EQ(admin_->Patch(Path(y_lead), {{"owner_id", x}}).status, 200);
  EXPECT_EQ(NewLead(*admin_, "ll")["owner_id"], y);  // 3 against 2
  ASSERT_EQ(admin_->Post(Path(xs[1]) + "/restore", json::object()).status, 200);
  ASSERT_EQ(admin_->Patch(Path(xs[0]), {{"status", "in_process"}}).status, 200);
  EXPECT_EQ(NewLead(*admin_, "ll")["owner_id"], y);  // 5 against 3
}

TEST_F(AssignmentApi, DailyCapsHoldAndACreatorWhoIsAMemberGoesFirst) {
  CreateRule("cap", json::array({{{"user_id", agents_[0]}, {"daily_cap", 1}}, {{"user_id", manager_}, {"daily_cap", 2}}}));
  auto manager = SignedIn("manager.r");
  EXPECT_EQ(NewLead(manager, "cap")["owner_id"], manager_);  // creator priority
  EXPECT_EQ(NewLead(*admin_, "cap")["owner_id"], agents_[0]);
  EXPECT_EQ(NewLead(*admin_, "cap")["owner_id"], manager_);
  auto left = NewLead(*admin_, "cap");  // both at their cap
  EXPECT_TRUE(left["owner_id"].is_null());
  EXPECT_EQ(left["status"], "new");

  auto rules = admin_->Get("/api/assignment-rules");
  ASSERT_EQ(rules.status, 200);
  for (const auto& r : rules.json["items"]) {
    if (r["source"] != "cap") continue;
    EXPECT_EQ(r["members"][0]["taken_today"], 1);
    EXPECT_EQ(r["members"][1]["taken_today"], 2);
  }
}

// A member away from the rule for a while (deactivated, or taken out of its members) while others
// took leads still has today's leads counted on coming back: the cap is not taken twice.
TEST_F(AssignmentApi, ADailyCapHoldsForAMemberWhoLeavesAndComesBackTheSameDay) {
  const auto z = CreateUser(*admin_, "agent.cap.z", "agent", team_);
  SetOnline(*admin_, z, true);
  SetOnline(*admin_, agents_[2], true);
  const json members = json::array({{{"user_id", z}, {"daily_cap", 1}}, {{"user_id", agents_[2]}}});
  const json rule = CreateRule("cap-back", members);
  EXPECT_EQ(NewLead(*admin_, "cap-back")["owner_id"], z);
  EXPECT_EQ(NewLead(*admin_, "cap-back")["owner_id"], agents_[2]);

  const std::string user = "/api/users/" + std::to_string(z);
  ASSERT_EQ(admin_->Patch(user, {{"active", false}}).status, 200);
  EXPECT_EQ(NewLead(*admin_, "cap-back")["owner_id"], agents_[2]);
  ASSERT_EQ(admin_->Patch(user, {{"active", true}}).status, 200);
  SetOnline(*admin_, z, true);
  EXPECT_EQ(NewLead(*admin_, "cap-back")["owner_id"], agents_[2]);

  const std::string path = "/api/assignment-rules/" + std::to_string(rule["id"].get<std::int64_t>());
  ASSERT_EQ(admin_->Patch(path, {{"members", Members({agents_[2]})}}).status, 200);
  EXPECT_EQ(NewLead(*admin_, "cap-back")["owner_id"], agents_[2]);
  ASSERT_EQ(admin_->Patch(path, {{"members", members}}).status, 200);
  EXPECT_EQ(NewLead(*admin_, "cap-back")["owner_id"], agents_[2]);
  auto read = admin_->Get(path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json["members"][0]["taken_today"], 1);
}

// R2: today's counts, once saved for a day, are never taken for an older day's and reset: a
// job's run that began before midnight (its chunks keep the start's day) or an instance whose
// clock is a little behind would otherwise forget today's leads and let a cap be passed.
TEST_F(AssignmentApi, ACapHoldsWhenTheCountsWereSavedForALaterDay) {
  const auto capped = CreateUser(*admin_, "agent.cap.later", "agent", team_);
  SetOnline(*admin_, capped, true);
  const json rule = CreateRule("cap-later", json::array({{{"user_id", capped}, {"daily_cap", 1}}}));
  EXPECT_EQ(NewLead(*admin_, "cap-later")["owner_id"], capped);
  {  // as if another writer had saved the counts on the next day
    auto db = db::OpenDatabase(server_->db_url(), 1);
    auto tx = db->BeginWrite();
    tx->Execute("UPDATE assignment_rules SET state_day = state_day + 86400000 WHERE id = ?",
                {rule["id"].get<std::int64_t>()});
    tx->Commit();
  }
  EXPECT_TRUE(NewLead(*admin_, "cap-later")["owner_id"].is_null());
}

// R2: a deactivated user leaves every rule. Kept, they showed on the rules page as a member
// (with the ON they had), and saving the rule as the page read it was refused, since a rule takes
// no deactivated member. Coming back the same day keeps today's count (the test above).
TEST_F(AssignmentApi, ADeactivatedAgentLeavesTheRules) {
  const auto gone = CreateUser(*admin_, "agent.gone", "agent", team_);
  SetOnline(*admin_, gone, true);
  const json rule = CreateRule("gone", Members({gone, agents_[0]}));
  const std::string path = "/api/assignment-rules/" + std::to_string(rule["id"].get<std::int64_t>());
  ASSERT_EQ(admin_->Patch("/api/users/" + std::to_string(gone), {{"active", false}}).status, 200);

  auto read = admin_->Get(path);
  ASSERT_EQ(read.status, 200) << read.body;
  ASSERT_EQ(read.json["members"].size(), 1u) << read.body;
  EXPECT_EQ(read.json["members"][0]["user_id"], agents_[0]);
  json members = json::array();
  for (const auto& m : read.json["members"]) members.push_back({{"user_id", m["user_id"]}, {"weight", m["weight"]}});
  auto saved = admin_->Patch(path, {{"name", "Đã đổi tên"}, {"members", members}});
  EXPECT_EQ(saved.status, 200) << saved.body;
}

// R3: an agent's new lead without a chosen owner goes through the matching rule like any other:
// the agent first when an ON member, otherwise the rule's pick; with no rule taking it (another
// source, no mobile) the agent keeps it.
TEST_F(AssignmentApi, AnAgentsNewLeadGoesThroughTheRuleWithTheAgentFirstWhenAnOnMember) {
  for (auto agent : agents_) SetOnline(*admin_, agent, true);
  CreateRule("by-agent", Members({agents_[0], agents_[1]}));
  auto member = SignedIn("agent.r0");
  auto outsider = SignedIn("agent.r2");

  auto own = NewLead(member, "by-agent");
  EXPECT_EQ(own["owner_id"], agents_[0]) << own.dump();
  auto history = admin_->Get(Path(own) + "/assignments");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.json["items"][0]["reason"], "rule") << history.body;

  SetOnline(*admin_, agents_[0], false);
  EXPECT_EQ(NewLead(member, "by-agent")["owner_id"], agents_[1]) << "an OFF member is not given even their own lead";
  SetOnline(*admin_, agents_[0], true);
  auto given = NewLead(outsider, "by-agent");
  EXPECT_NE(given["owner_id"], agents_[2]) << "not a member";
  EXPECT_EQ(outsider.Get(Path(given)).status, 403) << "the lead went to the rule's member";

  EXPECT_EQ(NewLead(outsider, "nobody-takes")["owner_id"], agents_[2]);
  auto no_mobile = outsider.Post("/api/leads", {{"full_name", "Không số"}, {"email", "khong-so@example.vn"},
                                                {"source", "by-agent"}});
  ASSERT_EQ(no_mobile.status, 201) << no_mobile.body;
  EXPECT_EQ(no_mobile.json["owner_id"], agents_[2]);
  auto chosen = outsider.Post("/api/leads", {{"full_name", "Tự nhận"}, {"mobile", UniqueMobile()},
                                             {"source", "by-agent"}, {"owner_id", agents_[2]}});
  ASSERT_EQ(chosen.status, 201) << chosen.body;
  EXPECT_EQ(chosen.json["owner_id"], agents_[2]) << "an owner given is kept";
}

// With a rule per team taking the same leads, an ON agent's own new lead goes through the rule
// they are a member of, not the first rule that takes it (which would give it to another team).
TEST_F(AssignmentApi, AnAgentsNewLeadGoesThroughTheirOwnRuleBeforeOthersThatTakeIt) {
  for (auto agent : agents_) SetOnline(*admin_, agent, true);
  CreateRule("two-teams", Members({agents_[0]}));
  CreateRule("two-teams", Members({agents_[1], agents_[2]}));
  auto member = SignedIn("agent.r1");
  EXPECT_EQ(NewLead(member, "two-teams")["owner_id"], agents_[1]);
  EXPECT_EQ(NewLead(*admin_, "two-teams")["owner_id"], agents_[0]) << "others' leads: the first rule";
  // Without creator priority, or OFF, the agent is like anyone else.
  SetOnline(*admin_, agents_[1], false);
  EXPECT_EQ(NewLead(member, "two-teams")["owner_id"], agents_[0]);
  SetOnline(*admin_, agents_[1], true);
}

TEST_F(AssignmentApi, UnassignHandsTheLeadToAnotherMemberAndReassignLetsAManagerChoose) {
  CreateRule("un", Members({agents_[0], agents_[1]}));
  auto lead = NewLead(*admin_, "un");
  const auto first = lead["owner_id"].get<std::int64_t>();

  auto agent = SignedIn("agent.r0");
  EXPECT_EQ(agent.Post(Path(lead) + "/unassign", json::object()).status, 403);
  auto moved = admin_->Post(Path(lead) + "/unassign", json::object());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_NE(moved.json["owner_id"], first);

  auto manager = SignedIn("manager.r");
  auto missing = manager.Post(Path(lead) + "/assign", json::object());
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json["error"]["details"][0]["field"], "owner_id") << missing.body;
  auto chosen = manager.Post(Path(lead) + "/assign", {{"owner_id", agents_[2]}});
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(chosen.json["owner_id"], agents_[2]);
  EXPECT_EQ(admin_->Patch(Path(lead), {{"owner_id", agents_[0]}}).status, 200);

  auto history = admin_->Get(Path(lead) + "/assignments").json["items"];
  ASSERT_EQ(history.size(), 4u) << history.dump();
  EXPECT_EQ(history[0]["reason"], "changed");
  EXPECT_EQ(history[1]["reason"], "reassign");
  EXPECT_EQ(history[1]["by"]["id"], manager_);
  EXPECT_EQ(history[1]["to"]["id"], agents_[2]);
  EXPECT_EQ(history[2]["reason"], "unassign");
  EXPECT_EQ(history[2]["from"]["id"], first);
  EXPECT_EQ(history[3]["reason"], "rule");

  // No other member is ON: the lead stays where it is.
  SetOnline(*admin_, agents_[0], false);
  SetOnline(*admin_, agents_[1], false);
  auto stuck = NewLead(*admin_, "un");
  EXPECT_TRUE(stuck["owner_id"].is_null());
  auto owned = admin_->Post("/api/leads", {{"full_name", "Có chủ"}, {"mobile", UniqueMobile()}, {"source", "un"},
                                           {"owner_id", agents_[2]}});
  auto refused = admin_->Post(Path(owned.json) + "/unassign", json::object());
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json["error"]["reason"], "no_other_member") << refused.body;
  SetOnline(*admin_, agents_[0], true);
  SetOnline(*admin_, agents_[1], true);

  // A lead no active rule takes (a queue gave it by a rule of another source) says so, rather
  // than blaming members who are ON.
  auto elsewhere = admin_->Post("/api/leads", {{"full_name", "Nguồn khác"},
                                               {"mobile", UniqueMobile()},
                                               {"source", "Hotline"},
                                               {"owner_id", agents_[2]}});
  auto no_rule = admin_->Post(Path(elsewhere.json) + "/unassign", json::object());
  EXPECT_EQ(no_rule.status, 409);
  EXPECT_EQ(no_rule.json["error"]["reason"], "no_rule") << no_rule.body;
}

TEST_F(AssignmentApi, MassUnassignHandsEachLeadOnInTurnAndADryRunOnlyCounts) {
  CreateRule("mass", Members({agents_[0], agents_[1]}));
  json ids = json::array();
  for (int i = 0; i < 3; ++i) {
    auto lead = admin_->Post("/api/leads", {{"full_name", "Khách hàng loạt"}, {"mobile", UniqueMobile()},
                                            {"source", "mass"}, {"owner_id", agents_[2]}});
    ASSERT_EQ(lead.status, 201) << lead.body;
    ids.push_back(lead.json["id"]);
  }
  auto unowned = admin_->Post("/api/leads", {{"full_name", "Chưa giao"}, {"email", "cg@example.vn"}, {"source", "mass"}});
  ids.push_back(unowned.json["id"]);

  auto dry = admin_->Post("/api/leads/mass-update", {{"ids", ids}, {"action", "unassign"}, {"dry_run", true}});
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json["matched"], 4);
  EXPECT_EQ(dry.json["updated"], 3);
  EXPECT_EQ(admin_->Get("/api/leads/" + std::to_string(ids[0].get<std::int64_t>())).json["owner_id"], agents_[2]);

  auto done = admin_->Post("/api/leads/mass-update", {{"ids", ids}, {"action", "unassign"}});
  EXPECT_EQ(done.json["updated"], 3) << done.body;
  std::map<std::int64_t, int> owners;
  for (int i = 0; i < 3; ++i) {
    ++owners[admin_->Get("/api/leads/" + std::to_string(ids[i].get<std::int64_t>())).json["owner_id"].get<std::int64_t>()];
  }
  EXPECT_EQ(owners, (std::map<std::int64_t, int>{{agents_[0], 2}, {agents_[1], 1}}));
  // Each new owner hears once how many they got, not once per lead.
  for (auto [agent, count] : {std::pair{"agent.r0", 2}, std::pair{"agent.r1", 1}}) {
    auto bell = SignedIn(agent).Get("/api/notifications").json["items"];
    ASSERT_FALSE(bell.empty()) << agent;
    EXPECT_EQ(bell[0]["data"], (json{{"count", count}, {"reason", "unassign"}})) << bell[0].dump();
    for (const auto& item : bell) {
      for (int i = 0; i < 3; ++i) EXPECT_NE(item["data"].value("lead_id", json()), ids[i]) << item.dump();
    }
  }
  EXPECT_EQ(admin_->Post("/api/leads/mass-update", {{"ids", ids}, {"action", "unassign"}, {"set", {{"stage", "MQL"}}}}).status,
            422);
}

// R4: an unassigned lead goes on in turn (the creator's priority is for new leads), and a lead
// nobody is to call (do not contact, converted, dead) is not handed on at all.
TEST_F(AssignmentApi, UnassignGoesOnInTurnAndNotForLeadsNobodyIsToCall) {
  for (auto agent : agents_) SetOnline(*admin_, agent, true);
  CreateRule("hand-on", Members({agents_[0], agents_[1], agents_[2]}), {{"creator_priority", true}});
  auto agent = SignedIn("agent.r0");
  auto lead = NewLead(agent, "hand-on");
  ASSERT_EQ(lead["owner_id"], agents_[0]) << lead.dump();  // the creator first
  ASSERT_EQ(admin_->Post(Path(lead) + "/assign", {{"owner_id", agents_[1]}}).status, 200);
  auto moved = admin_->Post(Path(lead) + "/unassign", json::object());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json["owner_id"], agents_[2]) << "agent.r2 has had no turn yet";

  auto closed = admin_->Post("/api/leads", {{"full_name", "Đã chốt"}, {"mobile", UniqueMobile()}, {"source", "hand-on"},
                                            {"owner_id", agents_[1]}, {"status", "converted"}});
  auto dnc = admin_->Post("/api/leads", {{"full_name", "Đừng gọi"}, {"mobile", UniqueMobile()}, {"source", "hand-on"},
                                         {"owner_id", agents_[1]}, {"do_not_contact", true},
                                         {"dnc_reason", "Khách yêu cầu không gọi"}});
  ASSERT_EQ(closed.status, 201) << closed.body;
  ASSERT_EQ(dnc.status, 201) << dnc.body;
  for (const auto* kept : {&closed.json, &dnc.json}) {
    auto refused = admin_->Post(Path(*kept) + "/unassign", json::object());
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_NE(refused.json["error"]["message"].get<std::string>().find("nobody is to call"), std::string::npos)
        << refused.body;
  }
  auto mass = admin_->Post("/api/leads/mass-update", {{"ids", {closed.json["id"], dnc.json["id"]}}, {"action", "unassign"}});
  EXPECT_EQ(mass.json["updated"], 0) << mass.body;
  EXPECT_EQ(admin_->Get(Path(dnc.json)).json["owner_id"], agents_[1]);
}

// R4 with C4: the calls a lead's owner planned go with the lead to whoever takes it over, so
// the reminders reach the one who now looks after it. Made calls, and calls planned by
// somebody else, stay where they are; a lead put back in the pool keeps them meanwhile, and
// whoever takes it from there gets them.
TEST_F(AssignmentApi, PlannedCallsGoWithTheLeadToItsNewOwner) {
  auto lead = admin_->Post("/api/leads", {{"full_name", "Khách Đổi Người"}, {"mobile", UniqueMobile()},
                                          {"owner_id", agents_[0]}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  auto agent = SignedIn("agent.r0");
  auto call = [&](Client& c, const char* status, std::int64_t owner) {
    json body = {{"parent_type", "lead"}, {"parent_id", lead.json["id"]}, {"subject", "Gọi tư vấn"},
                 {"status", status}, {"start_at", "2030-01-02T09:00:00+07:00"}, {"owner_id", owner}};
    if (std::string(status) == "completed") body["result"] = "interested";
    auto res = c.Post("/api/calls", body);
    EXPECT_EQ(res.status, 201) << res.body;
    return "/api/calls/" + std::to_string(res.json["id"].get<std::int64_t>());
  };
  const std::string planned = call(agent, "scheduled", agents_[0]);
  const std::string made = call(agent, "completed", agents_[0]);
  const std::string managers = call(*admin_, "scheduled", manager_);
  auto owner_of = [&](const std::string& path) { return admin_->Get(path).json["owner_id"]; };

  ASSERT_EQ(admin_->Post(Path(lead.json) + "/assign", {{"owner_id", agents_[1]}}).status, 200);
  EXPECT_EQ(owner_of(planned), agents_[1]);
  EXPECT_EQ(owner_of(made), agents_[0]);
  EXPECT_EQ(owner_of(managers), manager_);
  auto mass = admin_->Post("/api/leads/mass-update", {{"ids", {lead.json["id"]}}, {"set", {{"owner_id", agents_[2]}}}});
  ASSERT_EQ(mass.status, 200) << mass.body;
  EXPECT_EQ(owner_of(planned), agents_[2]);
  ASSERT_EQ(admin_->Patch(Path(lead.json), {{"owner_id", nullptr}}).status, 200);
  EXPECT_EQ(owner_of(planned), agents_[2]);
  // Whoever takes it from the pool takes the calls its last owner had planned.
  ASSERT_EQ(admin_->Post(Path(lead.json) + "/assign", {{"owner_id", agents_[0]}}).status, 200);
  EXPECT_EQ(owner_of(planned), agents_[0]);
  EXPECT_EQ(owner_of(managers), manager_);
}

// R5/R6: leads queued for a rule wait; each run of the rule's job hands out one batch in turn.
TEST_F(AssignmentApi, QueuedLeadsAreHandedOutABatchPerRunOfTheJob) {
  for (auto agent : agents_) SetOnline(*admin_, agent, true);
  auto rule = CreateRule("queue", Members({agents_[0], agents_[1], agents_[2]}));
  const std::int64_t rule_id = rule["id"];
  auto queue = [&](int n) {
    json ids = json::array();
    for (int i = 0; i < n; ++i) {
      auto lead = admin_->Post("/api/leads", {{"full_name", "Khách chờ chia"}, {"mobile", UniqueMobile()},
                                              {"source", "queued"}, {"owner_id", manager_}});
      EXPECT_EQ(lead.status, 201) << lead.body;
      ids.push_back(lead.json["id"]);
    }
    auto res = admin_->Post("/api/leads/mass-update", {{"ids", ids}, {"action", "queue_assignment"}, {"rule_id", rule_id}});
    EXPECT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json["updated"], n);
    return ids;
  };
  auto missing = admin_->Post("/api/leads/mass-update", {{"ids", {1}}, {"action", "queue_assignment"}});
  ASSERT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json["error"]["details"][0]["field"], "rule_id");
  auto unknown =
      admin_->Post("/api/leads/mass-update", {{"ids", {1}}, {"action", "queue_assignment"}, {"rule_id", 999999}});
  ASSERT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.json["error"]["details"][0]["field"], "rule_id");

  const json ids = queue(7);
  const std::string rule_path = "/api/assignment-rules/" + std::to_string(rule_id);
  EXPECT_EQ(admin_->Get(rule_path).json["queued"], 7);
  EXPECT_EQ(admin_->Get(Path(json{{"id", ids[0]}})).json["owner_id"], manager_);  // queued, not yet given
  // The lead list shows which leads wait in a rule's queue.
  const std::string waiting = "/api/leads?queued_rule_id=" + std::to_string(rule_id);
  auto listed = admin_->Get(waiting);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json["total"], 7);
  EXPECT_EQ(listed.json["items"][6]["id"], ids[0]);  // newest first
  EXPECT_EQ(admin_->Get("/api/leads?queued_rule_id=abc").json["error"]["details"][0]["field"], "queued_rule_id");
  // Starting in 2030, so that only "run now" runs it here.
  auto job = admin_->Post("/api/jobs", {{"name", "Chia hàng đợi"}, {"type", "auto_assign"}, {"interval_min", 5},
                                        {"starts_at", "2030-01-01T08:00:00+07:00"}, {"rule_id", rule_id},
                                        {"batch_size", 3}});
  ASSERT_EQ(job.status, 201) << job.body;
  EXPECT_EQ(job.json["next_run_at"], "2030-01-01T01:00:00Z");
  const std::int64_t job_id = job.json["id"];
  const std::string run = "/api/jobs/" + std::to_string(job_id) + "/run";
  std::vector<json> results;
  for (int i = 0; i < 4; ++i) {
    auto ran = RunJob(*admin_, job_id);
    ASSERT_EQ(ran.status, 200) << ran.body;
    EXPECT_EQ(ran.json["last_status"], "ok");
    results.push_back(ran.json["last_result"]);
  }
  EXPECT_EQ(results, (std::vector<json>{{{"assigned", 3}, {"left", 4}}, {{"assigned", 3}, {"left", 1}},
                                        {{"assigned", 1}, {"left", 0}}, {{"assigned", 0}, {"left", 0}}}));
  EXPECT_EQ(admin_->Get(rule_path).json["queued"], 0);
  EXPECT_EQ(admin_->Get(waiting).json["total"], 0);
  std::map<std::int64_t, int> owners;
  for (const auto& id : ids) ++owners[admin_->Get(Path(json{{"id", id}})).json["owner_id"].get<std::int64_t>()];
  EXPECT_EQ(owners, (std::map<std::int64_t, int>{{agents_[0], 3}, {agents_[1], 2}, {agents_[2], 2}}));
  auto history = admin_->Get(Path(json{{"id", ids[0]}}) + "/assignments");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.json["items"][0]["reason"], "queue") << history.body;
  EXPECT_EQ(history.json["items"][0]["rule"]["id"], rule_id);
  EXPECT_EQ(history.json["items"][0]["from"]["id"], manager_);
  EXPECT_EQ(history.json["items"][0]["by"]["full_name"], "Administrator");  // who queued it (R7)

  // Without a batch size a run gives one lead to each member who is ON.
  SetOnline(*admin_, agents_[2], false);
  const json last = queue(5);
  auto patched = admin_->Patch(run.substr(0, run.size() - 4), {{"batch_size", nullptr}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(RunJob(*admin_, job_id).json["last_result"], (json{{"assigned", 2}, {"left", 3}}));
  SetOnline(*admin_, agents_[2], true);
  // A deleted rule's queue goes with it, and so do the lists of it.
  EXPECT_EQ(admin_->Get(waiting).json["total"], 3);
  ASSERT_EQ(admin_->Delete(rule_path).status, 204);
  EXPECT_EQ(admin_->Get(waiting).json["total"], 0);
  // Each lead that waited in it says so on its timeline (the oldest two were given out), and the
  // leads it gave out still name it in their history (R7).
  for (std::size_t i = 2; i < 5; ++i) {
    const auto timeline = admin_->Get(Path(json{{"id", last[i]}}) + "/timeline").json["items"];
    const bool left = std::any_of(timeline.begin(), timeline.end(), [](const json& item) {
      return item["kind"] == "audit" && item["field"] == "queue" && item["old_value"] == "Chia queue" &&
             item["new_value"].is_null();
    });
    EXPECT_TRUE(left) << timeline.dump();
  }
  const auto given = admin_->Get(Path(json{{"id", ids[0]}}) + "/assignments").json["items"][0];
  EXPECT_EQ(given["rule"]["id"], rule_id) << given.dump();
  EXPECT_EQ(given["rule"]["name"], "Chia queue") << given.dump();
  // The job stays and fails at each run until it gets another rule or is switched off.
  const std::string job_path = run.substr(0, run.size() - 4);
  auto orphan = RunJob(*admin_, job_id);
  EXPECT_EQ(orphan.json["last_status"], "failed") << orphan.body;
  EXPECT_EQ(orphan.json["last_result"]["reason"], "rule_deleted") << "for the jobs page to word it: " << orphan.body;
  auto off = admin_->Patch(job_path, {{"active", false}, {"name", "Chia hàng đợi (cũ)"}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.json["active"], false);
  auto cleared = admin_->Patch(job_path, {{"rule_id", nullptr}});
  ASSERT_EQ(cleared.status, 422) << cleared.body;
  EXPECT_EQ(cleared.json["error"]["details"][0]["field"], "rule_id");
  // An end before the start says so, for the dialog to word under the end.
  auto backwards = admin_->Patch(job_path, {{"starts_at", "2030-01-02T00:00:00Z"}, {"ends_at", "2030-01-01T00:00:00Z"}});
  ASSERT_EQ(backwards.status, 422) << backwards.body;
  EXPECT_EQ(backwards.json["error"]["details"][0]["field"], "ends_at");
  EXPECT_EQ(backwards.json["error"]["details"][0]["reason"], "before_start");
  EXPECT_EQ(SignedIn("agent.r0").Get("/api/jobs").status, 403);
  EXPECT_EQ(SignedIn("agent.r0").Post(run, json::object()).status, 403);
}

// R5 with R4: a lead queued away from a member of the rule goes to another member, as an unassign
// does, unless its owner is the only one who can take it; the member passed over keeps their turn.
TEST_F(AssignmentApi, AQueuedLeadGoesToAnotherMemberThanItsOwner) {
  const auto x = CreateUser(*admin_, "agent.q.x", "agent", team_), y = CreateUser(*admin_, "agent.q.y", "agent", team_);
  SetOnline(*admin_, x, true);
  SetOnline(*admin_, y, true);
  const std::int64_t rule_id = CreateRule("requeue", Members({x, y}))["id"];
  json ids = json::array();
  for (int i = 0; i < 3; ++i) {
    auto lead = admin_->Post("/api/leads", {{"full_name", "Khách của x"}, {"mobile", UniqueMobile()}, {"owner_id", x}});
    ASSERT_EQ(lead.status, 201) << lead.body;
    ids.push_back(lead.json["id"]);
  }
  auto queue = [&](const json& which) {
    auto res = admin_->Post("/api/leads/mass-update", {{"ids", which}, {"action", "queue_assignment"}, {"rule_id", rule_id}});
    ASSERT_EQ(res.status, 200) << res.body;
  };
  queue(ids);
  auto job = admin_->Post("/api/jobs", {{"name", "Chia lại"}, {"type", "auto_assign"}, {"interval_min", 5},
                                        {"starts_at", "2030-01-01T08:00:00+07:00"}, {"rule_id", rule_id},
                                        {"batch_size", 10}});
  ASSERT_EQ(job.status, 201) << job.body;
  const std::int64_t job_id = job.json["id"];
  EXPECT_EQ(RunJob(*admin_, job_id).json["last_result"], (json{{"assigned", 3}, {"left", 0}}));
  for (const auto& id : ids) EXPECT_EQ(admin_->Get(Path(json{{"id", id}})).json["owner_id"], y);
  // x was passed over three times: the next new lead is x's.
  EXPECT_EQ(NewLead(*admin_, "requeue")["owner_id"], x);

  // With y OFF, x is the only one who can take them: they stay x's... once given back to x.
  for (const auto& id : ids) ASSERT_EQ(admin_->Patch(Path(json{{"id", id}}), {{"owner_id", x}}).status, 200);
  SetOnline(*admin_, y, false);
  queue(ids);
  EXPECT_EQ(RunJob(*admin_, job_id).json["last_result"], (json{{"assigned", 3}, {"left", 0}}));
  for (const auto& id : ids) EXPECT_EQ(admin_->Get(Path(json{{"id", id}})).json["owner_id"], x);
}

// R5, L5: a lead's page says who put it in which rule's queue (a queued lead has no owner yet, so
// nothing else on it says why nobody calls it).
TEST_F(AssignmentApi, QueueingALeadShowsOnItsTimeline) {
  const std::int64_t first = CreateRule("Facebook", Members({agents_[0]}))["id"];  // "Chia Facebook"
  const std::int64_t second = CreateRule("Zalo", Members({agents_[1]}))["id"];
  auto lead = admin_->Post("/api/leads", {{"full_name", "Khách chờ xem"}, {"mobile", UniqueMobile()}, {"source", "web"}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  auto queue = [&](std::int64_t rule_id, bool dry_run = false) {
    auto res = admin_->Post("/api/leads/mass-update", {{"ids", {lead.json["id"]}}, {"action", "queue_assignment"},
                                                       {"rule_id", rule_id}, {"dry_run", dry_run}});
    EXPECT_EQ(res.status, 200) << res.body;
  };
  auto entries = [&] {
    std::vector<json> out;
    auto timeline = admin_->Get(Path(lead.json) + "/timeline");
    EXPECT_EQ(timeline.status, 200) << timeline.body;
    for (const auto& item : timeline.json["items"]) {
      if (item["kind"] == "audit" && item["field"] == "queue") {
        out.push_back({{"from", item["old_value"]}, {"to", item["new_value"]}, {"by", item["user"]["full_name"]}});
      }
    }
    return out;
  };
  queue(first, true);
  EXPECT_TRUE(entries().empty()) << "a dry run leaves no trace";
  queue(first);
  queue(first);  // already waiting there: no second entry
  queue(second);
  EXPECT_EQ(entries(), (std::vector<json>{{{"from", "Chia Facebook"}, {"to", "Chia Zalo"}, {"by", "Administrator"}},
                                          {{"from", nullptr}, {"to", "Chia Facebook"}, {"by", "Administrator"}}}));
}

// R5: a queued lead someone has decided about (given by hand, converted, dead, do not contact)
// leaves the queue; the job hands out only the others, and closed leads are not queued at all.
TEST_F(AssignmentApi, AQueuedLeadSomeoneDecidedAboutLeavesTheQueue) {
  for (auto agent : agents_) SetOnline(*admin_, agent, true);
  const std::int64_t rule_id = CreateRule("decided", Members({agents_[0], agents_[1]}))["id"];
  json ids = json::array();
  for (int i = 0; i < 6; ++i) {
    auto lead = admin_->Post("/api/leads", {{"full_name", "Khách chờ " + std::to_string(i)}, {"mobile", UniqueMobile()},
                                            {"source", "decided"}, {"owner_id", manager_}});
    ASSERT_EQ(lead.status, 201) << lead.body;
    ids.push_back(lead.json["id"]);
  }
  auto lead = [&](int i) { return admin_->Get(Path(json{{"id", ids[i]}})).json; };
  auto queued = admin_->Post("/api/leads/mass-update", {{"ids", ids}, {"action", "queue_assignment"}, {"rule_id", rule_id}});
  ASSERT_EQ(queued.json["updated"], 6) << queued.body;
  const std::string rule_path = "/api/assignment-rules/" + std::to_string(rule_id);

  ASSERT_EQ(admin_->Post(Path(lead(0)) + "/assign", {{"owner_id", agents_[2]}}).status, 200);
  ASSERT_EQ(admin_->Patch(Path(lead(1)), {{"status", "converted"}}).status, 200);
  ASSERT_EQ(admin_->Patch(Path(lead(2)), {{"do_not_contact", true}, {"dnc_reason", "Khách từ chối"}}).status, 200);
  auto by_hand = admin_->Post("/api/leads/mass-update", {{"ids", {ids[3]}}, {"set", {{"owner_id", agents_[2]}}}});
  ASSERT_EQ(by_hand.status, 200) << by_hand.body;
  auto dead = admin_->Post("/api/leads/mass-update", {{"ids", {ids[4]}}, {"set", {{"status", "dead"}}}});
  ASSERT_EQ(dead.status, 200) << dead.body;
  EXPECT_EQ(admin_->Get(rule_path).json["queued"], 1);

  auto again = admin_->Post("/api/leads/mass-update", {{"ids", ids}, {"action", "queue_assignment"}, {"rule_id", rule_id}});
  EXPECT_EQ(again.json["matched"], 6) << again.body;
  EXPECT_EQ(again.json["updated"], 2) << "the two given by hand; not the converted, dead or do-not-contact ones";
  EXPECT_EQ(admin_->Get(rule_path).json["queued"], 3);
  ASSERT_EQ(admin_->Patch(Path(lead(3)), {{"email", "khach3@example.vn"}}).status, 200);  // not an owner change
  EXPECT_EQ(admin_->Get(rule_path).json["queued"], 3);

  auto job = admin_->Post("/api/jobs", {{"name", "Chia phần còn lại"}, {"type", "auto_assign"}, {"interval_min", 5},
                                        {"starts_at", "2030-01-01T08:00:00+07:00"}, {"rule_id", rule_id},
                                        {"batch_size", 10}});
  ASSERT_EQ(job.status, 201) << job.body;
  auto ran = RunJob(*admin_, job.json["id"]);
  EXPECT_EQ(ran.json["last_result"], (json{{"assigned", 3}, {"left", 0}})) << ran.body;
  EXPECT_EQ(lead(1)["owner_id"], manager_);
  EXPECT_EQ(lead(2)["owner_id"], manager_);
  EXPECT_EQ(lead(4)["owner_id"], manager_);
  for (int i : {0, 3, 5}) EXPECT_NE(lead(i)["owner_id"], manager_) << i;
}

TEST_F(AssignmentApi, ANewLeadThatMustNotBeCalledOrIsClosedIsNotHandedOut) {
  for (auto agent : agents_) SetOnline(*admin_, agent, true);
  CreateRule("closed", Members({agents_[0], agents_[1]}));
  auto create = [&](json extra) {
    json body = {{"full_name", "Khách không gọi"}, {"mobile", UniqueMobile()}, {"source", "closed"}};
    body.update(extra);
    auto res = admin_->Post("/api/leads", body);
    EXPECT_EQ(res.status, 201) << res.body;
    return res.json;
  };
  auto dnc = create({{"do_not_contact", true}, {"dnc_reason", "Khách từ chối"}});
  EXPECT_TRUE(dnc["owner_id"].is_null()) << dnc.dump();
  EXPECT_EQ(dnc["status"], "new");
  for (const char* status : {"converted", "dead"}) {
    auto closed = create({{"status", status}});
    EXPECT_TRUE(closed["owner_id"].is_null()) << closed.dump();
    EXPECT_EQ(closed["status"], status);
  }
  EXPECT_FALSE(create(json::object())["owner_id"].is_null()) << "an open lead still goes by the rule";
}

TEST_F(AssignmentApi, PresenceIsSwitchedByTheUserTheirManagerOrAnAdmin) {
  auto agent = SignedIn("agent.r2");
  auto other = agent.Send("PUT", "/api/users/" + std::to_string(agents_[0]) + "/presence", json{{"online", false}});
  EXPECT_EQ(other.status, 403);
  auto manager = SignedIn("manager.r");
  SetOnline(manager, agents_[2], false);
  EXPECT_EQ(agent.Get("/api/auth/me").json["user"]["online"], false) << agent.Get("/api/auth/me").body;
  SetOnline(agent, agents_[2], true);
  auto bad = agent.Send("PUT", "/api/users/" + std::to_string(agents_[2]) + "/presence", json{{"online", "yes"}});
  EXPECT_EQ(bad.status, 422);
}

TEST_F(AssignmentApi, RulesAreCheckedFieldByFieldAndOnlyForManagers) {
  auto res = admin_->Post("/api/assignment-rules",
                          {{"name", "Sai"},
                           {"method", "random"},
                           {"members", json::array({{{"user_id", 999999}}, {{"user_id", agents_[0]}, {"weight", 0}}})}});
  ASSERT_EQ(res.status, 422) << res.body;
  std::set<std::string> fields;
  for (const auto& d : res.json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"method", "members.0.user_id", "members.1.weight"}));
  EXPECT_EQ(admin_->Post("/api/assignment-rules", json::object()).status, 422);
  EXPECT_EQ(SignedIn("agent.r0").Get("/api/assignment-rules").status, 403);
}

// The turn state is in the database: a restarted server continues the same order.
TEST(AssignmentRestart, TheTurnOrderContinuesAfterARestart) {
  auto dir = std::filesystem::temp_directory_path() / ("sen-assign-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::int64_t a = 0, b = 0;
  {
    ServerProcess server(dir);
    Client admin(server.port());
    admin.Login("admin", kAdminPassword);
    a = CreateUser(admin, "agent.x", "agent");
    b = CreateUser(admin, "agent.y", "agent");
    auto rule = admin.Post("/api/assignment-rules",
                           {{"name", "Tất cả"}, {"method", "round_robin"}, {"members", {{{"user_id", a}}, {{"user_id", b}}}}});
    ASSERT_EQ(rule.status, 201) << rule.body;
    auto lead = admin.Post("/api/leads", {{"full_name", "Một"}, {"mobile", UniqueMobile()}});
    EXPECT_EQ(lead.json["owner_id"], a);
    EXPECT_EQ(server.Stop(), 0);
  }
  {
    ServerProcess server(dir);
    Client admin(server.port());
    admin.Login("admin", kAdminPassword);
    auto lead = admin.Post("/api/leads", {{"full_name", "Hai"}, {"mobile", UniqueMobile()}});
    EXPECT_EQ(lead.json["owner_id"], b);
  }
  std::filesystem::remove_all(dir);
}

// A rule's source as people type it: the form's "hoi thao zalo" or an import's "HỘI THẢO ZALO"
// is the rule's "Hội thảo Zalo", as the search box would find it.
TEST_F(AssignmentApi, ARulesSourceMatchesWhateverTheCaseAndDiacritics) {
  for (auto agent : agents_) SetOnline(*admin_, agent, true);
  CreateRule("Hội thảo Zalo", Members({agents_[1]}));
  for (const char* typed : {"hoi thao zalo", "HỘI THẢO ZALO", " Hội  thảo Zalo "}) {
    EXPECT_EQ(NewLead(*admin_, typed)["owner_id"], agents_[1]) << typed;
  }
  EXPECT_TRUE(NewLead(*admin_, "Hội thảo Zalo 2")["owner_id"].is_null());
}

// A manager's rule hands leads to the manager's own team: naming another team's agent would give
// the manager's new and unassigned leads to someone outside it, and the manager would lose them
// at once. A rule with members of other teams (an admin's) is the admins' to change.
TEST_F(AssignmentApi, AManagersRuleNamesOnlyTheirOwnTeam) {
  const auto other_team = CreateTeam(*admin_, "Đào tạo");
  const auto outsider = CreateUser(*admin_, "agent.other.r", "agent", other_team);
  auto manager = SignedIn("manager.r");
  auto mixed = manager.Post("/api/assignment-rules", {{"name", "Chia hỗn hợp"}, {"method", "round_robin"},
                                                      {"members", Members({agents_[0], outsider})}});
  ASSERT_EQ(mixed.status, 422) << mixed.body;
  EXPECT_EQ(mixed.json["error"]["details"][0]["field"], "members.1.user_id") << mixed.body;
  EXPECT_EQ(mixed.json["error"]["details"][0]["reason"], "other_team") << mixed.body;

  auto own = manager.Post("/api/assignment-rules", {{"name", "Chia trong nhóm"}, {"method", "round_robin"},
                                                    {"source", "own-team"}, {"members", Members({agents_[0], manager_})}});
  ASSERT_EQ(own.status, 201) << own.body;
  const std::string own_path = "/api/assignment-rules/" + std::to_string(own.json["id"].get<std::int64_t>());
  EXPECT_EQ(manager.Patch(own_path, {{"members", Members({agents_[1], outsider})}}).status, 422);
  EXPECT_EQ(manager.Patch(own_path, {{"members", Members({agents_[1]})}}).status, 200);

  const auto admins = CreateRule("mixed-team", Members({agents_[2], outsider}));
  const std::string admins_path = "/api/assignment-rules/" + std::to_string(admins["id"].get<std::int64_t>());
  auto change = manager.Patch(admins_path, {{"active", false}});
  EXPECT_EQ(change.status, 403) << change.body;
  EXPECT_EQ(manager.Delete(admins_path).status, 403);
  EXPECT_EQ(manager.Get(admins_path).status, 200);  // seen, not changed
  EXPECT_EQ(manager.Delete(own_path).status, 204);
}

// A rule that gives leads to another team is the admin's to hand leads out through: a manager may
// neither queue their leads for it nor schedule, change, run or delete its job, which would take
// their team's leads out of their sight as a reassignment to that team would.
TEST_F(AssignmentApi, AManagerHandsNoLeadsOutThroughARuleOfAnotherTeam) {
  const auto other_team = CreateTeam(*admin_, "Tư vấn Cần Thơ");
  const auto outsider = CreateUser(*admin_, "agent.ct.r", "agent", other_team);
  const auto theirs = CreateRule("other-team-queue", Members({outsider}));
  const std::int64_t rule_id = theirs["id"].get<std::int64_t>();
  auto manager = SignedIn("manager.r");
  const auto lead = manager.Post("/api/leads", {{"full_name", "Khách Nhóm Mình"}, {"mobile", UniqueMobile()},
                                                {"owner_id", agents_[0]}});
  ASSERT_EQ(lead.status, 201) << lead.body;

  auto queued = manager.Post("/api/leads/mass-update",
                             {{"ids", {lead.json["id"]}}, {"action", "queue_assignment"}, {"rule_id", rule_id}});
  EXPECT_EQ(queued.status, 403) << queued.body;
  auto job = manager.Post("/api/jobs", {{"name", "Chia sang Cần Thơ"}, {"type", "auto_assign"}, {"active", false},
                                        {"interval_min", 5}, {"rule_id", rule_id}});
  EXPECT_EQ(job.status, 403) << job.body;
  EXPECT_EQ(manager.Post("/api/leads/mass-update", {{"ids", {lead.json["id"]}}, {"action", "queue_assignment"},
                                                    {"rule_id", rule_id + 1000}}).status,
            422);

  // The admin's job for that rule: seen by the manager, not theirs to change, run or delete.
  auto admins = admin_->Post("/api/jobs", {{"name", "Chia sang Cần Thơ"}, {"type", "auto_assign"}, {"active", false},
                                           {"interval_min", 5}, {"rule_id", rule_id}});
  ASSERT_EQ(admins.status, 201) << admins.body;
  const std::string job_path = "/api/jobs/" + std::to_string(admins.json["id"].get<std::int64_t>());
  EXPECT_EQ(manager.Get(job_path).status, 200);
  EXPECT_EQ(manager.Patch(job_path, {{"active", true}}).status, 403);
  EXPECT_EQ(manager.Post(job_path + "/run", json::object()).status, 403);
  EXPECT_EQ(manager.Delete(job_path).status, 403);
  EXPECT_EQ(admin_->Get(Path(lead.json)).json["owner_id"], agents_[0]);  // still the team's
  EXPECT_EQ(admin_->Delete(job_path).status, 204);
}

}  // namespace
}  // namespace sen::testing
