// Imports over real HTTP (I1-I8): upload, mapping, preview, background run, rejected rows, undo,
// round trips by ID, refusals, a server killed mid-import, and the command line.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <thread>
#include <tuple>

#include "core/clock.h"
#include "db/database.h"
#include "files/test_files.h"
#include "harness.h"
#include "live_events.h"

namespace sen::testing {
namespace {

using json = nlohmann::json;

// `rows` leads named "<name> <i>" with mobiles <prefix><first + i>, one a row.
std::string ManyLeadsCsv(int rows, const std::string& name, const std::string& prefix, int first) {
  std::string csv = "Họ và tên,Di động\n";
  for (int i = 0; i < rows; ++i) csv += name + " " + std::to_string(i) + "," + prefix + std::to_string(first + i) + "\n";
  return csv;
}

std::int64_t LeadTotal(Client& c, const std::string& query = "") {
  return c.Get("/api/leads?page_size=1" + query).json["total"].get<std::int64_t>();
}

class ImportsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    admin_ = new Client(server_->port());
    admin_->Login("admin", kAdminPassword);
    CreateUser(*admin_, "imp.agent", "agent");
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static ServerProcess* server_;
  static Client* admin_;
};
ServerProcess* ImportsApi::server_ = nullptr;
Client* ImportsApi::admin_ = nullptr;

TEST_F(ImportsApi, CsvWithVietnameseHeadersPreviewRunErrorsAndUndo) {
  const std::string m1 = UniqueMobile(), m2 = UniqueMobile(), m3 = UniqueMobile(), existing = UniqueMobile();
  auto there = admin_->Post("/api/leads", {{"full_name", "Đã Có Sẵn"}, {"mobile", existing}});
  ASSERT_EQ(there.status, 201);
  // A BOM, semicolons, a quoted note with a line break, a lost leading zero, a bad phone, a
  // duplicate inside the file and one of a lead already there.
  const std::string csv = "\xEF\xBB\xBFHọ và tên;SĐT;Email;Nguồn;Ghi chú;Cột lạ\r\n"
                          "Nguyễn Văn An;" + m1 + ";an.nguyen@example.vn;Facebook;\"Gọi lại\r\nsau 5h\";x\r\n"
                          "Trần Thị Bình;" + m2.substr(1) + ";;Zalo;;\r\n"
                          "Lê Sai Số;12ab;;;;\r\n"
                          "An Lặp Lại;" + m1 + ";;;;\r\n"
                          "Khách Cũ;" + existing + ";;;;\r\n"
                          "\r\n"
                          "Phạm Minh Châu;" + m3 + ";chau@example.vn;;;\r\n";
  auto up = Upload(*admin_, "khach-hang.csv", csv);
  ASSERT_EQ(up.status, 201) << up.body;
  const json imp = up.json;
  EXPECT_EQ(imp["status"], "pending");
  EXPECT_EQ(imp["format"], "csv");
  EXPECT_EQ(imp["rows_estimate"], 6);
  EXPECT_EQ(imp["columns"], json({"Họ và tên", "SĐT", "Email", "Nguồn", "Ghi chú", "Cột lạ"}));
  EXPECT_EQ(imp["suggested_mapping"]["Họ và tên"], "full_name");
  EXPECT_EQ(imp["suggested_mapping"]["SĐT"], "mobile");
  EXPECT_EQ(imp["suggested_mapping"]["Ghi chú"], "description");
  EXPECT_EQ(imp["suggested_mapping"]["Cột lạ"], "");
  EXPECT_EQ(imp["sample"][0][4], "Gọi lại\r\nsau 5h");

  auto patched = admin_->Patch(Path(imp), {{"match_on", {"mobile", "email"}}, {"defaults", {{"tags", {"hội chợ"}}}}});
  ASSERT_EQ(patched.status, 200) << patched.body;

  auto preview = admin_->Post(Path(imp, "/preview"), json::object());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json["create"], 3);
  EXPECT_EQ(preview.json["duplicate"], 2);
  EXPECT_EQ(preview.json["error"], 1);
  ASSERT_EQ(preview.json["problems"].size(), 1u);
  EXPECT_EQ(preview.json["problems"][0]["row"],
            4);  // as a spreadsheet shows it: the note's line break stays in row 2
  EXPECT_EQ(preview.json["problems"][0]["field"], "mobile");
  EXPECT_EQ(preview.json["problems"][0]["reason"], "invalid_phone");  // for the page to word
  // The duplicates to skip, each with what it repeats, before the run writes anything.
  const json duplicates = preview.json["duplicates"];
  ASSERT_EQ(duplicates.size(), 2u) << preview.body;
  EXPECT_EQ(duplicates[0], json({{"row", 5}, {"field", "mobile"}, {"message", "repeats row 2 of the file"},
                                 {"reason", "duplicate_in_file"}, {"detail", "2"}}));
  EXPECT_EQ(duplicates[1]["row"], 6);
  EXPECT_EQ(duplicates[1]["reason"], "duplicate_lead");
  EXPECT_EQ(duplicates[1]["detail"], std::to_string(there.json["id"].get<std::int64_t>()));
  // A preview writes nothing.
  EXPECT_EQ(LeadTotal(*admin_, "&tag=h%E1%BB%99i%20ch%E1%BB%A3"), 0);

  auto run = admin_->Post(Path(imp, "/run"), json::object());
  ASSERT_EQ(run.status, 202) << run.body;
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["status"], "done") << done.dump();
  EXPECT_EQ(done["processed"], 6);
  EXPECT_EQ(done["created"], 3);
  EXPECT_EQ(done["duplicate"], 2);
  EXPECT_EQ(done["error"], 1);
  auto again = admin_->Post(Path(imp, "/run"), json::object());
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json["error"]["reason"], "import_ran") << again.body;

  auto found = admin_->Get("/api/leads?q=" + m2.substr(1));
  ASSERT_EQ(found.json["items"].size(), 1u);
  const json lead = found.json["items"][0];
  EXPECT_EQ(lead["full_name"], "Trần Thị Bình");
  EXPECT_EQ(lead["mobile_e164"], "+84" + m2.substr(1));  // the zero Excel dropped is back
  EXPECT_EQ(lead["tags"], json({"hội chợ"}));
  EXPECT_EQ(LeadTotal(*admin_, "&tag=h%E1%BB%99i%20ch%E1%BB%A3"), 3);

  auto errors = admin_->Get(Path(imp, "/errors.csv"));
  ASSERT_EQ(errors.status, 200);
  EXPECT_NE(errors.headers["content-disposition"].find("errors.csv"), std::string::npos);
  // Sent while it is made, like an export: an import of a million bad rows is not held in memory.
  EXPECT_EQ(errors.headers["transfer-encoding"], "chunked");
  EXPECT_NE(errors.body.find("Lê Sai Số"), std::string::npos) << errors.body;
  // The reason in the admin's language, the field by its label.
  EXPECT_NE(errors.body.find(",4,Di động: Số điện thoại không hợp lệ"), std::string::npos)
      << errors.body;
  // The skipped duplicates too, each with what it repeats: a row above, a lead already there.
  EXPECT_NE(errors.body.find("\nAn Lặp Lại," + m1 + ",,,,,5,Di động: Trùng với dòng 2 phía trên trong tệp"),
            std::string::npos)
      << errors.body;
  EXPECT_NE(errors.body.find("\nKhách Cũ," + existing + ",,,,,6,Di động: Trùng với khách hàng #" +
                             std::to_string(there.json["id"].get<std::int64_t>()) + " đã có"),
            std::string::npos)
      << errors.body;

  // Someone calls one of the leads before the import is undone: that lead goes to the Trash with
  // its call; the two nobody touched go for good.
  auto call = admin_->Post("/api/calls", {{"parent_type", "lead"},
                                          {"parent_id", lead["id"]},
                                          {"subject", "Gọi lần đầu"},
                                          {"direction", "outbound"},
                                          {"status", "completed"},
                                          {"result", "interested"},
                                          {"start_at", "2026-11-20T09:00:00Z"}});
  ASSERT_EQ(call.status, 201) << call.body;
  std::int64_t last_created = 0;
  const auto created = admin_->Get("/api/leads?tag=h%E1%BB%99i%20ch%E1%BB%A3").json;
  ASSERT_EQ(created["items"].size(), 3u);
  for (const auto& l : created["items"]) last_created = std::max(last_created, l["id"].get<std::int64_t>());
  auto undone = admin_->Post(Path(imp, "/undo"), json::object());
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(undone.json["status"], "undone");
  EXPECT_EQ(undone.json["in_trash"], 1);
  EXPECT_EQ(LeadTotal(*admin_, "&tag=h%E1%BB%99i%20ch%E1%BB%A3"), 0);
  EXPECT_EQ(LeadTotal(*admin_, "&deleted=true&tag=h%E1%BB%99i%20ch%E1%BB%A3"), 1);
  EXPECT_EQ(admin_->Get("/api/leads/" + std::to_string(lead["id"].get<std::int64_t>())).json["deleted_at"].is_null(),
            false);
  // The ids of the leads it removed are never given again: an exported file, a bookmark or an
  // API client holding one must not reach somebody else.
  auto next = admin_->Post("/api/leads", {{"full_name", "Người Đến Sau"}, {"mobile", UniqueMobile()}});
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_GT(next.json["id"].get<std::int64_t>(), last_created);
  EXPECT_EQ(admin_->Get("/api/leads?q=" + existing).json["items"].size(), 1u);  // not the import's to take
}

// Uploads, the database and the secret key hold people's names and phones: no other account of
// the machine may read them, whatever the umask Sen was started with.
TEST_F(ImportsApi, WhatSenKeepsOnDiskIsForItsOwnAccountAlone) {
  ASSERT_EQ(Upload(*admin_, "rieng.csv", "Họ và tên,Di động\nRiêng Tư,0912000111\n").status, 201);
  namespace fs = std::filesystem;
  std::vector<std::string> shared;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(server_->dir())) {
    if (!entry.is_regular_file() && !entry.is_directory()) continue;
    if (entry.path().filename() == "server.log") continue;  // the harness's, not Sen's
    files += entry.is_regular_file();
    const auto others = entry.status().permissions() & (fs::perms::group_all | fs::perms::others_all);
    if (others != fs::perms::none) shared.push_back(entry.path().lexically_relative(server_->dir()).string());
  }
  EXPECT_GE(files, 3);  // the database, the upload, the key at least
  EXPECT_TRUE(shared.empty()) << ::testing::PrintToString(shared);
}

