#include "modules/imports/import_rules.h"

#include <gtest/gtest.h>

namespace sen::imports {
namespace {

std::vector<leads::ImportField> LeadFields() {
  return {{"id", "Mã", "ID"},
          {"full_name", "Họ và tên", "Full name"},
          {"mobile", "Di động", "Mobile"},
          {"phone", "Điện thoại khác", "Other phone"},
          {"email", "Email", "Email"},
          {"province", "Tỉnh/Thành phố", "Province"},
          {"source", "Nguồn", "Source"},
          {"description", "Mô tả", "Description"},
          {"birthday", "Ngày sinh", "Birthday"},
          {"custom.school", "Trường đang học", "School"}};
}

TEST(HeaderKey, FoldsAndCollapsesPunctuation) {
  EXPECT_EQ(HeaderKey("Tỉnh/Thành phố"), "tinh thanh pho");
  EXPECT_EQ(HeaderKey("  E-mail "), "e mail");
  EXPECT_EQ(HeaderKey("SĐT"), "sdt");
  EXPECT_EQ(HeaderKey("HỌ  VÀ TÊN:"), "ho va ten");
}

TEST(SuggestMapping, VietnameseAndEnglishHeadersWithOrWithoutDiacritics) {
  auto m = SuggestMapping({"Họ và tên", "SĐT", "Email", "Nguồn", "Ghi chú", "Tỉnh/Thành phố", "Ngày sinh"}, LeadFields());
  EXPECT_EQ(m["Họ và tên"], "full_name");
  EXPECT_EQ(m["SĐT"], "mobile");
  EXPECT_EQ(m["Email"], "email");
  EXPECT_EQ(m["Nguồn"], "source");
  EXPECT_EQ(m["Ghi chú"], "description");
  EXPECT_EQ(m["Tỉnh/Thành phố"], "province");
  EXPECT_EQ(m["Ngày sinh"], "birthday");

  auto plain = SuggestMapping({"ho ten", "So dien thoai", "E-MAIL"}, LeadFields());
  EXPECT_EQ(plain["ho ten"], "full_name");
  EXPECT_EQ(plain["So dien thoai"], "mobile");
  EXPECT_EQ(plain["E-MAIL"], "email");

  // A field's own name or label wins over another name for it, and each field goes to one
  // column only.
  auto both = SuggestMapping({"ho ten", "So dien thoai", "DI DONG", "Full Name", "Mobile"}, LeadFields());
  EXPECT_EQ(both["DI DONG"], "mobile");
  EXPECT_EQ(both["Full Name"], "full_name");
  EXPECT_EQ(both["ho ten"], "");
  EXPECT_EQ(both["So dien thoai"], "");
  EXPECT_EQ(both["Mobile"], "");
}

TEST(SuggestMapping, CustomFieldsIdsAndUnknownColumns) {
  auto m = SuggestMapping({"Mã", "Trường đang học", "Cột lạ", "Điện thoại bàn"}, LeadFields());
  EXPECT_EQ(m["Mã"], "id");
  EXPECT_EQ(m["Trường đang học"], "custom.school");
  EXPECT_EQ(m["Cột lạ"], "");
  EXPECT_EQ(m["Điện thoại bàn"], "phone");
}

TEST(SuggestMapping, LabelsWinOverAliases) {
  // "Điện thoại" is an alias of the mobile (what a Vietnamese sheet's only phone column means),
  // but "Di động" is the mobile's own label, so it takes the mobile first.
  auto m = SuggestMapping({"Điện thoại", "Di động", "Other phone"}, LeadFields());
  EXPECT_EQ(m["Di động"], "mobile");
  EXPECT_EQ(m["Điện thoại"], "");
  EXPECT_EQ(m["Other phone"], "phone");
}

TEST(SuggestMapping, AFilesOnlyPhoneColumnIsTheMobile) {
  // Auto-assignment and the duplicate check go by the mobile: a sheet's one phone column is it.
  for (const std::string header :
       {"Phone", "Telephone", "Tel", "Điện thoại di động", "Số điện thoại liên hệ"}) {
    auto m = SuggestMapping({"Họ tên", header, "Email liên hệ"}, LeadFields());
    EXPECT_EQ(m[header], "mobile") << header;
    EXPECT_EQ(m["Email liên hệ"], "email");
  }
  // Beside a mobile column, a phone is the other phone.
  auto both = SuggestMapping({"Phone", "Mobile"}, LeadFields());
  EXPECT_EQ(both["Mobile"], "mobile");
  EXPECT_EQ(both["Phone"], "phone");
}

TEST(UniqueHeaders, NamesEmptyAndRepeatedHeaders) {
  auto h = UniqueHeaders({"Email", "", "Email", " Ghi  chú "});
  ASSERT_EQ(h.size(), 4u);
  EXPECT_EQ(h[0], "Email");
  EXPECT_EQ(h[1], "Cột 2");
  EXPECT_EQ(h[2], "Email (2)");
  EXPECT_EQ(h[3], "Ghi chú");
}

TEST(ProblemText, TheFieldsLabelAndTheReasonInVietnameseOrTheMessageAsItIs) {
  const RowProblem phone{5, "mobile", "mobile: is not a phone number", "invalid_phone", {}};
  EXPECT_EQ(ProblemText(phone, LeadFields(), true), "Di động: Số điện thoại không hợp lệ");
  EXPECT_EQ(ProblemText(phone, LeadFields(), false), "Mobile: Not a valid phone number");
  const RowProblem empty{6, "", "none of the mapped columns has a value", "empty_row", {}};
  EXPECT_EQ(ProblemText(empty, LeadFields(), true), "Không cột nào đã ghép có giá trị");
  const RowProblem two{8, "email", "matches more than one lead (IDs 3, 9)", "ambiguous", {}};
  EXPECT_EQ(ProblemText(two, LeadFields(), true),
            "Email: Khớp với nhiều lead: thêm cột ID để chỉ rõ cập nhật lead nào");
  RowProblem both{9, "mobile", "mobile: is not a phone number", "invalid_phone", {}};
  both.more = {{"email", "is not an e-mail address", "invalid_email"}, {"custom.school", "is odd", "odd"}};
  EXPECT_EQ(ProblemText(both, LeadFields(), true),
            "Di động: Số điện thoại không hợp lệ; Email: Email không hợp lệ; custom.school: is odd");
  // A reason without wording here keeps the server's message, field and all.
  const RowProblem odd{7, "custom.school", "custom.school: is odd", "odd", {}};
  EXPECT_EQ(ProblemText(odd, LeadFields(), true), "custom.school: is odd");
}

}  // namespace
}  // namespace sen::imports
