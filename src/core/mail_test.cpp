#include "core/mail.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace sen {
namespace {

std::string Unbase64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                              "\r\n", &len, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  out.resize(len);
  return out;
}

TEST(Mail, VietnameseSubjectAndBodySurviveAsBase64) {
  SmtpSettings settings;
  settings.from = "crm@truong.edu.vn";
  settings.from_name = "Sen CRM";
  const std::string subject = "Nhắc lịch gọi: Tư vấn khoá học tiếng Anh cho Nguyễn Thị Ánh Dương lúc 09:30";
  const std::string body = std::string("Xin chào Trần Văn An,\n") + std::string(200, 'x') + "\nĐặng Thị Đào";
  const std::string text = FormatMail({"an@example.vn", subject, body}, settings, 1'795'910'400'000, "id@truong.edu.vn");

  EXPECT_NE(text.find("Date: Sun, 29 Nov 2026 00:00:00 +0000\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("From: Sen CRM <crm@truong.edu.vn>\r\n"), std::string::npos);
  EXPECT_NE(text.find("To: <an@example.vn>\r\n"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <id@truong.edu.vn>\r\n"), std::string::npos);
  // The subject: encoded words of whole characters, none longer than 75, folded.
  const auto s = text.find("Subject: ") + 9;
  const std::string folded = text.substr(s, text.find("\r\nMessage-ID") - s);
  std::string decoded;
  std::size_t at = 0;
  while ((at = folded.find("=?UTF-8?B?", at)) != std::string::npos) {
    const auto end = folded.find("?=", at + 10);
    EXPECT_LE(end + 2 - at, 75u);
    decoded += Unbase64(folded.substr(at + 10, end - at - 10));
    at = end + 2;
  }
  EXPECT_EQ(decoded, subject);
  // The body: base64 lines of at most 76 after a blank line, CRLF throughout.
  const auto b = text.find("\r\n\r\n") + 4;
  std::string lines = text.substr(b);
  for (std::size_t i = 0, j; (j = lines.find("\r\n", i)) != std::string::npos; i = j + 2) EXPECT_LE(j - i, 76u);
  EXPECT_EQ(Unbase64(lines), body);
  EXPECT_EQ(text.find('\n'), text.find("\r\n") + 1);
}

TEST(Mail, AsciiSubjectStaysReadable) {
  SmtpSettings settings;
  settings.from = "crm@example.com";
  const std::string text = FormatMail({"a@example.com", "Call reminder", "hi"}, settings, 0, "x@example.com");
  EXPECT_NE(text.find("Subject: Call reminder\r\n"), std::string::npos);
  EXPECT_NE(text.find("Date: Thu, 01 Jan 1970 00:00:00 +0000"), std::string::npos);
}

TEST(Mail, ASenderNameWithCommasIsQuoted) {
  const SmtpSettings settings{.from = "crm@example.com", .from_name = "Sen, \"CRM\" Inc."};
  const std::string text = FormatMail({"a@example.com", "x", "y"}, settings, 0, "x@example.com");
  EXPECT_NE(text.find("From: \"Sen, \\\"CRM\\\" Inc.\" <crm@example.com>\r\n"), std::string::npos) << text;
}

TEST(Mail, NoServerNoSend) {
  auto sent = SendMail({}, {"a@example.com", "x", "y"}, 0);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace sen
