#include "http/multipart.h"

#include <gtest/gtest.h>

namespace sen::http {
namespace {

TEST(Multipart, ReadsFieldsAndAFileWithCrLfInside) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"entity\"\r\n\r\nleads\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Danh s\xC3\xA1" "ch.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\nHo ten,SDT\r\nAn,0912345678\r\n\r\n--XyZ--\r\n";
  auto parts = ParseMultipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "entity");
  EXPECT_EQ((*parts)[0].data, "leads");
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].filename, "Danh sách.csv");
  EXPECT_EQ((*parts)[1].content_type, "text/csv");
  EXPECT_EQ((*parts)[1].data, "Ho ten,SDT\r\nAn,0912345678\r\n");
}

TEST(Multipart, QuotedBoundaryAndNoParts) {
  auto parts = ParseMultipart("Multipart/Form-Data; boundary=\"a b\"", "--a b--\r\n");
  ASSERT_TRUE(parts);
  EXPECT_TRUE(parts->empty());
}

TEST(Multipart, RefusesWhatIsNotMultipart) {
  EXPECT_FALSE(ParseMultipart("application/json", "{}"));
  EXPECT_FALSE(ParseMultipart("multipart/form-data", "--x\r\n"));  // no boundary
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=x", "no boundary here"));
  // A part that never closes.
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=x",
                              "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ndata without end"));
}

}  // namespace
}  // namespace sen::http