TEST_F(ImportsApi, RoundTripByIdUpdatesAndUndoRestores) {
  auto created = admin_->Post("/api/leads", {{"full_name", "Hoàng Văn Đức"}, {"mobile", UniqueMobile()},
                                             {"description", "trước"}, {"source", "Website"}, {"company", "Cũ"}});
  ASSERT_EQ(created.status, 201);
  const std::string id = std::to_string(created.json["id"].get<std::int64_t>());
  const std::string csv = "Mã,Họ và tên,Mô tả,Nguồn,Công ty\n" + id + ",Hoàng Văn Đức,sau khi nhập,,Mới\n";
  auto imp = Upload(*admin_, "sua.csv", csv).json;
  EXPECT_EQ(imp["suggested_mapping"]["Mã"], "id");
  // Lead IDs in it: an edited export, proposed as such.
  EXPECT_EQ(imp["mode"], "create_update");
  EXPECT_EQ(imp["match_on"], json::array({"id", "mobile", "email"}));
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  auto preview = admin_->Post(Path(imp, "/preview"), json::object()).json;
  EXPECT_EQ(preview["update"], 1);
  EXPECT_EQ(preview["create"], 0);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["updated"], 1);
  auto lead = admin_->Get("/api/leads/" + id).json;
  EXPECT_EQ(lead["description"], "sau khi nhập");
  EXPECT_EQ(lead["source"], "Website");  // an empty cell changes nothing
  EXPECT_EQ(lead["company"], "Mới");
  // Someone corrects the company after the import: the undo leaves their correction alone.
  ASSERT_EQ(admin_->Patch("/api/leads/" + id, {{"company", "Đã sửa tay"}}).status, 200);

  ASSERT_EQ(admin_->Post(Path(imp, "/undo"), json::object()).status, 200);
  lead = admin_->Get("/api/leads/" + id).json;
  EXPECT_EQ(lead["description"], "trước");
  EXPECT_EQ(lead["company"], "Đã sửa tay");
}

// A file exported and imported back with one row edited says it updated one lead, not all.
TEST_F(ImportsApi, RowsThatChangeNothingAreCountedAsUnchanged) {
  std::vector<std::string> ids;
  for (const char* name : {"Đinh Văn Sửa", "Đinh Thị Giữ", "Đinh Văn Nguyên"}) {
    auto made = admin_->Post("/api/leads", {{"full_name", name}, {"mobile", UniqueMobile()}});
    ASSERT_EQ(made.status, 201) << made.body;
    ids.push_back(std::to_string(made.json["id"].get<std::int64_t>()));
  }
  const std::string csv = "Mã,Họ và tên\n" + ids[0] + ",Đinh Văn Đã Sửa\n" + ids[1] + ",Đinh Thị Giữ\n" + ids[2] +
                          ",Đinh Văn Nguyên\n";
  auto imp = Upload(*admin_, "da-sua.csv", csv).json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  auto preview = admin_->Post(Path(imp, "/preview"), json::object()).json;
  EXPECT_EQ(preview["update"], 1) << preview.dump();
  EXPECT_EQ(preview["unchanged"], 2) << preview.dump();
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["updated"], 1) << done.dump();
  EXPECT_EQ(done["unchanged"], 2) << done.dump();
  EXPECT_EQ(admin_->Get("/api/leads/" + ids[0]).json["full_name"], "Đinh Văn Đã Sửa");
  ASSERT_EQ(admin_->Post(Path(imp, "/undo"), json::object()).status, 200);
  EXPECT_EQ(admin_->Get("/api/leads/" + ids[0]).json["full_name"], "Đinh Văn Sửa");
  EXPECT_EQ(admin_->Get("/api/leads/" + ids[1]).json["full_name"], "Đinh Thị Giữ");
}

// I7's "Add to target list": the leads the import created or updated, except one that must not be
// contacted; an undo takes the ones it removes out of the list.
TEST_F(ImportsApi, TheResultsLeadsJoinATargetList) {
  const std::string kept = UniqueMobile(), m1 = UniqueMobile(), m2 = UniqueMobile();
  ASSERT_EQ(admin_->Post("/api/leads", {{"full_name", "Không Gọi"}, {"mobile", kept}, {"do_not_contact", true},
                                        {"dnc_reason", "Đã từ chối"}}).status, 201);
  auto list = admin_->Post("/api/target-lists", {{"name", "Khách hội chợ nhập từ tệp"}});
  ASSERT_EQ(list.status, 201) << list.body;
  const json target_list_id = list.json["id"];
  const std::string members = "/api/target-lists/" + std::to_string(target_list_id.get<std::int64_t>());
  auto imp = Upload(*admin_, "hoi-cho.csv", std::string("Họ và tên,Di động\nKhông Gọi,") + kept + "\nMới Một," + m1 +
                                                "\nMới Hai," + m2 + "\n").json;
  auto early = admin_->Post(Path(imp, "/add-to-list"), {{"target_list_id", target_list_id}});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json["error"]["reason"], "import_not_done") << early.body;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"mobile"}}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  ASSERT_EQ(done["created"], 2) << done.dump();
  ASSERT_EQ(done["unchanged"], 1) << done.dump();  // matched, and still the import's

  auto added = admin_->Post(Path(imp, "/add-to-list"), {{"target_list_id", target_list_id}});
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.json, json({{"matched", 3}, {"added", 2}, {"already", 0}, {"do_not_contact", 1}}));
  EXPECT_EQ(admin_->Post(Path(imp, "/add-to-list"), {{"target_list_id", target_list_id}}).json["already"], 2);
  EXPECT_EQ(admin_->Get(members).json["members"], 2);

  auto no_list = admin_->Post(Path(imp, "/add-to-list"), {{"target_list_id", 999999}});
  EXPECT_EQ(no_list.status, 404) << no_list.body;
  EXPECT_EQ(admin_->Post(Path(imp, "/add-to-list"), json::object()).status, 422);
  Client agent(server_->port());
  agent.Login("imp.agent", "user-pass-123");
  EXPECT_EQ(agent.Post(Path(imp, "/add-to-list"), {{"target_list_id", target_list_id}}).status, 403);

  ASSERT_EQ(admin_->Post(Path(imp, "/undo"), json::object()).status, 200);
  EXPECT_EQ(admin_->Get(members).json["members"], 0);
  EXPECT_EQ(LeadTotal(*admin_, "&target_list_id=" + std::to_string(target_list_id.get<std::int64_t>())), 0);
}

// A manager's import result adds to a list only the leads they still see: one given to another
// team since stays out.
TEST_F(ImportsApi, AnImportAddsToAListOnlyTheLeadsItsImporterStillSees) {
  const auto team = CreateTeam(*admin_, "Nhập Cần Thơ"), other = CreateTeam(*admin_, "Nhập Huế");
  CreateUser(*admin_, "imp.manager.ct", "manager", team);
  const auto away = CreateUser(*admin_, "imp.agent.hue", "agent", other);
  Client manager(server_->port());
  manager.Login("imp.manager.ct", "user-pass-123");
  const std::string kept = UniqueMobile(), given = UniqueMobile();
  auto imp = Upload(manager, "can-tho.csv", "Họ và tên,Di động\nỞ Lại," + kept + "\nĐi Xa," + given + "\n").json;
  ASSERT_EQ(manager.Post(Path(imp, "/run"), json::object()).status, 202);
  ASSERT_EQ(WaitUntilFinished(manager, imp)["created"], 2);
  auto gone = admin_->Get("/api/leads?q=" + given).json["items"][0];
  ASSERT_EQ(admin_->Patch("/api/leads/" + std::to_string(gone["id"].get<std::int64_t>()), {{"owner_id", away}}).status,
            200);
  auto list = manager.Post("/api/target-lists", {{"name", "Cần Thơ tháng 12"}});
  ASSERT_EQ(list.status, 201) << list.body;
  auto added = manager.Post(Path(imp, "/add-to-list"), {{"target_list_id", list.json["id"]}});
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.json["matched"], 1);
  EXPECT_EQ(added.json["added"], 1);
}

// A list past 5,000 members is paged by probing each lead for membership (see BuildList).
TEST_F(ImportsApi, AListOfThousandsPagesThroughItsMembersOnly) {
  auto imp = Upload(*admin_, "thanh-vien.csv", ManyLeadsCsv(6000, "Thành Viên", "0915", 100000)).json;
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  ASSERT_EQ(WaitUntilFinished(*admin_, imp, 120)["created"], 6000);
  ASSERT_EQ(admin_->Post("/api/leads", {{"full_name", "Người Ngoài"}, {"mobile", UniqueMobile()}}).status, 201);
  auto list = admin_->Post("/api/target-lists", {{"name", "Sáu nghìn thành viên"}});
  ASSERT_EQ(list.status, 201) << list.body;
  ASSERT_EQ(admin_->Post(Path(imp, "/add-to-list"), {{"target_list_id", list.json["id"]}}).json["added"], 6000);
  const std::string members = "/api/leads?target_list_id=" + std::to_string(list.json["id"].get<std::int64_t>());
  for (const std::string page : {"&page=1", "&page=120", "&page=60&sort=full_name"}) {
    auto res = admin_->Get(members + page);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json["total"], 6000);
    ASSERT_EQ(res.json["items"].size(), 50u) << page;
    for (const auto& lead : res.json["items"]) {
      EXPECT_EQ(lead["full_name"].get<std::string>().rfind("Thành Viên ", 0), 0u) << page << lead.dump();
    }
  }
  EXPECT_EQ(admin_->Get(members + "&page=121").json["items"].size(), 0u);
  EXPECT_EQ(admin_->Get(members + "&page=1&page_size=1&sort=full_name").json["items"][0]["full_name"], "Thành Viên 0");
}

