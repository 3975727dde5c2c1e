#include "modules/leads/lead_import.h"

#include <gtest/gtest.h>

namespace sen::leads {
namespace {

const FieldDef& Field(std::string_view name) { return *FindLeadField(name); }

TEST(CellInput, DatesAsVietnamWritesThem) {
  EXPECT_EQ(CellInput(Field("birthday"), "15/03/1990"), "1990-03-15");
  EXPECT_EQ(CellInput(Field("birthday"), "5-3-1990"), "1990-03-05");
  EXPECT_EQ(CellInput(Field("birthday"), "05.03.1990"), "1990-03-05");
  EXPECT_EQ(CellInput(Field("birthday"), "1990-03-15"), "1990-03-15");
  // Not a date: passed on for the field's own check to reject.
  EXPECT_EQ(CellInput(Field("birthday"), "15/03/90"), "15/03/90");
}

TEST(CellInput, OptionsByValueOrLabelInEitherLanguage) {
  EXPECT_EQ(CellInput(Field("gender"), "Nữ"), "female");
  EXPECT_EQ(CellInput(Field("gender"), "nu"), "female");
  EXPECT_EQ(CellInput(Field("gender"), "MALE"), "male");
  EXPECT_EQ(CellInput(Field("gender"), "khác lạ"), "khác lạ");
}

TEST(CellInput, TagsBooleansAndNumbers) {
  EXPECT_EQ(CellInput(Field("tags"), "vip, Hà Nội; ; hè 2026"), nlohmann::json({"vip", "Hà Nội", "hè 2026"}));
  EXPECT_EQ(CellInput(Field("do_not_contact"), "Có"), true);
  EXPECT_EQ(CellInput(Field("do_not_contact"), "không"), false);
  EXPECT_EQ(CellInput(Field("do_not_contact"), "maybe"), "maybe");
  EXPECT_EQ(CellInput(Field("campaign_id"), "12"), 12);
  EXPECT_EQ(CellInput(Field("campaign_id"), "12a"), "12a");
  // Phones stay text: the leading zero matters and normalisation happens later.
  EXPECT_EQ(CellInput(Field("mobile"), "0912345678"), "0912345678");
}

TEST(CellInput, TheApostropheAnExportPutsBeforeAFormulaComesOff) {
  EXPECT_EQ(CellInput(Field("description"), "'=HYPERLINK(\"http://x\")"), "=HYPERLINK(\"http://x\")");
  EXPECT_EQ(CellInput(Field("tags"), "'@vip, hè"), nlohmann::json({"@vip", "hè"}));
  EXPECT_EQ(CellInput(Field("description"), "'tôi'"), "'tôi'");
  EXPECT_EQ(CustomCellInput(customfields::CustomField{.name = "x", .type = "text"}, "'-1+2"), "-1+2");
}

TEST(CustomCellInput, EachCustomType) {
  customfields::CustomField number{.name = "score", .type = "number"};
  EXPECT_EQ(CustomCellInput(number, "7,5"), 7.5);
  customfields::CustomField multi{.name = "courses", .type = "multi_select",
                                  .options = {{"ielts", "Luyện thi IELTS", "IELTS prep"}, {"toeic", "TOEIC", "TOEIC"}}};
  EXPECT_EQ(CustomCellInput(multi, "luyen thi ielts, TOEIC"), nlohmann::json({"ielts", "toeic"}));
  customfields::CustomField yes{.name = "paid", .type = "boolean"};
  EXPECT_EQ(CustomCellInput(yes, "x"), true);
}

TEST(ImportFields, WritableFieldsIdAndActiveCustomFields) {
  std::vector<customfields::CustomField> custom{{.name = "school", .type = "text"}};
  const auto fields = ImportFields(custom);
  auto has = [&](std::string_view name) {
    return std::any_of(fields.begin(), fields.end(), [&](const ImportField& f) { return f.name == name; });
  };
  EXPECT_TRUE(has("id"));
  EXPECT_TRUE(has("mobile"));
  EXPECT_TRUE(has("custom.school"));
  EXPECT_FALSE(has("custom.other"));
  EXPECT_FALSE(has("created_at"));
  EXPECT_FALSE(has("custom"));
  EXPECT_FALSE(has("mobile_e164"));
}

TEST(LeadIds, OnlyPositiveWholeNumbersAreLeadIds) {
  EXPECT_EQ(ParseLeadId("42"), 42);
  for (const char* not_one : {"", "0", "-3", "HV001", "12a", " 12", "1.5", "99999999999999999999"}) {
    EXPECT_FALSE(ParseLeadId(not_one)) << not_one;
  }
}

TEST(LeadIds, AColumnOfAnExportHoldsLeadIdsAndNothingElse) {
  EXPECT_TRUE(AllLeadIds({"12", "", "7"}));       // a row added by hand has none
  EXPECT_FALSE(AllLeadIds({"12", "HV002"}));      // another system's codes
  EXPECT_FALSE(AllLeadIds({"", ""}));             // nothing to go by
  EXPECT_FALSE(AllLeadIds({}));
}

}  // namespace
}  // namespace sen::leads
