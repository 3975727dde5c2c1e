// Sign-in, sessions, CSRF, API tokens, rate limiting and user administration over real HTTP.
#include <atomic>
#include <mutex>
#include <thread>

#include "harness.h"

namespace sen::testing {
namespace {

class AuthApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    admin_ = new Client(server_->port());
    admin_->Login("admin", kAdminPassword);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  Client NewClient() { return Client(server_->port()); }

  static ServerProcess* server_;
  static Client* admin_;
};
ServerProcess* AuthApi::server_ = nullptr;
Client* AuthApi::admin_ = nullptr;

TEST_F(AuthApi, HealthzAnswersWithoutSignIn) {
  auto res = NewClient().Get("/healthz");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.json["status"], "ok");
  EXPECT_FALSE(res.headers["x-request-id"].empty());
}

TEST_F(AuthApi, ApiWithoutSignInIs401WithErrorBody) {
  auto res = NewClient().Get("/api/leads");
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.json["error"]["code"], "unauthenticated");
}

TEST_F(AuthApi, WrongPasswordIs401) {
  auto res = NewClient().Post("/api/auth/login", {{"username", "admin"}, {"password", "nope-nope"}});
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.json["error"]["code"], "unauthenticated");
}

TEST_F(AuthApi, LoginWithoutFieldsIs422NamingThem) {
  auto res = NewClient().Post("/api/auth/login", nlohmann::json::object());
  ASSERT_EQ(res.status, 422);
  auto details = res.json["error"]["details"];
  ASSERT_EQ(details.size(), 2u);
  EXPECT_EQ(details[0]["field"], "username");
  EXPECT_EQ(details[1]["field"], "password");
}

TEST_F(AuthApi, LoginSetsHttpOnlyLaxCookieAndGivesCsrfToken) {
  auto c = NewClient();
  auto res = c.Post("/api/auth/login", {{"username", "admin"}, {"password", kAdminPassword}});
  ASSERT_EQ(res.status, 200);
  const auto& cookie = res.headers["set-cookie"];
  EXPECT_NE(cookie.find("sen_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_FALSE(res.json["csrf_token"].get<std::string>().empty());
  EXPECT_EQ(res.json["user"]["username"], "admin");
  EXPECT_EQ(res.json["user"]["role"], "admin");
  EXPECT_FALSE(res.json["user"].contains("password_hash"));
}

TEST_F(AuthApi, MeAnswersTheSignedInUserAndTheCsrfToken) {
  auto res = admin_->Get("/api/auth/me");
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.json["user"]["username"], "admin");
  EXPECT_EQ(res.json["csrf_token"], admin_->csrf_token);
}

TEST_F(AuthApi, BrowserWriteWithoutCsrfHeaderIsForbidden) {
  Client c = *admin_;
  c.set_send_csrf(false);
  auto res = c.Post("/api/leads", {{"full_name", "Không CSRF"}});
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(res.json["error"]["code"], "forbidden");
  c.set_send_csrf(true);
  c.csrf_token = "forged";
  EXPECT_EQ(c.Post("/api/leads", {{"full_name", "CSRF giả"}}).status, 403);
}

TEST_F(AuthApi, ApiTokenWorksWithoutCsrfAndStopsWhenRevoked) {
  auto created = admin_->Post("/api/api-tokens", {{"name", "tích hợp"}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string token = created.json["token"];
  Client integration = NewClient();
  integration.UseToken(token);
  auto lead = integration.Post("/api/leads", {{"full_name", "Từ API"}, {"mobile", UniqueMobile()}});
  EXPECT_EQ(lead.status, 201) << lead.body;
  auto listed = admin_->Get("/api/api-tokens");
  ASSERT_EQ(listed.status, 200);
  EXPECT_FALSE(listed.body.find(token) != std::string::npos) << "a token is shown only once";
  auto id = created.json["id"].get<std::int64_t>();
  EXPECT_EQ(admin_->Delete("/api/api-tokens/" + std::to_string(id)).status, 204);
  EXPECT_EQ(integration.Get("/api/leads").status, 401);
}

TEST_F(AuthApi, LogoutEndsTheSession) {
  Client c = NewClient();
  c.Login("admin", kAdminPassword);
  ASSERT_EQ(c.Get("/api/auth/me").status, 200);
  EXPECT_EQ(c.Post("/api/auth/logout", nlohmann::json::object()).status, 204);
  EXPECT_EQ(c.Get("/api/auth/me").status, 401);
}

TEST_F(AuthApi, RepeatedFailuresAreRateLimitedEvenWithTheRightPassword) {
  CreateUser(*admin_, "target.user", "agent", std::nullopt, "right-pass-123");
  Client c = NewClient();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(c.Post("/api/auth/login", {{"username", "target.user"}, {"password", "wrong-pass"}}).status, 401);
  }
  auto res = c.Post("/api/auth/login", {{"username", "target.user"}, {"password", "right-pass-123"}});
  EXPECT_EQ(res.status, 429);
  EXPECT_EQ(res.json["error"]["code"], "rate_limited");
  EXPECT_GT(res.json["error"]["retry_after"].get<int>(), 0);
}

TEST_F(AuthApi, OnlyAdminsManageUsers) {
  CreateUser(*admin_, "plain.agent", "agent");
  Client agent = NewClient();
  agent.Login("plain.agent", "user-pass-123");
  auto res = agent.Post("/api/users", {{"username", "sneaky"}, {"password", "12345678"}, {"full_name", "X"}, {"role", "admin"}});
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(agent.Post("/api/teams", {{"name", "Nhóm lạ"}}).status, 403);
  EXPECT_EQ(agent.Get("/api/users").status, 200) << "everyone may list colleagues for owner pickers";
}

TEST_F(AuthApi, NewUserWithBadFieldsIs422NamingEachField) {
  auto res = admin_->Post("/api/users", {{"username", "a b"}, {"password", "short"}, {"full_name", "X"},
                                         {"role", "boss"}, {"email", "not-an-email"}, {"colour", "red"}});
  ASSERT_EQ(res.status, 422) << res.body;
  std::set<std::string> fields;
  for (const auto& d : res.json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"username", "password", "role", "email", "colour"}));
}