// An undo that gives a lead back to its owner before the import gives it their team too, as it
// is now: the team the import's owner has moved to since is not the lead's any more.
TEST_F(ImportsApi, UndoGivesTheLeadBackWithItsOwnersTeam) {
  const auto first_team = CreateTeam(*admin_, "Nhóm nhập 1"), second_team = CreateTeam(*admin_, "Nhóm nhập 2");
  const auto before = CreateUser(*admin_, "imp.truoc", "agent", first_team);
  const auto after = CreateUser(*admin_, "imp.sau", "agent", first_team);
  auto created = admin_->Post("/api/leads", {{"full_name", "Lý Thị Đổi"}, {"mobile", UniqueMobile()}, {"owner_id", before}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(created.json["id"].get<std::int64_t>());
  auto imp = Upload(*admin_, "doi.csv", "Mã,Họ và tên,Người phụ trách\n" + id + ",Lý Thị Đổi,imp.sau\n").json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["updated"], 1);
  ASSERT_EQ(admin_->Patch("/api/users/" + std::to_string(after), {{"team_id", second_team}}).status, 200);
  EXPECT_EQ(admin_->Get("/api/leads/" + id).json["team_id"], second_team);

  ASSERT_EQ(admin_->Post(Path(imp, "/undo"), json::object()).status, 200);
  auto lead = admin_->Get("/api/leads/" + id).json;
  EXPECT_EQ(lead["owner_id"], before);
  EXPECT_EQ(lead["team_id"], first_team);
}

// An import that reopens a lost lead puts it in its owner's team (closed leads stay behind when
// their owner moves); its undo closes it again in the team that lost it.
TEST_F(ImportsApi, UndoOfAReopeningGivesTheLeadBackToTheTeamThatLostIt) {
  const auto lost_in = CreateTeam(*admin_, "Nhóm mất"), now_in = CreateTeam(*admin_, "Nhóm mới");
  const auto owner = CreateUser(*admin_, "imp.mo.lai", "agent", lost_in);
  auto created = admin_->Post("/api/leads", {{"full_name", "Hồ Văn Mất"}, {"mobile", UniqueMobile()}, {"owner_id", owner}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(created.json["id"].get<std::int64_t>());
  ASSERT_EQ(admin_->Patch("/api/leads/" + id, {{"status", "dead"}}).status, 200);
  ASSERT_EQ(admin_->Patch("/api/users/" + std::to_string(owner), {{"team_id", now_in}}).status, 200);
  auto imp = Upload(*admin_, "mo-lai.csv", "Mã,Trạng thái\n" + id + ",assigned\n").json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["updated"], 1) << admin_->Get(Path(imp, "/errors.csv")).body;
  EXPECT_EQ(admin_->Get("/api/leads/" + id).json["team_id"], now_in);

  ASSERT_EQ(admin_->Post(Path(imp, "/undo"), json::object()).status, 200);
  auto lead = admin_->Get("/api/leads/" + id).json;
  EXPECT_EQ(lead["status"], "dead");
  EXPECT_EQ(lead["team_id"], lost_in);
}

// A hand edit made while the import ran, but before it reached that lead, is what the import
// overwrote: undoing the import gives it back.
TEST_F(ImportsApi, UndoGivesBackAHandEditTheImportOverwrote) {
  auto created = admin_->Post("/api/leads", {{"full_name", "Quách Văn Sửa"}, {"mobile", UniqueMobile()},
                                             {"description", "ban đầu"}});
  ASSERT_EQ(created.status, 201);
  const std::string id = std::to_string(created.json["id"].get<std::int64_t>());
  // Sixty thousand new leads first, then the row that updates this one.
  std::string csv = ManyLeadsCsv(60'000, "Khách Trước", "08", 40'000'000);
  csv.insert(csv.find('\n'), ",Mã,Mô tả");
  csv += "Quách Văn Sửa,," + id + ",từ tệp\n";
  auto imp = Upload(*admin_, "sua-giua.csv", csv).json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  for (int i = 0; i < 1'000 && admin_->Get(Path(imp)).json["processed"] == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(admin_->Patch("/api/leads/" + id, {{"description", "sửa tay"}}).status, 200);
  ASSERT_EQ(admin_->Get(Path(imp)).json["status"], "running") << "the import ended before the edit; make it larger";
  ASSERT_EQ(WaitUntilFinished(*admin_, imp, 60)["updated"], 1);
  EXPECT_EQ(admin_->Get("/api/leads/" + id).json["description"], "từ tệp");

  auto undone = admin_->Post(Path(imp, "/undo"), json::object());
  for (int i = 0; i < 2'400 && admin_->Get(Path(imp)).json["status"] == "undoing"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(admin_->Get(Path(imp)).json["status"], "undone") << undone.body;
  EXPECT_EQ(admin_->Get("/api/leads/" + id).json["description"], "sửa tay");
}

// I3: "Mã" is suggested as the lead ID, but another system's codes ("HV001") in it do not
// reject rows unless the import matches on ID.
TEST_F(ImportsApi, AnotherSystemsCodesInTheIdColumnAreLeftAloneUnlessMatchedOn) {
  const std::string csv = "Mã,Họ và tên,Di động\nHV001,Nguyễn Văn Mã," + UniqueMobile() + "\n";
  auto imp = Upload(*admin_, "ma-hoc-vien.csv", csv).json;
  EXPECT_EQ(imp["suggested_mapping"]["Mã"], "id");
  EXPECT_EQ(imp["mode"], "create");
  auto preview = admin_->Post(Path(imp, "/preview"), json::object()).json;
  EXPECT_EQ(preview["create"], 1) << preview.dump();
  EXPECT_EQ(preview["error"], 0);
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id", "mobile"}}}).status, 200);
  preview = admin_->Post(Path(imp, "/preview"), json::object()).json;
  EXPECT_EQ(preview["error"], 1) << preview.dump();
  EXPECT_EQ(preview["problems"][0]["field"], "id") << preview.dump();
}

// I7: a row wrong in two fields is rejected for both, in the preview and in the errors file.
TEST_F(ImportsApi, ARowWrongInTwoFieldsNamesBoth) {
  auto imp = Upload(*admin_, "hai-loi.csv", "Họ và tên,Di động,Email\nSai Hai Chỗ,12ab,khong-phai-email\n").json;
  // Each problem on its own, with its reason, for the page to word in the user's language.
  auto preview = admin_->Post(Path(imp, "/preview"), json::object()).json;
  EXPECT_EQ(preview["error"], 1) << preview.dump();
  ASSERT_EQ(preview["problems"].size(), 2u) << preview.dump();
  for (const auto& [i, field, reason] : {std::tuple{0, "mobile", "invalid_phone"}, {1, "email", "invalid_email"}}) {
    const json& problem = preview["problems"][static_cast<std::size_t>(i)];
    EXPECT_EQ(problem["row"], 2) << problem.dump();
    EXPECT_EQ(problem["field"], field) << problem.dump();
    EXPECT_EQ(problem["reason"], reason) << problem.dump();
    EXPECT_EQ(problem["message"].get<std::string>().rfind(std::string(field) + ": ", 0), 0u) << problem.dump();
  }
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["error"], 1);
  // The row once, both reasons worded in the admin's language.
  auto errors = admin_->Get(Path(imp, "/errors.csv")).body;
  EXPECT_NE(errors.find(",2,Di động: Số điện thoại không hợp lệ; Email: Email không hợp lệ"), std::string::npos)
      << errors;
  EXPECT_EQ(errors.find("Sai Hai Chỗ"), errors.rfind("Sai Hai Chỗ")) << errors;
}

// I4: in create-and-update mode a row whose e-mail two leads share is not given to either (the
// oldest was updated, maybe the wrong person): it is an error naming both, and the file's other
// row still updates its one lead. In create mode it is a duplicate as before.
TEST_F(ImportsApi, ARowMatchingTwoLeadsUpdatesNeither) {
  const std::string email = "hai.nguoi." + UniqueMobile().substr(1) + "@truong.edu.vn";
  std::vector<std::string> ids;
  for (const char* name : {"Phan Văn Một", "Phan Thị Hai"}) {
    auto res = admin_->Post("/api/leads", {{"full_name", name}, {"mobile", UniqueMobile()}, {"email", email},
                                           {"description", "trước"}, {"allow_duplicate", true}});
    ASSERT_EQ(res.status, 201) << res.body;
    ids.push_back(std::to_string(res.json["id"].get<std::int64_t>()));
  }
  const std::string single = "mot.nguoi." + UniqueMobile().substr(1) + "@truong.edu.vn";
  ASSERT_EQ(admin_->Post("/api/leads", {{"full_name", "Phan Văn Ba"}, {"email", single}}).status, 201);
  const std::string csv = "Họ và tên,Email,Mô tả\nPhan Một Hai," + email + ",sau\nPhan Văn Ba," + single + ",sau\n";
  auto imp = Upload(*admin_, "hai-nguoi.csv", csv).json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"email"}}}).status, 200);
  auto preview = admin_->Post(Path(imp, "/preview"), json::object());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json["update"], 1) << preview.body;
  EXPECT_EQ(preview.json["error"], 1) << preview.body;
  ASSERT_EQ(preview.json["problems"].size(), 1u) << preview.body;
  EXPECT_EQ(preview.json["problems"][0]["field"], "email");
  EXPECT_EQ(preview.json["problems"][0]["reason"], "ambiguous");
  const std::string message = preview.json["problems"][0]["message"];
  EXPECT_NE(message.find(ids[0] + ", " + ids[1]), std::string::npos) << message;

  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["updated"], 1) << done.dump();
  EXPECT_EQ(done["error"], 1) << done.dump();
  for (const auto& id : ids) EXPECT_EQ(admin_->Get("/api/leads/" + id).json["description"], "trước");

  auto again = Upload(*admin_, "hai-nguoi-tao.csv", csv).json;
  ASSERT_EQ(admin_->Patch(Path(again), {{"match_on", {"email"}}}).status, 200);
  auto created = admin_->Post(Path(again, "/preview"), json::object());
  EXPECT_EQ(created.json["duplicate"], 2) << created.body;
}

// I4/I5: a row's mobile that an earlier row of the file gave as its other phone is a duplicate
// inside the file, in the preview as in the run (the run had matched the lead the earlier row
// made, which the preview never writes).
// I4 and L-scopes: a manager's import names only the leads the manager may see. A row matching
// a lead of another team, alone or beside one of the manager's, does not give its ID away.
TEST_F(ImportsApi, AManagersImportDoesNotNameLeadsOfOtherTeams) {
  const auto mine = CreateTeam(*admin_, "Nhóm Nhập Của Tôi");
  const auto other = CreateTeam(*admin_, "Nhóm Nhập Bên Kia");
  CreateUser(*admin_, "imp.mgr.scope", "manager", mine);
  const auto mine_owner = CreateUser(*admin_, "imp.mine.owner", "agent", mine);
  const auto other_owner = CreateUser(*admin_, "imp.other.owner", "agent", other);
  const std::string shared = "chung." + UniqueMobile().substr(1) + "@truong.edu.vn";
  const std::string hidden = "rieng." + UniqueMobile().substr(1) + "@truong.edu.vn";
  auto create = [&](const char* name, const std::string& email, std::int64_t owner) {
    auto res = admin_->Post("/api/leads", {{"full_name", name}, {"email", email}, {"owner_id", owner},
                                           {"allow_duplicate", true}});
    EXPECT_EQ(res.status, 201) << res.body;
    return std::to_string(res.json["id"].get<std::int64_t>());
  };
  const auto seen = create("Trịnh Văn Thấy", shared, mine_owner);
  const auto unseen = create("Trịnh Văn Khuất", shared, other_owner);
  const auto unseen_alone = create("Trịnh Thị Khuất", hidden, other_owner);

  Client m(server_->port());
  m.Login("imp.mgr.scope", "user-pass-123");
  const std::string csv = "Họ và tên,Email,Mô tả\nTrịnh Chung," + shared + ",sau\nTrịnh Riêng," + hidden + ",sau\n";
  auto imp = Upload(m, "pham-vi.csv", csv).json;
  ASSERT_EQ(m.Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"email"}}}).status, 200);
  auto preview = m.Post(Path(imp, "/preview"), json::object());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json["error"], 2) << preview.body;
  ASSERT_EQ(preview.json["problems"].size(), 2u) << preview.body;
  const std::string both = preview.json["problems"][0]["message"];
  EXPECT_EQ(preview.json["problems"][0]["reason"], "ambiguous");
  auto names = [](const std::string& message, const std::string& id) {
    return std::regex_search(message, std::regex("\\b" + id + "\\b"));
  };
  EXPECT_TRUE(names(both, seen)) << both;
  EXPECT_FALSE(names(both, unseen)) << both;
  const std::string alone = preview.json["problems"][1]["message"];
  EXPECT_EQ(preview.json["problems"][1]["reason"], "hidden_match");
  EXPECT_FALSE(names(alone, unseen_alone)) << alone;

  // A row naming another team's agent as owner, or the ID of another team's lead, names the
  // column and a reason the errors file words in the importer's language.
  auto refused = Upload(m, "chu-khac.csv",
                        "ID,Họ và tên,Người phụ trách\n" + unseen_alone +
                            ",Trịnh Thị Khuất,\n,Trịnh Mới,imp.other.owner\n")
                     .json;
  ASSERT_EQ(m.Patch(Path(refused), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  auto problems = m.Post(Path(refused, "/preview"), json::object()).json["problems"];
  ASSERT_EQ(problems.size(), 2u) << problems.dump();
  EXPECT_EQ(problems[0]["field"], "id") << problems.dump();
  EXPECT_EQ(problems[0]["reason"], "hidden_match");
  EXPECT_EQ(problems[1]["field"], "owner_id") << problems.dump();
  EXPECT_EQ(problems[1]["reason"], "other_team");
}

TEST_F(ImportsApi, AMobileGivenAsAnotherRowsOtherPhoneIsADuplicateInTheFile) {
  const std::string mobile = UniqueMobile(), other = UniqueMobile();
  auto imp = Upload(*admin_, "hai-so.csv",
                    "Họ và tên,Di động,Điện thoại khác\nLý Văn An," + mobile + "," + other + "\nLý Thị Bình," + other +
                        ",\n").json;
  auto preview = admin_->Post(Path(imp, "/preview"), json::object()).json;
  EXPECT_EQ(preview["create"], 1) << preview.dump();
  EXPECT_EQ(preview["duplicate"], 1) << preview.dump();
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["created"], 1) << done.dump();
  EXPECT_EQ(done["duplicate"], 1) << done.dump();
}

