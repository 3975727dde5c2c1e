// The secret box that keeps the SMTP password sealed in the database.
#include "core/secrets.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <vector>

namespace sen {
namespace {

class SecretBoxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitSecrets();
    dir_ = std::filesystem::temp_directory_path() / ("sen-secrets-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
};

TEST_F(SecretBoxTest, OpensWhatItSealedAndNothingElse) {
  SecretBox box(std::string(32, 'k'));
  for (const std::string& secret : std::vector<std::string>{"", "mật-khẩu Đặng 123", std::string(500, 'x')}) {
    const auto sealed = box.Seal(secret);
    EXPECT_EQ(sealed.rfind("sb1:", 0), 0u);
    if (!secret.empty()) {
      EXPECT_EQ(sealed.find(secret), std::string::npos) << "the secret shows through";
    }
    EXPECT_EQ(box.Open(sealed), secret);
  }
  EXPECT_NE(box.Seal("same"), box.Seal("same")) << "a fresh nonce each time";

  auto sealed = box.Seal("smtp-pass");
  std::string altered = sealed;
  altered[10] = altered[10] == 'A' ? 'B' : 'A';
  EXPECT_EQ(box.Open(altered), std::nullopt);
  EXPECT_EQ(SecretBox(std::string(32, 'o')).Open(sealed), std::nullopt) << "another key";
  EXPECT_EQ(box.Open("smtp-pass"), std::nullopt) << "clear text is not sealed text";
  EXPECT_EQ(box.Open("sb1:not base64!"), std::nullopt);
  EXPECT_EQ(box.Open("sb1:"), std::nullopt);
  EXPECT_THROW(SecretBox("short"), std::invalid_argument);
}

TEST_F(SecretBoxTest, MakesItsKeyFileOnceForItsOwnerOnly) {
  const auto path = dir_ / "data" / "secret.key";
  const auto sealed = SecretBox::AtPath(path).Seal("smtp-pass");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(SecretBox::AtPath(path).Open(sealed), "smtp-pass") << "the second start reads the same key";

  std::ofstream(dir_ / "bad.key") << "not a key\n";
  try {
    SecretBox::AtPath(dir_ / "bad.key");
    FAIL() << "a file that holds no key was taken";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.key"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sen
