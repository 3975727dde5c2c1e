#include "modules/customfields/custom_field_rules.h"

#include <gtest/gtest.h>

namespace sen::customfields {
namespace {

CustomField Field(std::string name, std::string type, std::vector<Option> options = {}) {
  CustomField f;
  f.name = std::move(name);
  f.type = std::move(type);
  f.label_vi = "Nhãn";
  f.label_en = "Label";
  f.options = std::move(options);
  return f;
}

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  if (!s.ok()) {
    for (const auto& d : s.error().details) out.push_back(d.field);
  }
  return out;
}

TEST(CustomFieldDefinition, NamesTypesLabelsAndOptionsAreChecked) {
  EXPECT_TRUE(CheckDefinition(Field("hoc_van", "text")).ok());
  EXPECT_EQ(Fields(CheckDefinition(Field("Học vấn", "text"))), std::vector<std::string>{"name"});
  EXPECT_EQ(Fields(CheckDefinition(Field("x", "text"))), std::vector<std::string>{"name"});
  EXPECT_EQ(Fields(CheckDefinition(Field("level", "colour"))), std::vector<std::string>{"type"});
  EXPECT_EQ(Fields(CheckDefinition(Field("level", "select"))), std::vector<std::string>{"options"});
  EXPECT_EQ(Fields(CheckDefinition(Field("level", "select", {{"a", "A", "A"}, {"a", "B", "B"}}))),
            std::vector<std::string>{"options"});
  EXPECT_EQ(Fields(CheckDefinition(Field("note", "text", {{"a", "A", "A"}}))), std::vector<std::string>{"options"});
  // A multi-select's cells list options between , ; or |: none may hold one (a select's may).
  EXPECT_EQ(Fields(CheckDefinition(Field("mon", "multi_select", {{"a", "Toán", "Maths"}, {"b", "Văn, Tiếng Việt", "Literature"}}))),
            std::vector<std::string>{"options"});
  EXPECT_EQ(Fields(CheckDefinition(Field("mon", "multi_select", {{"a|b", "Toán", "Maths"}}))),
            std::vector<std::string>{"options"});
  EXPECT_TRUE(CheckDefinition(Field("mon", "select", {{"b", "Văn, Tiếng Việt", "Literature"}})).ok());
  CustomField unlabelled = Field("level", "text");
  unlabelled.label_en.clear();
  EXPECT_EQ(Fields(CheckDefinition(unlabelled)), std::vector<std::string>{"label.en"});
}

TEST(CustomFieldValue, EachTypeTakesItsOwnKindOfValue) {
  FieldErrors errors;
  EXPECT_EQ(CheckValue(Field("t", "text"), "  hai   từ ", errors), "hai từ");
  EXPECT_EQ(CheckValue(Field("n", "number"), 3.5, errors), 3.5);
  EXPECT_EQ(CheckValue(Field("d", "date"), "2026-02-28", errors), "2026-02-28");
  EXPECT_EQ(CheckValue(Field("b", "boolean"), true, errors), true);
  auto multi = Field("m", "multi_select", {{"x", "X", "X"}, {"y", "Y", "Y"}, {"z", "Z", "Z"}});
  EXPECT_EQ(CheckValue(multi, {"z", "x", "z"}, errors), (nlohmann::json{"x", "z"})) << "definition order, once each";
  EXPECT_TRUE(errors.empty());
  EXPECT_FALSE(CheckValue(Field("n", "number"), "3", errors));
  EXPECT_FALSE(CheckValue(Field("d", "date"), "2026-02-30", errors));
  EXPECT_FALSE(CheckValue(Field("b", "boolean"), "yes", errors));
  EXPECT_FALSE(CheckValue(multi, {"w"}, errors));
  EXPECT_EQ(errors.list().size(), 4u);
  EXPECT_EQ(errors.list()[0].field, "custom.n");
}

TEST(CustomFieldFilter, QueryTextBecomesTheStoredKindOfValue) {
  EXPECT_EQ(ParseFilterValue(Field("n", "number"), "12"), 12.0);
  EXPECT_FALSE(ParseFilterValue(Field("n", "number"), "12x"));
  EXPECT_EQ(ParseFilterValue(Field("b", "boolean"), "false"), false);
  EXPECT_FALSE(ParseFilterValue(Field("s", "select", {{"a", "A", "A"}}), "b"));
  EXPECT_EQ(ParseFilterValue(Field("s", "select", {{"a", "A", "A"}}), "a"), "a");
}

}  // namespace
}  // namespace sen::customfields
