// The SMTP password at rest: sealed with a key outside the database, an old clear one sealed at
// start, and one sealed with another key kept, reported and refused until entered again.
#include "modules/settings/settings_service.h"

#include <gtest/gtest.h>

#include <memory>

#include "db/test_database.h"
#include "modules/users/user_service.h"

namespace sen::settings {
namespace {

using nlohmann::json;

class SettingsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitSecrets();
    users::UserService users(*db_, clock_);
    auto admin = users.Create(users::UserService::System(),
                              {"admin", "admin-pass-123", "Quản trị", std::nullopt, "admin", {}, {}, "vi"});
    ASSERT_TRUE(admin) << admin.error().message;
    admin_.user_id = admin->id;
    admin_.role = Role::kAdmin;
  }
  // The settings row as the database holds it.
  std::string Stored() {
    auto tx = db_->BeginRead();
    std::string value;
    tx->Query("SELECT value FROM app_settings WHERE key = 'smtp'", {}, [&](const db::Row& r) { value = r.Str(0); });
    return value;
  }
  json Smtp(SettingsService& service) {
    auto got = service.Smtp(admin_);
    EXPECT_TRUE(got) << got.error().message;
    return got ? *got : json();
  }

  ManualClock clock_{1'800'000'000'000};
  db::testing::TestDatabase db_;
  Principal admin_;
  SecretBox key_{std::string(32, 'a')};
  SecretBox other_key_{std::string(32, 'b')};
};

const json kServer = {{"host", "127.0.0.1"}, {"port", 1}, {"security", "none"}, {"from", "crm@truong.edu.vn"}};

TEST_F(SettingsServiceTest, ThePasswordIsKeptSealed) {
  SettingsService service(*db_, clock_, key_);
  json input = kServer;
  input["password"] = "mật-khẩu-smtp";
  auto saved = service.SetSmtp(admin_, input);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ((*saved)["has_password"], true);
  EXPECT_EQ((*saved)["password_unreadable"], false);
  const json row = json::parse(Stored());
  EXPECT_EQ(Stored().find("mật-khẩu-smtp"), std::string::npos) << Stored();
  EXPECT_FALSE(row.contains("password"));
  EXPECT_EQ(key_.Open(row["password_sealed"].get<std::string>()), "mật-khẩu-smtp");

  ASSERT_TRUE(service.SetSmtp(admin_, {{"from_name", "Trường Sen"}}));  // no password: kept
  EXPECT_EQ(key_.Open(json::parse(Stored())["password_sealed"].get<std::string>()), "mật-khẩu-smtp");
  ASSERT_TRUE(service.SetSmtp(admin_, {{"password", ""}}));  // "": cleared
  EXPECT_FALSE(json::parse(Stored()).contains("password_sealed"));
  EXPECT_EQ(Smtp(service)["has_password"], false);
}

TEST_F(SettingsServiceTest, AClearPasswordFromAnOlderVersionIsSealedAtStart) {
  {
    auto tx = db_->BeginWrite();
    json old = kServer;
    old["password"] = "cu-mat-khau";
    tx->Execute("INSERT INTO app_settings (key, value, updated_at) VALUES ('smtp', ?, 0)", {old.dump()});
    tx->Commit();
  }
  SettingsService service(*db_, clock_, key_);
  EXPECT_TRUE(service.SealClearPassword());
  EXPECT_EQ(Stored().find("cu-mat-khau"), std::string::npos) << Stored();
  EXPECT_EQ(key_.Open(json::parse(Stored())["password_sealed"].get<std::string>()), "cu-mat-khau");
  EXPECT_EQ(json::parse(Stored())["host"], "127.0.0.1");
  EXPECT_FALSE(service.SealClearPassword()) << "nothing left in clear";
  EXPECT_EQ(Smtp(service)["has_password"], true);
}

TEST_F(SettingsServiceTest, APasswordSealedWithAnotherKeyIsKeptAndRefusedUntilEnteredAgain) {
  json input = kServer;
  input["password"] = "smtp-pass";
  ASSERT_TRUE(SettingsService(*db_, clock_, key_).SetSmtp(admin_, input));
  const std::string sealed = json::parse(Stored())["password_sealed"];

  SettingsService moved(*db_, clock_, other_key_);  // the database without its key file
  EXPECT_EQ(Smtp(moved)["has_password"], true);
  EXPECT_EQ(Smtp(moved)["password_unreadable"], true);
  auto sent = moved.TestSmtp(admin_, "admin@truong.edu.vn");
  ASSERT_FALSE(sent);
  EXPECT_NE(sent.error().message.find("SEN_SECRET_KEY_FILE"), std::string::npos) << sent.error().message;
  EXPECT_FALSE(moved.SealClearPassword());

  ASSERT_TRUE(moved.SetSmtp(admin_, {{"port", 2525}}));
  EXPECT_EQ(json::parse(Stored())["password_sealed"], sealed) << "kept for the key it was sealed with";
  SettingsService back_home(*db_, clock_, key_);
  EXPECT_EQ(Smtp(back_home)["password_unreadable"], false);

  ASSERT_TRUE(moved.SetSmtp(admin_, {{"password", "new-pass"}}));
  EXPECT_EQ(Smtp(moved)["password_unreadable"], false);
  EXPECT_EQ(other_key_.Open(json::parse(Stored())["password_sealed"].get<std::string>()), "new-pass");
}

}  // namespace
}  // namespace sen::settings
