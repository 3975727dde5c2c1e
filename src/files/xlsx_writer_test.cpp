#include "files/xlsx_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files/table_reader.h"
#include "files/test_files.h"
#include "files/xlsx_reader.h"

namespace sen::files {
namespace {

using ::testing::HasSubstr;
using testing::NumberedRow;
using testing::ReadRows;
using testing::TempDir;

TEST(XlsxWriter, WritesRowsTheReaderReadsBackAsText) {
  TempDir dir;
  const auto path = dir / "export.xlsx";
  XlsxWriter writer(path, "Khách hàng");
  writer.Header({"Họ tên", "Điện thoại", "Ghi chú"}, {true, true, false});
  writer.Row({"Nguyễn Văn Đức", "0912345678", "say \"hi\"\nnext line"});
  writer.Row({"Trần Thị Hồng", "", "1.50"});
  writer.Row({"", "01689123456"});
  writer.Row({"=1+1", "  spaced  ", "<tag> & 'quotes'"});
  writer.Close();

  EXPECT_EQ(SheetNames(path), (std::vector<std::string>{"Khách hàng"}));
  XlsxReader reader(path, {});
  EXPECT_EQ(ReadRows(reader), (std::vector<NumberedRow>{
                                  {1, {"Họ tên", "Điện thoại", "Ghi chú"}},
                                  {2, {"Nguyễn Văn Đức", "0912345678", "say \"hi\"\nnext line"}},
                                  {3, {"Trần Thị Hồng", "", "1.50"}},
                                  {4, {"", "01689123456"}},
                                  {5, {"=1+1", "  spaced  ", "<tag> & 'quotes'"}}}));
}

// Dates, date-times and numbers are Excel's own values, which sort, filter and add up; a cell
// that does not read as one stays text, so nothing it says is lost.
TEST(XlsxWriter, DatesTimesAndNumbersAreValuesWhereTheColumnSaysSo) {
  TempDir dir;
  const auto path = dir / "typed.xlsx";
  XlsxWriter writer(path, "Leads");
  writer.Header({"ID", "Created", "Born", "Score", "Mobile"}, {});
  writer.Kinds({CellKind::kNumber, CellKind::kDateTime, CellKind::kDate, CellKind::kNumber});
  writer.Row({"42", "2026-12-02 09:30", "1990-01-31", "7.25", "0912345678"});
  writer.Row({"0912", "sáng nay", "31/01/1990", "1234567890123456789", ""});
  writer.Row({"", "", "", "-3"});
  writer.Close();

  const std::string sheet = testing::ReadZipEntry(path, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet, HasSubstr(R"(<c r="A2"><v>42</v></c>)"));  // no t="inlineStr": a number
  EXPECT_THAT(sheet, ::testing::ContainsRegex(R"(<c r="B2" s="[0-9]+"><v>46358\.39583)"));
  EXPECT_THAT(sheet, ::testing::ContainsRegex(R"(<c r="C2" s="[0-9]+"><v>32904</v>)"));
  XlsxReader reader(path, {});
  EXPECT_EQ(ReadRows(reader), (std::vector<NumberedRow>{
                                  {1, {"ID", "Created", "Born", "Score", "Mobile"}},
                                  {2, {"42", "2026-12-02 09:30:00", "1990-01-31", "7.25", "0912345678"}},
                                  {3, {"0912", "sáng nay", "31/01/1990", "1234567890123456789"}},
                                  {4, {"", "", "", "-3"}}}));
}

TEST(XlsxWriter, BoldFrozenHeaderWithRequiredColumnsFilledAndColumnWidths) {
  TempDir dir;
  const auto path = dir / "template.xlsx";
  XlsxWriter writer(path, "Leads");
  writer.Header({"Họ tên", "Email"}, {true, false});
  writer.Row({"Nguyễn Văn Đức với một cái tên rất dài", "a@b.vn"});
  writer.Close();

  const std::string sheet = testing::ReadZipEntry(path, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet, HasSubstr(R"(ySplit="1")"));
  EXPECT_THAT(sheet, HasSubstr(R"(state="frozen")"));
  EXPECT_THAT(sheet, HasSubstr("<cols>"));
  EXPECT_THAT(sheet, HasSubstr(R"(t="inlineStr")"));
  const std::string styles = testing::ReadZipEntry(path, "xl/styles.xml");
  EXPECT_THAT(styles, HasSubstr("<b/>"));
  EXPECT_THAT(styles, HasSubstr(R"(rgb="FFFCE4D6")"));
}

TEST(XlsxWriter, CutsCellsAtExcelsLimit) {
  TempDir dir;
  const auto path = dir / "long.xlsx";
  std::string note;
  for (int i = 0; i < 40'000; ++i) note += "ă";
  XlsxWriter writer(path, "Notes");
  writer.Row({note});
  writer.Close();
  XlsxReader reader(path, {});
  std::vector<std::string> cells;
  ASSERT_TRUE(reader.Next(cells));
  EXPECT_EQ(cells[0].size(), 32767u * 2);
}

TEST(XlsxWriter, RefusesAnInvalidSheetName) {
  TempDir dir;
  EXPECT_THROW(XlsxWriter(dir / "a.xlsx", "a/b"), FileError);
  EXPECT_THROW(XlsxWriter(dir / "b.xlsx", std::string(32, 'x')), FileError);
}

TEST(XlsxWriter, WritesNothingWithoutClose) {
  TempDir dir;
  {
    XlsxWriter writer(dir / "abandoned.xlsx", "Leads");
    writer.Row({"a"});
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "abandoned.xlsx"));
}

TEST(XlsxWriter, CloseReportsAnUnwritablePath) {
  TempDir dir;
  XlsxWriter writer(dir / "missing-folder" / "a.xlsx", "Leads");
  writer.Row({"a"});
  EXPECT_THROW(writer.Close(), FileError);
}

}  // namespace
}  // namespace sen::files