// I7: a row with more cells than the header (an unquoted comma in an address) is rejected, and
// the errors file keeps every one of its cells, the row number and reason in their own columns.
TEST_F(ImportsApi, TheErrorsFileKeepsCellsPastTheHeader) {
  const std::string mobile = UniqueMobile();
  auto imp = Upload(*admin_, "dia-chi.csv",
                    "Họ và tên,Địa chỉ,Di động\nTrần Văn Cư,12 Lê Lợi, Q1," + mobile + "\n").json;
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["error"], 1);
  auto errors = admin_->Get(Path(imp, "/errors.csv")).body;
  std::vector<std::string> lines;
  for (std::size_t start = 0, end; start < errors.size(); start = end + 1) {
    end = std::min(errors.find('\n', start), errors.size());
    lines.push_back(errors.substr(start, end - start));
  }
  ASSERT_GE(lines.size(), 2u) << errors;
  EXPECT_NE(lines[0].find("Họ và tên,Địa chỉ,Di động,,Dòng,Lý do"), std::string::npos) << errors;
  EXPECT_EQ(lines[1].rfind("Trần Văn Cư,12 Lê Lợi,\" Q1\"," + mobile + ",2,", 0), 0u) << errors;
}

// I8: two rows of one file that update one lead (one by its ID, one by its mobile) are both
// taken back by the undo.
TEST_F(ImportsApi, UndoRestoresEveryFieldTwoRowsChangedOnOneLead) {
  const std::string mobile = UniqueMobile();
  auto created = admin_->Post("/api/leads", {{"full_name", "Trịnh Văn Hai"}, {"mobile", mobile},
                                             {"description", "mô tả cũ"}, {"company", "Công ty Cũ"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(created.json["id"].get<std::int64_t>());
  const std::string csv = "Mã,Họ và tên,Di động,Mô tả,Công ty\n" + id + ",Trịnh Văn Hai,,mô tả mới,\n" +
                          ",Trịnh Văn Hai," + mobile + ",,Công ty Mới\n";
  auto imp = Upload(*admin_, "hai-dong.csv", csv).json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id", "mobile"}}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["updated"], 2) << done.dump();
  auto lead = admin_->Get("/api/leads/" + id).json;
  EXPECT_EQ(lead["description"], "mô tả mới");
  EXPECT_EQ(lead["company"], "Công ty Mới");

  ASSERT_EQ(admin_->Post(Path(imp, "/undo"), json::object()).status, 200);
  lead = admin_->Get("/api/leads/" + id).json;
  EXPECT_EQ(lead["description"], "mô tả cũ");
  EXPECT_EQ(lead["company"], "Công ty Cũ");
}

// I4: the import's default tags mark every row of the file: new leads get them, updated leads
// get them added to their own; undo takes them off again.
TEST_F(ImportsApi, DefaultTagsMarkTheUpdatedLeadsToo) {
  const std::string mobile = UniqueMobile();
  auto created = admin_->Post("/api/leads", {{"full_name", "Kiều Văn Thẻ"}, {"mobile", mobile}, {"tags", {"khách cũ"}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(created.json["id"].get<std::int64_t>());
  const std::string csv = "Họ và tên,Di động,Mô tả\nKiều Văn Thẻ," + mobile + ",đến hội chợ\n";
  auto imp = Upload(*admin_, "hoi-cho.csv", csv).json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"defaults", {{"tags", {"hội chợ 12"}}}}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["updated"], 1);
  EXPECT_EQ(admin_->Get("/api/leads/" + id).json["tags"], json({"khách cũ", "hội chợ 12"}));
  ASSERT_EQ(admin_->Post(Path(imp, "/undo"), json::object()).status, 200);
  EXPECT_EQ(admin_->Get("/api/leads/" + id).json["tags"], json({"khách cũ"}));
}

// I9: an edited export updates by ID with only the columns it keeps: a row that names a lead
// changes what it gives, even without the name; its cells are still checked.
TEST_F(ImportsApi, AnUpdateByIdNeedsOnlyTheColumnsItChanges) {
  auto lead = [&](const std::string& name) {
    auto res = admin_->Post("/api/leads", {{"full_name", name}, {"mobile", UniqueMobile()}, {"description", "trước"}});
    EXPECT_EQ(res.status, 201) << res.body;
    return std::to_string(res.json["id"].get<std::int64_t>());
  };
  const std::string first = lead("Đặng Thị Cột"), second = lead("Đặng Văn Thiếu");
  const std::string csv = "Mã,Mô tả,Di động\n" + first + ",chỉ sửa mô tả,\n" + second + ",sai số,12ab\n" +
                          "99999999,không có lead này,\n";
  auto imp = Upload(*admin_, "chi-mo-ta.csv", csv).json;
  // Without a name, each row must find its lead by the ID: matched on the mobile only, every
  // row would be a new lead without a name.
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"mobile"}}}).status, 200);
  auto refused = admin_->Post(Path(imp, "/preview"), json::object());
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json["error"]["details"][0]["field"], "match_on");
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  auto preview = admin_->Post(Path(imp, "/preview"), json::object());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json["update"], 1) << preview.body;
  EXPECT_EQ(preview.json["error"], 2);
  ASSERT_EQ(preview.json["problems"].size(), 2u) << preview.body;
  EXPECT_EQ(preview.json["problems"][0]["field"], "mobile");
  EXPECT_EQ(preview.json["problems"][1]["field"], "id");

  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["updated"], 1);
  EXPECT_EQ(done["error"], 2);
  auto changed = admin_->Get("/api/leads/" + first).json;
  EXPECT_EQ(changed["description"], "chỉ sửa mô tả");
  EXPECT_EQ(changed["full_name"], "Đặng Thị Cột");
  EXPECT_EQ(admin_->Get("/api/leads/" + second).json["description"], "trước");
}

TEST_F(ImportsApi, AutoAssignHandsCreatedLeadsWithoutAnOwnerToTheRules) {
  const auto agent = CreateUser(*admin_, "imp.rule", "agent");
  auto rule = admin_->Post("/api/assignment-rules", {{"name", "Hội chợ"}, {"method", "round_robin"},
                                                     {"source", "Hội chợ"}, {"members", {{{"user_id", agent}}}}});
  ASSERT_EQ(rule.status, 201) << rule.body;
  auto run = [&](bool auto_assign) {
    const std::string csv = "Họ và tên,Di động,Nguồn\nKhách Một," + UniqueMobile() + ",Hội chợ\nKhách Hai," +
                            UniqueMobile() + ",Hội chợ\n";
    auto imp = Upload(*admin_, "hoi-cho.csv", csv).json;
    EXPECT_EQ(admin_->Patch(Path(imp), {{"auto_assign", "yes"}}).json["error"]["details"][0]["field"], "auto_assign");
    auto set = admin_->Patch(Path(imp), {{"auto_assign", auto_assign}});
    EXPECT_EQ(set.json["auto_assign"], auto_assign) << set.body;
    EXPECT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
    EXPECT_EQ(WaitUntilFinished(*admin_, imp)["created"], 2);
  };
  run(false);
  EXPECT_EQ(LeadTotal(*admin_, "&owner_id=" + std::to_string(agent)), 0);
  run(true);
  auto owned = admin_->Get("/api/leads?owner_id=" + std::to_string(agent)).json["items"];
  ASSERT_EQ(owned.size(), 2u);
  auto history = admin_->Get("/api/leads/" + std::to_string(owned[0]["id"].get<std::int64_t>()) + "/assignments");
  EXPECT_EQ(history.json["items"][0]["reason"], "rule") << history.body;
}

// An undone import's leads, gone for good, no longer count against the daily caps of the members
// the rules gave them to (QA: the member's next leads went to others, even other teams).
TEST_F(ImportsApi, UndoGivesTheDailyCapBack) {
  const auto agent = CreateUser(*admin_, "imp.cap", "agent");
  auto rule = admin_->Post("/api/assignment-rules", {{"name", "Giới hạn"}, {"method", "round_robin"},
                                                     {"source", "Giới hạn ngày"},
                                                     {"members", {{{"user_id", agent}, {"daily_cap", 2}}}}});
  ASSERT_EQ(rule.status, 201) << rule.body;
  const std::string rule_path = "/api/assignment-rules/" + std::to_string(rule.json["id"].get<std::int64_t>());
  std::string csv = "Họ và tên,Di động,Nguồn\n";
  for (int i = 0; i < 2; ++i) csv += "Khách Giới Hạn " + std::to_string(i) + "," + UniqueMobile() + ",Giới hạn ngày\n";
  auto imp = Upload(*admin_, "gioi-han.csv", csv).json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"auto_assign", true}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["created"], 2);
  EXPECT_EQ(admin_->Get(rule_path).json["members"][0]["taken_today"], 2);
  ASSERT_EQ(admin_->Post(Path(imp, "/undo"), json::object()).status, 200);
  EXPECT_EQ(admin_->Get(rule_path).json["members"][0]["taken_today"], 0);
  auto next = admin_->Post("/api/leads", {{"full_name", "Khách Sau Hoàn Tác"}, {"mobile", UniqueMobile()},
                                          {"source", "Giới hạn ngày"}});
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.json["owner_id"], agent);
}

