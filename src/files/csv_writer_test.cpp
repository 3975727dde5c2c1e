#include "files/csv_writer.h"

#include <gtest/gtest.h>

#include "files/csv_reader.h"
#include "files/formulas.h"
#include "files/test_files.h"

namespace sen::files {
namespace {

TEST(CsvWriter, QuotesOnlyTheCellsThatNeedIt) {
  std::string out;
  CsvWriter writer(out);
  writer.Row(std::vector<std::string>{"plain", "a,b", "say \"hi\"", "two\nlines", " lead", "trail ",
                                      "", "Nguyễn Văn Đức", "0912345678", "a;b"});
  EXPECT_EQ(out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\",\"trail \",,Nguyễn Văn Đức,"
            "0912345678,a;b\r\n");
}

TEST(CsvWriter, PutsAnApostropheBeforeCellsASpreadsheetWouldRunAsFormulas) {
  std::string out;
  CsvWriter writer(out);
  writer.Row(std::vector<std::string>{"=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "\t=1", "a=b"});
  writer.Row(std::vector<std::string>{"+84 912 345 678", "-5", "-1,5", "(028) 3822 1234", "-", "'quoted"});
  EXPECT_EQ(out,
            "'=1+1,'@SUM(A1),'+cmd|' /C calc'!A0,'-2+3,'\t=1,a=b\r\n"
            "+84 912 345 678,-5,\"-1,5\",(028) 3822 1234,-,'quoted\r\n");
}

TEST(CsvWriter, TheApostropheComesOffOnlyAGuardedFormula) {
  EXPECT_EQ(WithoutFormulaGuard("'=1+1"), "=1+1");
  EXPECT_EQ(WithoutFormulaGuard("'-2+3"), "-2+3");
  EXPECT_EQ(WithoutFormulaGuard("'+84 912 345 678"), "'+84 912 345 678");
  EXPECT_EQ(WithoutFormulaGuard("'quoted'"), "'quoted'");
  EXPECT_EQ(WithoutFormulaGuard("'"), "'");
  EXPECT_EQ(WithoutFormulaGuard("=1+1"), "=1+1");
}

TEST(CsvWriter, UsesTheGivenDelimiter) {
  std::string out;
  CsvWriter writer(out, ';');
  writer.Row(std::vector<std::string>{"a;b", "c,d", "cr\r"});
  EXPECT_EQ(out, "\"a;b\";c,d;\"cr\r\"\r\n");
}

TEST(CsvWriter, AppendsToABufferTheCallerDrains) {
  std::string out;
  CsvWriter writer(out);
  writer.Row(std::vector<std::string>{"1"});
  EXPECT_EQ(out, "1\r\n");
  out.clear();
  writer.Row(std::vector<std::string>{"2", "3"});
  EXPECT_EQ(out, "2,3\r\n");
}

TEST(CsvWriter, Utf8BomIsTheByteOrderMark) { EXPECT_EQ(CsvWriter::Utf8Bom(), "\xEF\xBB\xBF"); }

TEST(CsvWriter, NastyCellsRoundTripThroughTheReader) {
  const std::vector<std::vector<std::string>> rows = {
      {"Họ tên", "Điện thoại", "Ghi chú"},
      {"Nguyễn Văn Đức", "0912345678", "said \"call me\", then hung up"},
      {"Trần Thị Hồng", "01689123456", "line one\nline two\r\nline three"},
      {"  spaced  ", "", "trailing comma,"},
      {"\"\"", ",", "x\r"},
      {"Phạm Quỳnh Anh", "912345678", ""},
  };
  std::string out(CsvWriter::Utf8Bom());
  CsvWriter writer(out);
  for (const auto& row : rows) writer.Row(row);

  testing::TempDir dir;
  testing::WriteFile(dir / "export.csv", out);
  CsvReader reader(dir / "export.csv", {});
  EXPECT_EQ(testing::ReadCells(reader), rows);
  EXPECT_EQ(reader.encoding(), TextEncoding::kUtf8);
}

}  // namespace
}  // namespace sen::files
