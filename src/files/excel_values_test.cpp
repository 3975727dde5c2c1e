#include "files/excel_values.h"

#include <gtest/gtest.h>

namespace sen::files {
namespace {

TEST(XlsxValues, BuiltinDateFormats) {
  EXPECT_EQ(BuiltinFormatKind(0), DateKind::kNone);
  EXPECT_EQ(BuiltinFormatKind(14), DateKind::kDate);
  EXPECT_EQ(BuiltinFormatKind(17), DateKind::kDate);
  EXPECT_EQ(BuiltinFormatKind(20), DateKind::kTime);
  EXPECT_EQ(BuiltinFormatKind(22), DateKind::kDateTime);
  EXPECT_EQ(BuiltinFormatKind(46), DateKind::kTime);
  EXPECT_EQ(BuiltinFormatKind(49), DateKind::kNone);
}

TEST(XlsxValues, CustomFormatCodes) {
  EXPECT_EQ(FormatCodeKind("dd/mm/yyyy"), DateKind::kDate);
  EXPECT_EQ(FormatCodeKind("DD-MMM-YY"), DateKind::kDate);
  EXPECT_EQ(FormatCodeKind("yyyy-mm-dd hh:mm:ss"), DateKind::kDateTime);
  EXPECT_EQ(FormatCodeKind("h:mm AM/PM"), DateKind::kTime);
  EXPECT_EQ(FormatCodeKind("mm:ss"), DateKind::kTime);
  EXPECT_EQ(FormatCodeKind("[h]:mm"), DateKind::kTime);
  EXPECT_EQ(FormatCodeKind("[$-42A]dddd, d mmmm yyyy"), DateKind::kDate);
  EXPECT_EQ(FormatCodeKind("General"), DateKind::kNone);
  EXPECT_EQ(FormatCodeKind("#,##0 \"ngày\""), DateKind::kNone);
  EXPECT_EQ(FormatCodeKind("0\\d"), DateKind::kNone);
  EXPECT_EQ(FormatCodeKind("[Red]#,##0;[Blue]-#,##0"), DateKind::kNone);
  EXPECT_EQ(FormatCodeKind("0.00E+00"), DateKind::kNone);
  EXPECT_EQ(FormatCodeKind("@"), DateKind::kNone);
  EXPECT_EQ(FormatCodeKind("#,##0_);(#,##0)"), DateKind::kNone);
}

std::string Number(std::string_view stored) {
  std::string out;
  AppendNumber(stored, out);
  return out;
}

TEST(XlsxValues, NumbersAsExcelShowsThem) {
  EXPECT_EQ(Number("912345678"), "912345678");
  EXPECT_EQ(Number("912345678.0"), "912345678");
  EXPECT_EQ(Number("9.12345678E+8"), "912345678");
  EXPECT_EQ(Number("999999999999999"), "999999999999999");
  EXPECT_EQ(Number("1234567890123456"), "1.23456789012346E+15");
  EXPECT_EQ(Number("0.1"), "0.1");
  EXPECT_EQ(Number("2.9999999999999996"), "3");
  EXPECT_EQ(Number("-0"), "0");
  EXPECT_EQ(Number("-12.5"), "-12.5");
  EXPECT_EQ(Number("1E-10"), "1E-10");
  EXPECT_EQ(Number("007"), "7");
  EXPECT_EQ(Number("not a number"), "not a number");
}

std::string Date(double serial, DateKind kind, bool date1904 = false) {
  std::string out;
  return AppendSerialDate(serial, kind, date1904, out) ? out : "none";
}

TEST(XlsxValues, SerialDates) {
  EXPECT_EQ(Date(45366, DateKind::kDate), "2024-03-15");
  EXPECT_EQ(Date(45366.999999, DateKind::kDateTime), "2024-03-16 00:00:00");
  EXPECT_EQ(Date(45366.25, DateKind::kDateTime), "2024-03-15 06:00:00");
  EXPECT_EQ(Date(0.5, DateKind::kTime), "12:00:00");
  EXPECT_EQ(Date(1, DateKind::kDate), "1900-01-01");
  EXPECT_EQ(Date(60, DateKind::kDate), "1900-02-29");
  EXPECT_EQ(Date(61, DateKind::kDate), "1900-03-01");
  EXPECT_EQ(Date(2958465, DateKind::kDate), "9999-12-31");
  EXPECT_EQ(Date(2958466, DateKind::kDate), "none");
  EXPECT_EQ(Date(0, DateKind::kDate), "none");
  EXPECT_EQ(Date(-1, DateKind::kDate), "none");
  EXPECT_EQ(Date(0, DateKind::kDate, true), "1904-01-01");
  EXPECT_EQ(Date(43904, DateKind::kDate, true), "2024-03-15");
}

TEST(XlsxValues, OoxmlEscapes) {
  std::string text = "a_x000D_b_x005F_x0041_ _xZZZZ_ _x00e9_ _x";
  DecodeOoxmlEscapes(text);
  EXPECT_EQ(text, "a\rb_x0041_ _xZZZZ_ é _x");
}

TEST(XlsxValues, ColumnReferences) {
  EXPECT_EQ(ColumnIndex("A1"), 0u);
  EXPECT_EQ(ColumnIndex("C7"), 2u);
  EXPECT_EQ(ColumnIndex("AA10"), 26u);
  EXPECT_EQ(ColumnIndex("XFD1048576"), 16383u);
  EXPECT_EQ(ColumnIndex("12"), std::nullopt);
  EXPECT_EQ(ColumnIndex("ABCD1"), std::nullopt);
  EXPECT_EQ(ColumnName(0), "A");
  EXPECT_EQ(ColumnName(25), "Z");
  EXPECT_EQ(ColumnName(26), "AA");
  EXPECT_EQ(ColumnName(16383), "XFD");
}

}  // namespace
}  // namespace sen::files
