#include "modules/leads/lead_fields.h"

#include <gtest/gtest.h>

namespace sen::leads {
namespace {

using json = nlohmann::json;
const std::vector<customfields::CustomField> kNoCustom;

std::map<std::string, std::string> Reasons(const Status& s) {
  std::map<std::string, std::string> out;
  if (!s.ok()) {
    for (const auto& d : s.error().details) out[d.field] = d.reason;
  }
  return out;
}

TEST(LeadFields, ApplyInputCopiesCheckedValues) {
  Lead l;
  json body = {{"full_name", "  Lê   Thị Hoa "}, {"gender", "female"}, {"birthday", "2001-02-28"},
               {"tags", {"IELTS", "ielts", " VIP "}}, {"description", "Dòng một\n\nDòng hai"},
               {"owner_id", 3}, {"do_not_contact", true}, {"dnc_reason", "Xin đừng gọi"}, {"allow_duplicate", true}};
  ASSERT_TRUE(ApplyInput(l, body, {"allow_duplicate"}, kNoCustom, false).ok());
  EXPECT_EQ(l.full_name, "Lê Thị Hoa");
  EXPECT_EQ(l.gender, "female");
  EXPECT_EQ(l.birthday, "2001-02-28");
  EXPECT_EQ(l.tags, (std::vector<std::string>{"IELTS", "VIP"})) << "tags are de-duplicated ignoring case";
  EXPECT_EQ(l.description, "Dòng một\n\nDòng hai");
  EXPECT_EQ(l.owner_id, 3);
  EXPECT_TRUE(l.do_not_contact);
}

TEST(LeadFields, ApplyInputNamesEveryBadField) {
  Lead l;
  json body = {{"full_name", ""},           {"status", "hot"},       {"company", std::string(201, 'x')},
               {"birthday", "2001-02-30"},  {"owner_id", "3"},       {"tags", "vip"},
               {"colour", "red"},           {"created_at", "2020-01-01T00:00:00Z"},
               {"do_not_contact", "yes"}};
  auto reasons = Reasons(ApplyInput(l, body, {}, kNoCustom, false));
  EXPECT_EQ(reasons, (std::map<std::string, std::string>{{"full_name", "required"},
                                                         {"status", "unknown_value"},
                                                         {"company", "too_long"},
                                                         {"birthday", "invalid_date"},
                                                         {"owner_id", "wrong_type"},
                                                         {"tags", "wrong_type"},
                                                         {"colour", "unknown_field"},
                                                         {"created_at", "read_only"},
                                                         {"do_not_contact", "wrong_type"}}));
}

// A file and a tag filter take "a, b" as two tags: a tag with a comma, semicolon or bar would
// come back from an export split in two, and no filter could name it.
TEST(LeadFields, ATagHoldsNoListSeparator) {
  for (const char* tag : {"Hội chợ, 2026", "Hội chợ; 2026", "Hội chợ | 2026"}) {
    Lead l;
    auto reasons = Reasons(ApplyInput(l, {{"tags", {"VIP", tag}}}, {}, kNoCustom, false));
    EXPECT_EQ(reasons, (std::map<std::string, std::string>{{"tags", "invalid_tag"}})) << tag;
  }
  Lead l;
  ASSERT_TRUE(ApplyInput(l, {{"tags", {"Hội chợ 2026", "IELTS/TOEIC", "5.5+"}}}, {}, kNoCustom, false).ok());
  EXPECT_EQ(l.tags, (std::vector<std::string>{"Hội chợ 2026", "IELTS/TOEIC", "5.5+"}));
}

TEST(LeadFields, LengthsCountCharactersNotBytes) {
  Lead l;
  EXPECT_TRUE(ApplyInput(l, {{"title", std::string(100 / 2, 'x') + std::string("ễ") + std::string(49, 'y')}}, {}, kNoCustom, false).ok());
}

TEST(LeadFields, NullClearsAnOptionalField) {
  Lead l;
  l.email = "a@b.vn";
  ASSERT_TRUE(ApplyInput(l, {{"email", nullptr}}, {}, kNoCustom, false).ok());
  EXPECT_FALSE(l.email.has_value());
}

TEST(LeadFields, JsonHasEveryRegistryFieldAndMetaDescribesThem) {
  Lead l;
  l.full_name = "An";
  auto j = ToJson(l);
  auto meta = FieldsMetaJson(kNoCustom)["fields"];
  EXPECT_EQ(j.size(), LeadFields().size());
  EXPECT_EQ(meta.size(), LeadFields().size());
  for (const auto& f : meta) {
    EXPECT_TRUE(j.contains(f["name"].get<std::string>()));
    EXPECT_FALSE(f["label"]["vi"].get<std::string>().empty());
    EXPECT_FALSE(f["label"]["en"].get<std::string>().empty());
  }
}

TEST(LeadFields, CustomValuesAreCheckedAgainstTheirDefinitions) {
  customfields::CustomField level{1, "leads", "level", "select", "Trình độ", "Level", {{"a1", "A1", "A1"}, {"b2", "B2", "B2"}}, true};
  customfields::CustomField score{2, "leads", "score", "number", "Điểm", "Score"};
  std::vector<customfields::CustomField> fields{level, score};
  Lead l;
  auto missing = Reasons(ApplyInput(l, {{"full_name", "An"}}, {}, fields, true));
  EXPECT_EQ(missing, (std::map<std::string, std::string>{{"custom.level", "required"}}));
  auto bad = Reasons(ApplyInput(l, {{"custom", {{"level", "c9"}, {"score", "7"}, {"colour", "red"}}}}, {}, fields, false));
  EXPECT_EQ(bad, (std::map<std::string, std::string>{
                     {"custom.level", "unknown_value"}, {"custom.score", "wrong_type"}, {"custom.colour", "unknown_field"}}));
  ASSERT_TRUE(ApplyInput(l, {{"custom", {{"level", "b2"}, {"score", 7.5}}}}, {}, fields, true).ok());
  EXPECT_EQ(l.custom, (json{{"level", "b2"}, {"score", 7.5}}));
  ASSERT_TRUE(ApplyInput(l, {{"custom", {{"score", nullptr}}}}, {}, fields, false).ok());
  EXPECT_EQ(l.custom, (json{{"level", "b2"}})) << "null removes one value and keeps the others";
  auto meta = FieldsMetaJson(fields)["fields"];
  EXPECT_EQ(meta.back()["name"], "custom.score");
  EXPECT_EQ(meta[meta.size() - 2]["type"], "enum");
}

TEST(LeadFields, AuditValuesAreTextOrAbsent) {
  EXPECT_EQ(AuditValue("x"), "x");
  EXPECT_FALSE(AuditValue("").has_value());
  EXPECT_FALSE(AuditValue(nullptr).has_value());
  EXPECT_FALSE(AuditValue(json::array()).has_value());
  EXPECT_EQ(AuditValue(json{"a", "b"}), "[\"a\",\"b\"]");
  EXPECT_EQ(AuditValue(true), "true");
  EXPECT_EQ(AuditValue(12), "12");
}

}  // namespace
}  // namespace sen::leads