// R3: the creator goes first for a lead made by hand (Quick Add), not for an import: an importer
// who is an ON member of the rule would otherwise take every row.
TEST_F(ImportsApi, AnImporterWhoIsAMemberOfTheRuleGetsNoPriority) {
  const auto agent = CreateUser(*admin_, "imp.turn", "agent");
  const auto admin_id = admin_->Get("/api/auth/me").json["user"]["id"].get<std::int64_t>();
  auto rule = admin_->Post("/api/assignment-rules", {{"name", "Hội thảo"}, {"method", "round_robin"},
                                                     {"source", "Hội thảo"}, {"creator_priority", true},
                                                     {"members", {{{"user_id", admin_id}}, {{"user_id", agent}}}}});
  ASSERT_EQ(rule.status, 201) << rule.body;
  std::string csv = "Họ và tên,Di động,Nguồn\n";
  for (int i = 0; i < 4; ++i) csv += "Khách Hội Thảo " + std::to_string(i) + "," + UniqueMobile() + ",Hội thảo\n";
  auto imp = Upload(*admin_, "hoi-thao.csv", csv).json;
  ASSERT_EQ(admin_->Patch(Path(imp), {{"auto_assign", true}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["created"], 4);
  EXPECT_EQ(LeadTotal(*admin_, "&source=H%E1%BB%99i%20th%E1%BA%A3o&owner_id=" + std::to_string(agent)), 2);
  EXPECT_EQ(LeadTotal(*admin_, "&source=H%E1%BB%99i%20th%E1%BA%A3o&owner_id=" + std::to_string(admin_id)), 2);
}

// Manual 001: the owner column ("Người phụ trách") takes the username; an export writes it, so
// the file reads well and imports back. A username is looked up before an ID: "1001" may be an
// employee code. An exported "-" username comes with the formula guard, which comes off.
TEST_F(ImportsApi, TheOwnerColumnTakesAndGivesTheUsername) {
  const auto owner = CreateUser(*admin_, "imp.owner", "agent");
  const auto coded = CreateUser(*admin_, "1001", "agent");
  const auto dashed = CreateUser(*admin_, "-imp.dash", "agent");
  const auto left = CreateUser(*admin_, "imp.left", "agent");
  ASSERT_EQ(admin_->Patch("/api/users/" + std::to_string(left), {{"active", false}}).status, 200);
  const std::string csv = "Họ và tên,Di động,Người phụ trách\n"
                          "Khách Chủ Một," + UniqueMobile() + ",imp.owner\n"
                          "Khách Chủ Hai," + UniqueMobile() + ",IMP.Owner\n"
                          "Khách Chủ Ba," + UniqueMobile() + "," + std::to_string(owner) + "\n"
                          "Khách Chủ Bốn," + UniqueMobile() + ",khong.co.ai\n"
                          "Khách Mã Số," + UniqueMobile() + ",1001\n"
                          "Khách Gạch Đầu," + UniqueMobile() + ",'-imp.dash\n"
                          "Khách Nghỉ Việc," + UniqueMobile() + ",imp.left\n";
  auto imp = Upload(*admin_, "chu.csv", csv).json;
  EXPECT_EQ(imp["suggested_mapping"]["Người phụ trách"], "owner_id");
  auto preview = admin_->Post(Path(imp, "/preview"), json::object());
  EXPECT_EQ(preview.json["create"], 5) << preview.body;
  ASSERT_EQ(preview.json["problems"].size(), 2u) << preview.body;
  EXPECT_EQ(preview.json["problems"][0]["row"], 5);
  EXPECT_EQ(preview.json["problems"][0]["field"], "owner_id");
  EXPECT_NE(preview.json["problems"][0]["message"].get<std::string>().find("khong.co.ai"), std::string::npos);
  // A user who has left is named as such, not as an unknown ID.
  EXPECT_EQ(preview.json["problems"][1]["row"], 8);
  EXPECT_EQ(preview.json["problems"][1]["field"], "owner_id");
  EXPECT_EQ(preview.json["problems"][1]["message"], "owner_id: the user imp.left is deactivated") << preview.body;
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["created"], 5);
  EXPECT_EQ(LeadTotal(*admin_, "&owner_id=" + std::to_string(coded)), 1);
  EXPECT_EQ(LeadTotal(*admin_, "&owner_id=" + std::to_string(dashed)), 1);
  auto owned = admin_->Get("/api/leads?sort=full_name&owner_id=" + std::to_string(owner)).json["items"];
  ASSERT_EQ(owned.size(), 3u);
  auto history = admin_->Get("/api/leads/" + std::to_string(owned[0]["id"].get<std::int64_t>()) + "/assignments");
  EXPECT_EQ(history.json["items"][0]["reason"], "import") << history.body;

  auto exported = admin_->Get("/api/leads/export?format=csv&lang=vi&sort=full_name&columns=full_name,owner_id"
                              "&owner_id=" + std::to_string(owner));
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_NE(exported.body.find(",Khách Chủ Ba,imp.owner\r\n"), std::string::npos) << exported.body;
}

// K1: the campaign column takes the campaign's name as people type it, or its ID; a name no
// campaign has rejects the row, and a default campaign that does not exist the settings. The export
// gives the name back.
TEST_F(ImportsApi, TheCampaignColumnTakesAndGivesTheCampaignsName) {
  auto made = admin_->Post("/api/campaigns", {{"name", "Hội thảo du học Úc"}, {"type", "event"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::int64_t campaign = made.json["id"].get<std::int64_t>();
  const std::string csv = "Họ và tên,Di động,Chiến dịch\n"
                          "Khách Hội Thảo Một," + UniqueMobile() + ",Hội thảo du học Úc\n"
                          "Khách Hội Thảo Hai," + UniqueMobile() + ",HOI THAO DU HOC UC\n"
                          "Khách Hội Thảo Ba," + UniqueMobile() + "," + std::to_string(campaign) + "\n"
                          "Khách Hội Thảo Bốn," + UniqueMobile() + ",Hội thảo không có\n";
  auto imp = Upload(*admin_, "hoi-thao.csv", csv).json;
  EXPECT_EQ(imp["suggested_mapping"]["Chiến dịch"], "campaign_id");
  auto preview = admin_->Post(Path(imp, "/preview"), json::object());
  EXPECT_EQ(preview.json["create"], 3) << preview.body;
  ASSERT_EQ(preview.json["problems"].size(), 1u) << preview.body;
  EXPECT_EQ(preview.json["problems"][0]["row"], 5);
  EXPECT_EQ(preview.json["problems"][0]["reason"], "unknown_campaign");

  // A default campaign that is not there is refused, named as the default it is.
  auto refused = admin_->Patch(Path(imp), {{"defaults", {{"campaign_id", campaign + 1000}}}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json["error"]["details"][0]["field"], "defaults.campaign_id");
  EXPECT_EQ(refused.json["error"]["details"][0]["reason"], "unknown_campaign");

  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["created"], 3);
  EXPECT_EQ(LeadTotal(*admin_, "&campaign_id=" + std::to_string(campaign)), 3);
  auto exported = admin_->Get("/api/leads/export?format=csv&lang=vi&sort=full_name&columns=full_name,campaign_id"
                              "&campaign_id=" + std::to_string(campaign));
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_NE(exported.body.find(",Khách Hội Thảo Ba,Hội thảo du học Úc\r\n"), std::string::npos) << exported.body;
}

// The importer's open pages hear the progress (live events) up to the end, without polling.
TEST_F(ImportsApi, TheImporterHearsTheProgressLive) {
  LiveEvents events(server_->port(), admin_->session_cookie);
  ASSERT_EQ(events.Open(), 101);
  const std::string csv = "Họ và tên,Di động\nKhách Sống Một," + UniqueMobile() + "\nKhách Sống Hai," +
                          UniqueMobile() + "\nKhách Sống Ba," + UniqueMobile() + "\n";
  auto imp = Upload(*admin_, "truc-tiep.csv", csv).json;
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  json last;
  for (int i = 0; i < 20 && last.is_null(); ++i) {
    json event = events.Next();
    if (event.is_null()) break;
    if (event["type"] == "import_progress" && event["data"]["status"] != "running") last = event["data"];
  }
  ASSERT_FALSE(last.is_null()) << "no final import_progress event";
  EXPECT_EQ(last["id"], imp["id"]);
  EXPECT_EQ(last["status"], "done");
  EXPECT_EQ(last["processed"], 3);
  EXPECT_EQ(last["created"], 3);
  // The page merges the event into the import it shows: its start and end come with it.
  EXPECT_TRUE(last["started_at"].is_string()) << last.dump();
  EXPECT_TRUE(last["finished_at"].is_string()) << last.dump();
  EXPECT_FALSE(last.contains("sample"));  // the figures only, not the file's columns and rows
}

TEST_F(ImportsApi, RefusesBadFilesBadSettingsAndAgents) {
  auto pdf = Upload(*admin_, "hoa-don.pdf", "%PDF-1.7\n\x01\x02\x03 binary");
  EXPECT_EQ(pdf.status, 422) << pdf.body;
  EXPECT_EQ(pdf.json["error"]["details"][0]["field"], "file");

  auto not_multipart = admin_->Post("/api/imports", {{"file", "x"}});
  EXPECT_EQ(not_multipart.status, 400);

  // Nobody signed in: refused before the body is read. Elsewhere under /api/imports the
  // ordinary 1 MiB limit holds.
  Client stranger(server_->port());
  auto anonymous = Upload(stranger, "khach.csv", std::string(2 << 20, 'x'));
  EXPECT_EQ(anonymous.status, 401) << anonymous.body;
  auto big_patch = admin_->SendRaw("PATCH", "/api/imports/1", std::string(2 << 20, ' ') + "{}",
                                   {{"Content-Type", "application/json"}});
  EXPECT_EQ(big_patch.status, 413) << big_patch.body;

  auto imp = Upload(*admin_, "a.csv", "Họ tên,SĐT\nAn,0912000111\n").json;
  auto bad = admin_->Patch(Path(imp), {{"mapping", {{"SĐT", "so_dien_thoai"}, {"Không có", "email"}}},
                                       {"mode", "replace"}, {"defaults", {{"owner_id", 99999}}}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  for (const auto& d : bad.json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_TRUE(fields.count("mapping.SĐT")) << bad.body;
  EXPECT_TRUE(fields.count("mapping.Không có")) << bad.body;
  EXPECT_TRUE(fields.count("mode")) << bad.body;

  auto owner = admin_->Patch(Path(imp), {{"defaults", {{"owner_id", 99999}}}});
  EXPECT_EQ(owner.status, 422);
  EXPECT_EQ(owner.json["error"]["details"][0]["field"], "defaults.owner_id") << owner.body;
  // A default every row would get is checked as a lead's field is, and named as the default it
  // is: not "source" on every row of the preview, a column the file does not have.
  auto too_long = admin_->Patch(Path(imp), {{"defaults", {{"source", std::string(150, 'n')}, {"tags", {std::string(300, 't')}}}}});
  ASSERT_EQ(too_long.status, 422) << too_long.body;
  fields.clear();
  for (const auto& d : too_long.json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"defaults.source", "defaults.tags"})) << too_long.body;
  auto two_in_one = admin_->Patch(Path(imp), {{"defaults", {{"tags", {"hội chợ; 2026"}}}}});
  ASSERT_EQ(two_in_one.status, 422) << two_in_one.body;
  EXPECT_EQ(two_in_one.json["error"]["details"][0]["field"], "defaults.tags");
  EXPECT_EQ(two_in_one.json["error"]["details"][0]["reason"], "invalid_tag");

  auto unmapped = admin_->Patch(Path(imp), {{"mapping", {{"SĐT", "mobile"}}}});
  ASSERT_EQ(unmapped.status, 200);
  auto no_name = admin_->Post(Path(imp, "/run"), json::object());
  EXPECT_EQ(no_name.status, 422);
  EXPECT_EQ(no_name.json["error"]["details"][0]["field"], "mapping");

  Client agent(server_->port());
  agent.Login("imp.agent", "user-pass-123");
  EXPECT_EQ(Upload(agent, "a.csv", "Họ tên\nAn\n").status, 403);
  EXPECT_EQ(agent.Get(Path(imp)).status, 403);
}

TEST_F(ImportsApi, TemplatesAndPresets) {
  auto csv = admin_->Get("/api/imports/template?entity=leads&format=csv&lang=vi");
  ASSERT_EQ(csv.status, 200);
  // A CSV has no colours: the required columns are starred, and the star is read past.
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFHọ và tên *,Di động", 0), 0u) << csv.body;
  auto from_csv = Upload(*admin_, "mau.csv", csv.body);
  ASSERT_EQ(from_csv.status, 201) << from_csv.body;
  EXPECT_EQ(from_csv.json["suggested_mapping"]["Họ và tên *"], "full_name") << from_csv.body;
  auto xlsx = admin_->Get("/api/imports/template?entity=leads&format=xlsx&lang=en");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(xlsx.headers["content-type"].find("spreadsheetml"), std::string::npos);
  // The template read back as an upload maps its own columns.
  auto imp = Upload(*admin_, "template.xlsx", xlsx.body);
  ASSERT_EQ(imp.status, 201) << imp.body;
  EXPECT_EQ(imp.json["rows_estimate"], 0);
  EXPECT_EQ(imp.json["suggested_mapping"]["Full name"], "full_name");
  EXPECT_EQ(imp.json["suggested_mapping"]["Mobile"], "mobile");

  auto saved = admin_->Post("/api/import-presets", {{"name", "Hội chợ"}, {"mapping", {{"SĐT", "mobile"}}}});
  ASSERT_EQ(saved.status, 201) << saved.body;
  auto resaved = admin_->Post("/api/import-presets", {{"name", "Hội chợ"}, {"mapping", {{"Điện thoại", "mobile"}}}});
  EXPECT_EQ(resaved.json["id"], saved.json["id"]);  // the same name replaces the preset
  auto list = admin_->Get("/api/import-presets?entity=leads").json["items"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["mapping"], json({{"Điện thoại", "mobile"}}));
  EXPECT_EQ(admin_->Post("/api/import-presets", {{"mapping", {}}}).status, 422);

  // A preset is its maker's: another importer uses it, but neither replaces nor deletes it.
  CreateUser(*admin_, "imp.preset.mgr", "manager");
  Client manager(server_->port());
  manager.Login("imp.preset.mgr", "user-pass-123");
  const std::string path = "/api/import-presets/" + std::to_string(saved.json["id"].get<std::int64_t>());
  EXPECT_TRUE(manager.Get("/api/import-presets").json["items"][0]["created_by"].is_number_integer());
  auto taken = manager.Post("/api/import-presets", {{"name", "Hội chợ"}, {"mapping", {{"SĐT", "phone"}}}});
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(taken.json["error"]["reason"], "preset_taken");
  EXPECT_EQ(manager.Delete(path).status, 403);
  auto own = manager.Post("/api/import-presets", {{"name", "Hội chợ HN"}, {"mapping", {{"SĐT", "mobile"}}}});
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(manager.Delete("/api/import-presets/" + std::to_string(own.json["id"].get<std::int64_t>())).status, 204);

  EXPECT_EQ(admin_->Delete(path).status, 204);
  EXPECT_TRUE(admin_->Get("/api/import-presets").json["items"].empty());
}

TEST_F(ImportsApi, ExportsImportBackByIdInBothFormats) {
  for (const char* name : {"Đặng Thu Thảo", "Bùi Quang Huy"}) {
    ASSERT_EQ(admin_->Post("/api/leads", {{"full_name", name}, {"mobile", UniqueMobile()}, {"description", "cũ"},
                                          {"tags", {"xuất"}}, {"gender", "female"}}).status, 201);
  }
  const std::string filter = "&tag=xu%E1%BA%A5t&sort=full_name";
  auto csv = admin_->Get("/api/leads/export?format=csv&lang=vi&columns=full_name,mobile,gender,description" + filter);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.headers["transfer-encoding"], "chunked");
  EXPECT_NE(csv.headers["content-disposition"].find("attachment"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFMã,Họ và tên,Di động,Giới tính,Mô tả\r\n", 0), 0u) << csv.body;
  const auto first = csv.body.find("Bùi Quang Huy"), second = csv.body.find("Đặng Thu Thảo");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);  // the list's sort
  EXPECT_NE(csv.body.find(",Nữ,cũ"), std::string::npos);  // option labels in the user's language

  // Edited and imported back: matched on the ID, updated in place.
  std::string edited = csv.body;
  for (auto pos = edited.find(",cũ"); pos != std::string::npos; pos = edited.find(",cũ")) edited.replace(pos, 4, ",mới");
  auto imp = Upload(*admin_, "xuat.csv", edited).json;
  EXPECT_EQ(imp["suggested_mapping"]["Mã"], "id");
  EXPECT_EQ(imp["suggested_mapping"]["Giới tính"], "gender");
  ASSERT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["updated"], 2) << done.dump();
  EXPECT_EQ(done["error"], 0) << admin_->Get(Path(imp, "/errors.csv")).body;
  auto leads = admin_->Get("/api/leads?page_size=10" + filter).json["items"];
  ASSERT_EQ(leads.size(), 2u);
  for (const auto& l : leads) {
    EXPECT_EQ(l["description"], "mới");
    EXPECT_EQ(l["gender"], "female");
  }

  auto xlsx = admin_->Get("/api/leads/export?format=xlsx&lang=en" + filter);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 4), std::string("PK\x03\x04", 4));
  auto back = Upload(*admin_, "leads.xlsx", xlsx.body);
  ASSERT_EQ(back.status, 201) << back.body;
  EXPECT_EQ(back.json["rows_estimate"], 2);
  EXPECT_EQ(back.json["columns"][0], "ID");
  EXPECT_EQ(back.json["sample"][0][1], "Bùi Quang Huy");

  EXPECT_EQ(admin_->Get("/api/leads/export?format=pdf").status, 422);
  EXPECT_EQ(admin_->Get("/api/leads/export?columns=full_name,nope").json["error"]["details"][0]["field"], "columns");
  Client agent(server_->port());
  agent.Login("imp.agent", "user-pass-123");
  EXPECT_EQ(agent.Get("/api/leads/export?format=csv").status, 403);
}

// Exports read only the columns they show into one Lead reused row after row: a row without
// tags or a custom value must not show the previous row's.
TEST_F(ImportsApi, ExportRowsDoNotCarryValuesOver) {
  ASSERT_EQ(admin_->Post("/api/custom-fields", {{"name", "truong"}, {"type", "text"}, {"label", {{"vi", "Trường"}, {"en", "School"}}}})
                .status,
            201);
  ASSERT_EQ(admin_->Post("/api/leads", {{"full_name", "An Xuất Một"}, {"mobile", UniqueMobile()}, {"tags", {"vip"}},
                                        {"custom", {{"truong", "=1+1"}}}}).status,
            201);
  ASSERT_EQ(admin_->Post("/api/leads", {{"full_name", "Bình Xuất Hai"}, {"mobile", UniqueMobile()}, {"email", "binh@example.vn"}})
                .status,
            201);
  auto csv = admin_->Get("/api/leads/export?format=csv&sort=full_name&q=xuat&columns=full_name,tags,email,custom.truong");
  ASSERT_EQ(csv.status, 200) << csv.body;
  const auto first = csv.body.find(",An Xuất Một,vip,,'=1+1\r\n");  // the formula guarded
  const auto second = csv.body.find(",Bình Xuất Hai,,binh@example.vn,\r\n");
  EXPECT_NE(first, std::string::npos) << csv.body;
  EXPECT_NE(second, std::string::npos) << csv.body;
  EXPECT_LT(first, second);
}

// I9: the file reads as the list does: a chosen option by its label in the file's language (an
// import takes the label back), and a date-time in the company's time zone, not UTC.
TEST_F(ImportsApi, AnExportShowsOptionLabelsAndLocalTimes) {
  ASSERT_EQ(admin_->Post("/api/custom-fields",
                         {{"name", "khoa_hoc"}, {"type", "select"}, {"label", {{"vi", "Khoá học"}, {"en", "Course"}}},
                          {"options", {{{"value", "eng_comm"}, {"label", {{"vi", "Tiếng Anh giao tiếp"}, {"en", "Spoken English"}}}}}}})
                .status,
            201);
  auto lead = admin_->Post("/api/leads", {{"full_name", "Hà Giờ Địa Phương"}, {"mobile", UniqueMobile()},
                                          {"custom", {{"khoa_hoc", "eng_comm"}}}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  const auto created = ParseRfc3339(lead.json["created_at"].get<std::string>());
  ASSERT_TRUE(created);
  const std::string local = FormatRfc3339(*created + kCompanyUtcOffset);  // "YYYY-MM-DDTHH:MM:SS..."
  const std::string expected = local.substr(0, 10) + " " + local.substr(11, 5);
  auto csv = admin_->Get("/api/leads/export?format=csv&lang=vi&q=gio%20dia%20phuong&columns=full_name,custom.khoa_hoc,created_at");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find(",Hà Giờ Địa Phương,Tiếng Anh giao tiếp," + expected + "\r\n"), std::string::npos) << csv.body;

  // In a workbook the date-time is Excel's own (it sorts and filters as one), and so is the ID.
  auto xlsx = admin_->Get("/api/leads/export?format=xlsx&lang=vi&q=gio%20dia%20phuong&columns=full_name,created_at");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  files::testing::TempDir dir;
  std::ofstream(dir / "export.xlsx", std::ios::binary) << xlsx.body;
  const std::string sheet = files::testing::ReadZipEntry(dir / "export.xlsx", "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<c r=\"A2\"><v>" + std::to_string(lead.json["id"].get<std::int64_t>()) + "</v></c>"),
            std::string::npos) << sheet;
  auto back = Upload(*admin_, "gio.xlsx", xlsx.body);
  ASSERT_EQ(back.status, 201) << back.body;
  EXPECT_EQ(back.json["sample"][0][2], expected + ":00");  // a date-time cell reads with its seconds
  // And the file goes back in: the ID, a number now, still finds its lead.
  ASSERT_EQ(admin_->Patch(Path(back.json), {{"mode", "create_update"}, {"match_on", {"id"}}}).status, 200);
  ASSERT_EQ(admin_->Post(Path(back.json, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, back.json);
  EXPECT_EQ(done["error"], 0) << admin_->Get(Path(back.json, "/errors.csv")).body;
  EXPECT_EQ(done["created"], 0) << done.dump();
}

// Runs commit a chunk of rows at a time; the second chunk once waited for the first's lock.
TEST_F(ImportsApi, AnImportOfManyChunksFinishes) {
  auto imp = Upload(*admin_, "nhieu.csv", ManyLeadsCsv(5'000, "Khách Nhiều", "08", 12'000'000)).json;
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  auto done = WaitUntilFinished(*admin_, imp);
  EXPECT_EQ(done["status"], "done");
  EXPECT_EQ(done["created"], 5'000);
  EXPECT_EQ(done["processed"], 5'000);
}

TEST_F(ImportsApi, KilledServerLeavesNoHalfImport) {
  ServerProcess server;
  Client c(server.port());
  c.Login("admin", kAdminPassword);
  auto imp = Upload(c, "lon.csv", ManyLeadsCsv(200'000, "Khách", "09", 10'000'000)).json;
  const std::int64_t before = LeadTotal(c);
  ASSERT_EQ(c.Post(Path(imp, "/run"), json::object()).status, 202);
  // Wait until some chunks are committed, then kill it.
  for (int i = 0; i < 400 && c.Get(Path(imp)).json["processed"] == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Someone works on a lead the import has written so far: a note is theirs to keep.
  auto worked = c.Get("/api/leads?q=0910000000").json["items"];
  ASSERT_EQ(worked.size(), 1u);
  ASSERT_EQ(c.Post("/api/notes", {{"parent_type", "lead"}, {"parent_id", worked[0]["id"]}, {"body", "Đã gọi"}}).status,
            201);
  // Another import waits behind it and never starts: it cannot have matched any of its leads,
  // and the restart runs it rather than failing it.
  auto queued = Upload(c, "sau.csv", "Họ và tên,Di động\nLý Văn Chờ," + UniqueMobile() + "\n").json;
  ASSERT_EQ(c.Post(Path(queued, "/run"), json::object()).status, 202);
  auto midway = c.Get(Path(imp)).json;
  ASSERT_EQ(midway["status"], "running") << "the import finished before the kill; make the file larger";
  server.Kill();

  ServerProcess again(server.dir());
  Client c2(again.port());
  c2.Login("admin", kAdminPassword);
  auto after = WaitUntilFinished(c2, imp, 120);
  EXPECT_EQ(after["status"], "failed");
  EXPECT_EQ(after["failure"], "Sen stopped before the import finished.");
  EXPECT_EQ(after["failure_reason"], "restarted");  // for the page to word
  EXPECT_EQ(after["created"], 0);
  // The rows it wrote are gone, not in the Trash: only the lead someone worked on waits there.
  EXPECT_EQ(after["in_trash"], 1);
  EXPECT_EQ(LeadTotal(c2, "&deleted=true"), 1);
  EXPECT_EQ(c2.Get("/api/leads?deleted=true&q=0910000000").json["total"], 1);
  auto waited = WaitUntilFinished(c2, queued);
  EXPECT_EQ(waited["status"], "done") << waited.dump();
  EXPECT_EQ(waited["created"], 1);
  EXPECT_EQ(LeadTotal(c2), before + 1);
}

// An import runs as its user is when its turn comes (at a restart alike): one queued by someone
// deactivated since, here while another import runs, is not run in their name.
TEST_F(ImportsApi, AQueuedImportOfAUserWhoLeftDoesNotRun) {
  ServerProcess server;  // the 100,000 leads stay out of the other tests' database
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const auto manager = CreateUser(admin, "imp.quit", "manager");
  Client m(server.port());
  m.Login("imp.quit", "user-pass-123");
  auto running = Upload(m, "lon.csv", ManyLeadsCsv(100'000, "Khách Trước", "09", 50'000'000)).json;
  ASSERT_EQ(m.Post(Path(running, "/run"), json::object()).status, 202);
  const std::string mobile = UniqueMobile();
  auto queued = Upload(m, "sau.csv", "Họ và tên,Di động\nLý Văn Đi," + mobile + "\n").json;
  ASSERT_EQ(m.Post(Path(queued, "/run"), json::object()).status, 202);
  ASSERT_EQ(admin.Patch("/api/users/" + std::to_string(manager), {{"active", false}}).status, 200);
  ASSERT_TRUE(admin.Get(Path(queued)).json["started_at"].is_null()) << "the first import finished; make it larger";
  auto after = WaitUntilFinished(admin, queued, 120);
  EXPECT_EQ(after["status"], "failed");
  EXPECT_EQ(after["failure_reason"], "inactive_user");
  EXPECT_EQ(admin.Get("/api/leads?q=" + mobile).json["total"], 0);
}

// Changing the sheet counts the new sheet's rows before the write; a setting another request
// saved meanwhile is kept, or the sheet change is refused (409), never silently dropped.
TEST_F(ImportsApi, ASheetChangeDoesNotDropASettingSavedMeanwhile) {
  std::string rows = R"(<row><c t="inlineStr"><is><t>Họ và tên</t></is></c><c t="inlineStr"><is><t>Di động</t></is></c></row>)";
  for (int i = 0; i < 1'000'000; ++i) {
    rows += "<row><c t=\"inlineStr\"><is><t>Khách " + std::to_string(i) + "</t></is></c><c t=\"inlineStr\"><is><t>09" +
            std::to_string(20'000'000 + i) + "</t></is></c></row>";
  }
  files::testing::XlsxParts parts;
  parts.sheets = {{"Một", files::testing::SheetXml(R"(<row><c t="inlineStr"><is><t>Họ và tên</t></is></c></row>)")},
                  {"Hai", files::testing::SheetXml(rows)}};
  auto imp = Upload(*admin_, "hai-trang.xlsx", files::testing::MakeXlsx(parts)).json;
  ASSERT_EQ(imp["sheets"].size(), 2u) << imp.dump();
  HttpResponse sheet;
  std::atomic<bool> asking = false;
  std::thread slow([&] {
    Client other(server_->port());
    other.Login("admin", kAdminPassword);
    asking = true;
    sheet = other.Patch(Path(imp), {{"sheet", "Hai"}});
  });
  while (!asking) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the other request is counting rows
  EXPECT_EQ(admin_->Patch(Path(imp), {{"mode", "create_update"}}).status, 200);
  slow.join();
  auto after = admin_->Get(Path(imp)).json;
  EXPECT_EQ(after["mode"], "create_update");
  if (sheet.status == 200) {
    EXPECT_EQ(after["sheet"], "Hai");
  } else {
    EXPECT_EQ(sheet.status, 409) << sheet.body;
    EXPECT_EQ(after["sheet"], "Một");
  }
}

// Undoing a large import goes on in the background (after two seconds the request answers 202
// "undoing"), and a restart midway finishes it: an import is never left half undone as "done".
TEST_F(ImportsApi, AnUndoCutShortByAKillIsFinishedAtTheNextStart) {
  ServerProcess server;
  Client c(server.port());
  c.Login("admin", kAdminPassword);
  auto imp = Upload(c, "lon.csv", ManyLeadsCsv(200'000, "Khách", "08", 30'000'000)).json;
  const std::int64_t before = LeadTotal(c);
  ASSERT_EQ(c.Post(Path(imp, "/run"), json::object()).status, 202);
  ASSERT_EQ(WaitUntilFinished(c, imp, 120)["created"], 200'000);
  // The undo request on a thread of its own, which the kill cuts off.
  std::thread undo([&] {
    try {
      Client u(server.port());
      u.Login("admin", kAdminPassword);
      u.Post(Path(imp, "/undo"), json::object());
    } catch (const std::exception&) {  // the kill cuts the connection
    }
  });
  while (c.Get(Path(imp)).json["status"] == "done") std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(c.Get(Path(imp)).json["status"], "undoing") << "the undo finished before the kill; make the file larger";
  auto twice = c.Post(Path(imp, "/undo"), json::object());  // once is enough
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.json["error"]["reason"], "import_not_done") << twice.body;
  server.Kill();
  undo.join();

  ServerProcess again(server.dir());
  Client c2(again.port());
  c2.Login("admin", kAdminPassword);
  json after;
  // Up to 5 minutes: under ASan on a slow hour the 200,000 deletes took over the minute this
  // waited before (2026-12-03); the wait guards against a hang, it times nothing.
  for (int i = 0; i < 3000; ++i) {
    after = c2.Get(Path(imp)).json;
    if (after["status"] != "undoing") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(after["status"], "undone") << after.dump();
  EXPECT_EQ(LeadTotal(c2), before);
}

// The uploaded copy of a file goes once its import is over (it cannot run again): a 100 MB CSV
// does not stay on the disk for good. The command line's own files are the user's (above).
TEST_F(ImportsApi, TheUploadedCopyGoesWhenTheImportIsOver) {
  const auto uploads = server_->dir() / "files" / "imports";
  auto stored = [&] {
    return std::distance(std::filesystem::directory_iterator(uploads), std::filesystem::directory_iterator());
  };
  auto imp = Upload(*admin_, "mot-dong.csv", "Họ và tên,Di động\nLâm Văn Tệp," + UniqueMobile() + "\n").json;
  const auto before = stored();
  ASSERT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, imp)["created"], 1);
  // The status is "done" with the last chunk's commit; the copy goes just after it.
  for (int i = 0; i < 100 && stored() != before - 1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(stored(), before - 1);
}

// A later import may have matched a lead this one created (and dropped its own row as a
// duplicate): undoing this one then keeps its leads in the Trash rather than losing that person.
// A later import that found no duplicate and updated nothing matched none of them: they go.
TEST_F(ImportsApi, UndoKeepsInTheTrashWhatALaterImportMayHaveMatched) {
  auto run = [&](const std::string& name, const std::string& csv) {
    auto imp = Upload(*admin_, name, csv).json;
    EXPECT_EQ(admin_->Post(Path(imp, "/run"), json::object()).status, 202);
    return std::pair{imp, WaitUntilFinished(*admin_, imp)};
  };
  auto undo = [&](const json& imp) {
    auto undone = admin_->Post(Path(imp, "/undo"), json::object());
    EXPECT_EQ(undone.status, 200) << undone.body;
    return undone.json["in_trash"];
  };
  const std::string m1 = UniqueMobile(), m2 = UniqueMobile(), m3 = UniqueMobile(),
                    m4 = UniqueMobile();

  auto [first, first_done] =
      run("dau.csv", "Họ và tên,Di động\nTô Văn Đầu," + m1 + "\nTô Thị Hai," + m2 + "\n");
  ASSERT_EQ(first_done["created"], 2);
  auto [later, later_done] =
      run("sau.csv", "Họ và tên,Di động,Ghi chú\nTô Văn Đầu," + m1 + ",Thêm chi tiết\n");
  ASSERT_EQ(later_done["duplicate"], 1);
  EXPECT_EQ(undo(first), 2);
  EXPECT_EQ(LeadTotal(*admin_, "&q=" + m1.substr(1)), 0);
  EXPECT_EQ(LeadTotal(*admin_, "&deleted=true&q=" + m1.substr(1)), 1);

  auto [own, own_done] = run("mot.csv", "Họ và tên,Di động\nLã Văn Một," + m3 + "\n");
  ASSERT_EQ(own_done["created"], 1);
  auto [other, other_done] = run("khac.csv", "Họ và tên,Di động\nLã Thị Khác," + m4 + "\n");
  ASSERT_EQ(other_done["created"], 1);
  EXPECT_EQ(undo(own), 0);
  EXPECT_EQ(LeadTotal(*admin_, "&deleted=true&q=" + m3.substr(1)), 0);
  EXPECT_EQ(LeadTotal(*admin_, "&q=" + m4.substr(1)), 1);
}

// An upload nobody ran (the user left the wizard at the mapping) is kept a week; the next upload
// clears the older ones, so abandoned files do not fill the disk.
TEST_F(ImportsApi, AnUploadNeverRunGoesAfterAWeek) {
  const auto uploads = server_->dir() / "files" / "imports";
  auto left = Upload(*admin_, "bo-do.csv", "Họ và tên,Di động\nLưu Văn Dở," + UniqueMobile() + "\n").json;
  auto recent = Upload(*admin_, "moi.csv", "Họ và tên,Di động\nLưu Văn Mới," + UniqueMobile() + "\n").json;
  {
    auto db = db::OpenDatabase(server_->db_url(), 1);
    auto tx = db->BeginWrite();
    tx->Execute("UPDATE imports SET created_at = created_at - 8 * 86400000 WHERE id = ?", {left["id"].get<std::int64_t>()});
    tx->Execute("UPDATE imports SET created_at = created_at - 6 * 86400000 WHERE id = ?",
                {recent["id"].get<std::int64_t>()});
    tx->Commit();
  }
  const auto stored = std::distance(std::filesystem::directory_iterator(uploads), std::filesystem::directory_iterator());
  ASSERT_EQ(Upload(*admin_, "tiep.csv", "Họ và tên,Di động\nLưu Văn Tiếp," + UniqueMobile() + "\n").status, 201);
  // One more upload, one fewer abandoned file.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(uploads), std::filesystem::directory_iterator()), stored);
  auto expired = admin_->Get(Path(left)).json;
  EXPECT_EQ(expired["status"], "failed");
  EXPECT_EQ(expired["failure"], "The file was uploaded more than 7 days ago and never imported; upload it again.");
  EXPECT_EQ(expired["failure_reason"], "expired");
  // Coming back to it, the user is told why it cannot go on.
  auto run = admin_->Post(Path(left, "/run"), json::object());
  EXPECT_EQ(run.status, 409);
  EXPECT_NE(run.body.find("never imported; upload it again"), std::string::npos) << run.body;
  auto preview = admin_->Post(Path(left, "/preview"), json::object());
  EXPECT_EQ(preview.status, 409);
  EXPECT_NE(preview.body.find("never imported; upload it again"), std::string::npos) << preview.body;
  EXPECT_EQ(admin_->Get(Path(recent)).json["status"], "pending");
  EXPECT_EQ(admin_->Post(Path(recent, "/run"), json::object()).status, 202);
  EXPECT_EQ(WaitUntilFinished(*admin_, recent)["created"], 1);
}

TEST_F(ImportsApi, CommandLinePrintsTheCounts) {
  ServerProcess server;
  const auto file = server.dir() / "khach.csv";
  std::ofstream(file) << "Họ và tên,Số điện thoại,Email\nVõ Thị Hoa,0987000111,hoa@example.vn\nSai,abc,\n";
  auto run = RunSen({"import", file.string(), "--entity", "leads", "--match-on", "mobile,email", "--db", server.db_url()});
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("created 1, updated 0, duplicate 0, error 1"), std::string::npos) << run.out;
  auto again = RunSen({"import", file.string(), "--db", server.db_url()});
  EXPECT_NE(again.out.find("created 0, updated 0, duplicate 1, error 1"), std::string::npos) << again.out;
  auto missing = RunSen({"import", (server.dir() / "none.csv").string(), "--db", server.db_url()});
  EXPECT_NE(missing.status, 0);
  // A deactivated user imports no more from the command line than through the API.
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const auto left = CreateUser(admin, "cli.left", "manager");
  ASSERT_EQ(admin.Patch("/api/users/" + std::to_string(left), {{"active", false}}).status, 200);
  const auto imports = admin.Get("/api/imports").json["total"];
  EXPECT_NE(RunSen({"import", file.string(), "--user", "cli.left", "--db", server.db_url()}).status, 0);
  EXPECT_EQ(admin.Get("/api/imports").json["total"], imports) << "refused before it opened the file";
}

// `sen import` of 200,000 leads named "<name> <i>" (mobiles 09<first + i>) running beside a
// server on the same database, that server's admin signed in; the constructor waits until the
// import's first chunk is in (Processed() > 0).
struct CommandLineImport {
  CommandLineImport(const std::string& name, int first)
      : admin(SignedIn(server)),
        before(LeadTotal(admin)),
        db(db::OpenDatabase(server.db_url(), 1)),
        command({"import", LargeFile(server, name, first), "--db", server.db_url()}) {
    for (int i = 0; i < 3000 && Processed() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Rows done so far while it runs; 0 once it has ended.
  std::int64_t Processed() {
    auto tx = db->BeginRead();
    return tx->QueryInt("SELECT max(processed) FROM imports WHERE status = 'running'", {}).value_or(0);
  }
  // The import once another server, started on the same database, has finished what it found
  // running (its start takes it back); `meanwhile` runs while that server is up.
  json AfterAServerStart(const std::function<void()>& meanwhile = [] {}) {
    ServerProcess another(server.dir());
    meanwhile();
    auto imports = admin.Get("/api/imports").json["items"];
    EXPECT_EQ(imports.size(), 1u);
    return imports.size() == 1 ? WaitUntilFinished(admin, imports[0], 120) : json();
  }
  static Client SignedIn(const ServerProcess& server) {
    Client c(server.port());
    c.Login("admin", kAdminPassword);
    return c;
  }
  static std::string LargeFile(const ServerProcess& server, const std::string& name, int first) {
    const auto file = server.dir() / "lon.csv";
    std::ofstream(file) << ManyLeadsCsv(200'000, name, "09", first);
    return file.string();
  }
  ServerProcess server;
  Client admin;
  const std::int64_t before;  // the leads before the import
  std::unique_ptr<db::Database> db;
  SenCommand command;
};

// `sen import` beside a running server lets go of the database between its chunks long enough
// for the server's writes: they wait a moment instead of failing "database is busy".
TEST_F(ImportsApi, ACommandLineImportLeavesTheServerItsWrites) {
  CommandLineImport cli("Khách Bên Cạnh", 70'000'000);
  ASSERT_GT(cli.Processed(), 0) << "the command line never got going";
  for (int i = 0; i < 5; ++i) {
    auto created =
        cli.admin.Post("/api/leads", {{"full_name", "Người Chen " + std::to_string(i)}, {"mobile", UniqueMobile()}});
    EXPECT_EQ(created.status, 201) << created.body;
  }
  EXPECT_GT(cli.Processed(), 0) << "the import ended before the writes: make it larger";
  EXPECT_EQ(cli.command.Wait().status, 0);
}

// A server that starts while `sen import` runs on the same database takes the import back, as
// one nobody finishes: the command line then stops at its next chunk instead of writing on and
// marking done an import whose first rows were taken back.
TEST_F(ImportsApi, AServerStartedDuringACommandLineImportLeavesNoHalfImport) {
  CommandLineImport cli("Khách Dòng Lệnh", 60'000'000);
  ASSERT_GT(cli.Processed(), 0) << "the command line never got going";
  CommandResult ended;
  const json after = cli.AfterAServerStart([&] { ended = cli.command.Wait(); });
  EXPECT_NE(ended.status, 0) << ended.out;
  EXPECT_EQ(after["status"], "failed") << after.dump();
  EXPECT_EQ(LeadTotal(cli.admin), cli.before);
}

// Ctrl-C (or a kill's SIGTERM) on `sen import` stops it after its current chunk and takes back
// what it imported: the import ends failed, "cancelled", instead of staying "running" until a
// server starts.
TEST_F(ImportsApi, CtrlCOnACommandLineImportTakesItBack) {
  CommandLineImport cli("Khách Bấm Dừng", 80'000'000);
  ASSERT_GT(cli.Processed(), 0) << "the command line never got going";
  cli.command.Signal(SIGINT);
  const CommandResult ended = cli.command.Wait();
  EXPECT_EQ(ended.status, 1) << "it should end by itself, saying why; -1 means the signal killed it";
  auto imports = cli.admin.Get("/api/imports").json["items"];
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0]["status"], "failed") << imports[0].dump();
  EXPECT_EQ(imports[0]["failure_reason"], "cancelled");
  EXPECT_EQ(imports[0]["in_trash"], 0) << "the leads it made are gone, not in the Trash";
  EXPECT_EQ(LeadTotal(cli.admin), cli.before);
}

// A second Ctrl-C ends `sen import` at once, its take-back unfinished: the next server start
// takes back the rest, and the import keeps the reason it was stopped for.
TEST_F(ImportsApi, ASecondCtrlCLeavesTheRestOfTheTakeBackToTheNextServerStart) {
  CommandLineImport cli("Khách Dừng Hai Lần", 90'000'000);
  ASSERT_GT(cli.Processed(), 0) << "the command line never got going";
  cli.command.Signal(SIGINT);
  auto cancelled = [&] {  // being taken back
    auto tx = cli.db->BeginRead();
    return tx->QueryInt("SELECT failure_reason = 'cancelled' FROM imports WHERE status = 'running'", {}) == 1;
  };
  for (int i = 0; i < 3000 && !cancelled(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  cli.command.Signal(SIGINT);
  const CommandResult ended = cli.command.Wait();
  // 130: stopped mid-take-back; 1: the take-back was done before the second signal.
  EXPECT_TRUE(ended.status == 130 || ended.status == 1) << ended.status;
  const json after = cli.AfterAServerStart();
  EXPECT_EQ(after["status"], "failed") << after.dump();
  EXPECT_EQ(after["failure_reason"], "cancelled") << "not \"restarted\": the first reason stays";
  EXPECT_EQ(LeadTotal(cli.admin), cli.before);
}

}  // namespace
}  // namespace sen::testing