TEST_F(AuthApi, TakenUsernameIs409) {
  CreateUser(*admin_, "same.name", "agent");
  auto res = admin_->Post("/api/users", {{"username", "Same.Name"}, {"password", "long-enough"}, {"full_name", "Y"}, {"role", "agent"}});
  EXPECT_EQ(res.status, 409);
  EXPECT_EQ(res.json["error"]["code"], "conflict");
  // The interface words a conflict by its reason, with the values its wording names.
  EXPECT_EQ(res.json["error"]["reason"], "username_taken") << res.body;
  EXPECT_EQ(res.json["error"]["username"], "same.name") << res.body;
}

TEST_F(AuthApi, DeactivatedUserIsSignedOutAndCannotSignIn) {
  auto id = CreateUser(*admin_, "leaving.agent", "agent");
  Client c = NewClient();
  c.Login("leaving.agent", "user-pass-123");
  ASSERT_EQ(admin_->Patch("/api/users/" + std::to_string(id), {{"active", false}}).status, 200);
  EXPECT_EQ(c.Get("/api/auth/me").status, 401);
  EXPECT_EQ(NewClient().Post("/api/auth/login", {{"username", "leaving.agent"}, {"password", "user-pass-123"}}).status, 401);
}

// Wherever a user is given as an owner or a member, one who has left is named as such, and an
// unknown ID as unknown.
TEST_F(AuthApi, ADeactivatedUserIsNamedWhereverAUserIsGiven) {
  auto id = CreateUser(*admin_, "left.agent", "agent");
  ASSERT_EQ(admin_->Patch("/api/users/" + std::to_string(id), {{"active", false}}).status, 200);
  auto lead = admin_->Post("/api/leads", {{"full_name", "Khách Chủ Cũ"}, {"mobile", UniqueMobile()}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  auto expect = [](const HttpResponse& res, const std::string& field, const std::string& message) {
    ASSERT_EQ(res.status, 422) << res.body;
    EXPECT_EQ(res.json["error"]["details"][0]["field"], field) << res.body;
    EXPECT_EQ(res.json["error"]["details"][0]["message"], message) << res.body;
  };
  const std::string left = "the user left.agent is deactivated";
  expect(admin_->Post("/api/leads", {{"full_name", "Khách Mới"}, {"owner_id", id}}), "owner_id", left);
  expect(admin_->Post("/api/leads", {{"full_name", "Khách Mới"}, {"owner_id", 999999}}), "owner_id",
         "no user has this id");
  expect(admin_->Post("/api/leads/mass-update", {{"ids", {lead.json["id"]}}, {"set", {{"owner_id", id}}}}),
         "set.owner_id", left);
  expect(admin_->Post("/api/calls", {{"parent_type", "lead"}, {"parent_id", lead.json["id"]}, {"subject", "Gọi lại"},
                                     {"status", "completed"}, {"result", "interested"}, {"owner_id", id}}),
         "owner_id", left);
  expect(admin_->Post("/api/assignment-rules", {{"name", "Người cũ"}, {"method", "round_robin"},
                                                {"members", nlohmann::json::array({{{"user_id", id}}})}}),
         "members.0.user_id", left);
}

TEST_F(AuthApi, LanguageIsRememberedPerUser) {
  CreateUser(*admin_, "english.agent", "agent");
  Client c = NewClient();
  c.Login("english.agent", "user-pass-123");
  auto res = c.Patch("/api/auth/me", {{"language", "en"}});
  ASSERT_EQ(res.status, 200) << res.body;
  Client again = NewClient();
  again.Login("english.agent", "user-pass-123");
  EXPECT_EQ(again.Get("/api/auth/me").json["user"]["language"], "en");
  EXPECT_EQ(c.Patch("/api/auth/me", {{"language", "fr"}}).status, 422);
}

TEST_F(AuthApi, MalformedJsonIs400AndHugeBodyIs413) {
  auto bad = admin_->SendRaw("POST", "/api/leads", "{\"full_name\": ", {});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json["error"]["code"], "bad_request");
  auto huge = admin_->SendRaw("POST", "/api/leads", std::string(2 * 1024 * 1024, 'x'), {});
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(huge.json["error"]["code"], "payload_too_large");
}

TEST_F(AuthApi, UnknownEndpointIs404) {
  auto res = admin_->Get("/api/nothing-here");
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.json["error"]["code"], "not_found");
}

TEST(ServerLifecycle, SigtermStopsCleanlyAndDataSurvivesARestart) {
  auto dir = std::filesystem::temp_directory_path() / ("sen-restart-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::int64_t id = 0;
  {
    ServerProcess server(dir);
    Client c(server.port());
    c.Login("admin", kAdminPassword);
    auto res = c.Post("/api/leads", {{"full_name", "Lưu Bền Vững"}, {"mobile", UniqueMobile()}});
    ASSERT_EQ(res.status, 201);
    id = res.json["id"];
    EXPECT_EQ(server.Stop(), 0) << server.Log();
    EXPECT_NE(server.Log().find("database closed"), std::string::npos);
  }
  {
    ServerProcess server(dir);
    Client c(server.port());
    c.Login("admin", kAdminPassword);
    EXPECT_EQ(c.Get("/api/leads/" + std::to_string(id)).json["full_name"], "Lưu Bền Vững");
  }
  std::filesystem::remove_all(dir);
}

TEST(ServerLifecycle, EveryCreateAnsweredBeforeSigtermIsKept) {
  auto dir = std::filesystem::temp_directory_path() / ("sen-drain-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::int64_t> created;
  std::mutex created_mutex;
  {
    ServerProcess server(dir);
    Client admin(server.port());
    admin.Login("admin", kAdminPassword);
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
      writers.emplace_back([&] {
        Client c = admin;
        while (!stop) {
          try {
            auto res = c.Post("/api/leads", {{"full_name", "Trước Khi Dừng"}, {"mobile", UniqueMobile()}});
            if (res.status != 201) ADD_FAILURE() << "unexpected answer while stopping: " << res.status << " " << res.body;
            std::lock_guard lock(created_mutex);
            created.push_back(res.json["id"].get<std::int64_t>());
          } catch (const std::exception&) {
            return;  // the server no longer takes connections
          }
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_EQ(server.Stop(), 0) << server.Log();
    stop = true;
    for (auto& w : writers) w.join();
  }
  ASSERT_FALSE(created.empty());
  ServerProcess again(dir);
  Client c(again.port());
  c.Login("admin", kAdminPassword);
  for (auto id : created) EXPECT_EQ(c.Get("/api/leads/" + std::to_string(id)).status, 200) << id;
  again.Stop();
  std::filesystem::remove_all(dir);
}

TEST(CommandLine, UserAddReadsThePasswordFromStdinAndBadArgumentsExitWith2) {
  auto dir = std::filesystem::temp_directory_path() / ("sen-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string db = "sqlite:" + (dir / "sen.db").string();
  auto added = RunSen({"user", "add", "--db", db, "--username", "cli.agent", "--role", "agent", "--full-name",
                       "Nguyễn CLI", "--password-stdin"},
                      "cli-pass-123\n");
  EXPECT_EQ(added.status, 0) << added.out;
  EXPECT_EQ(RunSen({"user", "add", "--db", db, "--username", "x"}).status, 2);
  EXPECT_EQ(RunSen({"user", "add", "--db", db, "--username", "cli.agent", "--role", "agent", "--password-stdin"},
                   "cli-pass-123\n").status, 1) << "a taken username fails with status 1";
  {
    ServerProcess server(dir);
    Client c(server.port());
    c.Login("cli.agent", "cli-pass-123");
    EXPECT_EQ(c.Get("/api/auth/me").json["user"]["full_name"], "Nguyễn CLI");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sen::testing
