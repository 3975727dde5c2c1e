#include "files/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "files/test_files.h"

namespace sen::files {
namespace {

using ::testing::HasSubstr;
using testing::MakeXlsx;
using testing::NumberedRow;
using testing::ReadCells;
using testing::ReadRows;
using testing::SheetXml;
using testing::TempDir;
using testing::XlsxParts;
using Rows = std::vector<std::vector<std::string>>;

class XlsxReaderTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(std::string_view bytes) {
    const auto path = dir_ / fmt::format("f{}.xlsx", files_++);
    testing::WriteFile(path, bytes);
    return path;
  }
  std::unique_ptr<XlsxReader> Open(const XlsxParts& parts, const OpenOptions& options = {}) {
    return std::make_unique<XlsxReader>(Write(MakeXlsx(parts)), options);
  }
  // One sheet of the given rows, with optional shared strings and styles.
  Rows Cells(std::string_view rows, std::string shared = {}, std::string styles = {},
             bool date1904 = false) {
    auto reader =
        Open({{{"Sheet1", SheetXml(rows)}}, std::move(shared), std::move(styles), date1904});
    return ReadCells(*reader);
  }
  std::string ErrorOf(const std::string& bytes, const OpenOptions& options = {}) {
    try {
      XlsxReader reader(Write(bytes), options);
      std::vector<std::string> cells;
      while (reader.Next(cells)) {
      }
    } catch (const FileError& e) {
      return e.what();
    }
    return "no error";
  }

  TempDir dir_;
  int files_ = 0;
};

TEST_F(XlsxReaderTest, ReadsWhatExcelStyleWritersProduce) {
  // libxlsxwriter's default mode writes shared strings, numbers as numbers and date styles.
  const auto path = dir_ / "excel.xlsx";
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Khách hàng");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format_index(date, 14);
  lxw_format* date_time = workbook_add_format(workbook);
  format_set_num_format(date_time, "dd/mm/yyyy hh:mm");
  worksheet_write_string(sheet, 0, 0, "Họ tên", nullptr);
  worksheet_write_string(sheet, 0, 1, "Điện thoại", nullptr);
  worksheet_write_string(sheet, 0, 2, "Ngày", nullptr);
  worksheet_write_string(sheet, 0, 3, "Lúc", nullptr);
  worksheet_write_string(sheet, 0, 4, "Điểm", nullptr);
  worksheet_write_string(sheet, 0, 5, "VIP", nullptr);
  worksheet_write_string(sheet, 1, 0, "Nguyễn Văn Đức", nullptr);
  worksheet_write_number(sheet, 1, 1, 912345678, nullptr);
  worksheet_write_number(sheet, 1, 2, 45366, date);          // 2024-03-15
  worksheet_write_number(sheet, 1, 3, 45366.75, date_time);  // 18:00
  worksheet_write_number(sheet, 1, 4, 8.5, nullptr);
  worksheet_write_boolean(sheet, 1, 5, 1, nullptr);
  worksheet_write_string(sheet, 3, 0, "Trần Thị Hồng", nullptr);
  worksheet_write_number(sheet, 3, 1, 1689123456, nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  XlsxReader reader(path, {});
  EXPECT_EQ(reader.sheet_name(), "Khách hàng");
  EXPECT_EQ(
      ReadRows(reader),
      (std::vector<NumberedRow>{
          {1, {"Họ tên", "Điện thoại", "Ngày", "Lúc", "Điểm", "VIP"}},
          {2, {"Nguyễn Văn Đức", "912345678", "2024-03-15", "2024-03-15 18:00:00", "8.5", "TRUE"}},
          {4, {"Trần Thị Hồng", "1689123456"}}}));
}

TEST_F(XlsxReaderTest, ReadsInlineStrings) {
  EXPECT_EQ(
      Cells(
          R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Lê Văn Tám</t></is></c>)"
          R"(<c r="B1" t="inlineStr"><is><r><t>0912</t></r><r><rPr><b/></rPr><t>345678</t></r></is></c></row>)"),
      (Rows{{"Lê Văn Tám", "0912345678"}}));
}

TEST_F(XlsxReaderTest, JoinsRichTextRunsAndLeavesOutPhoneticGuides) {
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<si><r><t xml:space="preserve">Nguyễn </t></r><r><rPr><b/></rPr><t>Văn</t></r>)"
      R"(<rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>plain</t></si></sst>)";
  EXPECT_EQ(
      Cells(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)", shared),
      (Rows{{"Nguyễn Văn", "plain"}}));
}

TEST_F(XlsxReaderTest, ComposesDecomposedTextToNfcAndDecodesEscapes) {
  EXPECT_EQ(Cells(R"(<row><c t="inlineStr"><is><t>Nguye&#x302;&#x303;n</t></is></c>)"
                  R"(<c t="s"><v>0</v></c></row>)",
                  testing::SharedStringsXml({"line_x000D_\nbreak _x005F_x0041_"})),
            (Rows{{"Nguyễn", "line\r\nbreak _x0041_"}}));
}

TEST_F(XlsxReaderTest, FillsColumnGapsAndKeepsExcelRowNumbers) {
  auto reader = Open(
      {{{"Sheet1",
         SheetXml(
             R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>)"
             R"(<c r="C1"><v>3</v></c></row>)"
             R"(<row r="3"><c r="B3"><v>2</v></c><c><v>4</v></c></row>)"
             R"(<row r="5"><c r="A5" s="0"/><c r="B5" t="inlineStr"><is><t></t></is></c></row>)"
             R"(<row r="7" spans="1:2"><c r="D7"><v>7</v></c></row>)"
             R"(<row><c><v>8</v></c></row>)")}}});
  EXPECT_EQ(ReadRows(*reader),
            (std::vector<NumberedRow>{
                {1, {"a", "", "3"}}, {3, {"", "2", "4"}}, {7, {"", "", "", "7"}}, {8, {"8"}}}));
}

TEST_F(XlsxReaderTest, FormatsDatesByCellStyle) {
  const std::string styles = testing::StylesXml({0, 14, 22, 164, 165, 166, 167, 168, 169, 21},
                                                {{164, "dd/mm/yyyy"},
                                                 {165, "hh:mm:ss"},
                                                 {166, "#,##0"},
                                                 {167, "[$-42A]d mmmm yyyy"},
                                                 {168, "&quot;tháng&quot; 0"},
                                                 {169, "[h]:mm"}});
  EXPECT_EQ(
      Cells(R"(<row><c s="0"><v>45366</v></c><c s="1"><v>45366</v></c><c s="2"><v>45366.5</v></c>)"
            R"(<c s="3"><v>45366</v></c><c s="4"><v>0.75</v></c><c s="5"><v>45366</v></c>)"
            R"(<c s="6"><v>45366</v></c><c s="7"><v>45366</v></c><c s="8"><v>1.5</v></c>)"
            R"(<c s="9"><v>0.5000000001</v></c><c s="42"><v>45366</v></c></row>)",
            {}, styles),
      (Rows{{"45366", "2024-03-15", "2024-03-15 12:00:00", "2024-03-15", "18:00:00", "45366",
             "2024-03-15", "45366", "12:00:00", "12:00:00", "45366"}}));
}

TEST_F(XlsxReaderTest, MindsThe1900LeapYearBug) {
  const std::string styles = testing::StylesXml({14});
  EXPECT_EQ(Cells(R"(<row><c s="0"><v>1</v></c><c s="0"><v>59</v></c><c s="0"><v>60</v></c>)"
                  R"(<c s="0"><v>61</v></c><c s="0"><v>-1</v></c></row>)",
                  {}, styles),
            (Rows{{"1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01", "-1"}}));
}

TEST_F(XlsxReaderTest, Uses1904DateSystemWhenTheWorkbookSaysSo) {
  const std::string styles = testing::StylesXml({14});
  EXPECT_EQ(Cells(R"(<row><c s="0"><v>0</v></c><c s="0"><v>43904</v></c></row>)", {}, styles, true),
            (Rows{{"1904-01-01", "2024-03-15"}}));
}

TEST_F(XlsxReaderTest, KeepsNumbersAsExcelShowsThem) {
  EXPECT_EQ(
      Cells(R"(<row><c><v>912345678</v></c><c><v>9.12345678E8</v></c><c><v>84912345678</v></c>)"
            R"(<c><v>123456789012345</v></c><c><v>1.5</v></c><c><v>0.30000000000000004</v></c>)"
            R"(<c><v>1E+20</v></c><c><v>-3</v></c><c t="n"><v>0</v></c></row>)"),
      (Rows{{"912345678", "912345678", "84912345678", "123456789012345", "1.5", "0.3", "1E+20",
             "-3", "0"}}));
}

TEST_F(XlsxReaderTest, ReadsBooleansErrorsAndFormulaResults) {
  EXPECT_EQ(Cells(R"(<row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c>)"
                  R"(<c t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c><c><f>1+1</f><v>2</v></c>)"
                  R"(<c t="d"><v>2024-03-15T09:30:00Z</v></c></row>)"),
            (Rows{{"TRUE", "FALSE", "#N/A", "TRUEx", "2", "2024-03-15 09:30:00"}}));
}

TEST_F(XlsxReaderTest, OpensASheetByNameAndListsTheSheets) {
  const XlsxParts parts{
      {{"Khách hàng", SheetXml(R"(<row><c t="inlineStr"><is><t>first</t></is></c></row>)")},
       {"Data", SheetXml(R"(<row><c t="inlineStr"><is><t>second</t></is></c></row>)")}}};
  const auto path = Write(MakeXlsx(parts));
  EXPECT_EQ(XlsxReader::SheetNames(path, {}), (std::vector<std::string>{"Khách hàng", "Data"}));
  EXPECT_EQ(ReadCells(*std::make_unique<XlsxReader>(path, OpenOptions{})), (Rows{{"first"}}));
  EXPECT_EQ(ReadCells(*std::make_unique<XlsxReader>(path, OpenOptions{{}, "Data"})),
            (Rows{{"second"}}));
  EXPECT_THAT(
      ErrorOf(MakeXlsx(parts), OpenOptions{{}, "Leads"}),
      HasSubstr("there is no sheet named \"Leads\"; the sheets are \"Khách hàng\", \"Data\""));
}

TEST_F(XlsxReaderTest, FollowsRelationshipsRatherThanPartNames) {
  const std::string ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const std::string bytes = testing::MakeZip({
      {"_rels/.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="r" Type=")" +
           ns + R"(/officeDocument" Target="/book/main.xml"/></Relationships>)"},
      {"book/main.xml",
       R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r=")" +
           ns +
           R"("><x:sheets><x:sheet name="Chart" sheetId="3" r:id="rC"/>)"
           R"(<x:sheet name="Leads" sheetId="1" r:id="rB"/><x:sheet name="Old" sheetId="2" r:id="rA"/>)"
           R"(</x:sheets></x:workbook>)"},
      {"book/_rels/main.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rA" Type=")" +
           ns +
           R"(/worksheet" Target="sheets/../sheets/a.xml"/>)"
           R"(<Relationship Id="rB" Type=")" +
           ns +
           R"(/worksheet" Target="/book/sheets/B.xml"/>)"
           R"(<Relationship Id="rC" Type=")" +
           ns +
           R"(/chartsheet" Target="charts/c.xml"/>)"
           R"(<Relationship Id="rS" Type=")" +
           ns + R"(/sharedStrings" Target="strings.xml"/></Relationships>)"},
      {"book/sheets/a.xml", SheetXml(R"(<row><c t="s"><v>1</v></c></row>)")},
      {"book/sheets/b.xml",
       R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
       R"(<x:sheetData><x:row x:r="2"><x:c x:r="B2" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>)"},
      {"book/strings.xml", testing::SharedStringsXml({"leads", "old"})},
  });
  const auto path = Write(bytes);
  EXPECT_EQ(XlsxReader::SheetNames(path, {}), (std::vector<std::string>{"Leads", "Old"}));
  XlsxReader first(path, {});
  EXPECT_EQ(ReadRows(first), (std::vector<NumberedRow>{{2, {"", "leads"}}}));
  XlsxReader old(path, {{}, "Old"});
  EXPECT_EQ(ReadCells(old), (Rows{{"old"}}));
}

TEST_F(XlsxReaderTest, RefusesADamagedOrTruncatedZip) {
  const std::string bytes = MakeXlsx({{{"Sheet1", SheetXml("<row><c><v>1</v></c></row>")}}});
  EXPECT_THAT(ErrorOf(bytes.substr(0, bytes.size() / 2)), HasSubstr("not a valid .xlsx file"));
  EXPECT_THAT(ErrorOf("PK\x03\x04 not really a zip"), HasSubstr("not a valid .xlsx file"));
}

TEST_F(XlsxReaderTest, RefusesAZipWithoutAWorkbook) {
  EXPECT_THAT(ErrorOf(testing::MakeZip({{"hello.txt", "hi"}})),
              HasSubstr("not a valid .xlsx file: the workbook is missing"));
}

TEST_F(XlsxReaderTest, RefusesDamagedXml) {
  EXPECT_THAT(ErrorOf(MakeXlsx({{{"Sheet1", SheetXml("<row><c><v>1</v></row>")}}})),
              HasSubstr("not a valid .xlsx file: the part xl/worksheets/sheet1.xml is damaged"));
}

TEST_F(XlsxReaderTest, RefusesDocumentTypeDeclarations) {
  const std::string laughs =
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>)"
      R"(<worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>)";
  EXPECT_THAT(ErrorOf(MakeXlsx({{{"Sheet1", laughs}}})), HasSubstr("declares a DTD"));
}

TEST_F(XlsxReaderTest, CellAndColumnLimitsNameTheRow) {
  OpenOptions options;
  options.limits.max_columns = 1000;
  EXPECT_THAT(
      ErrorOf(MakeXlsx({{{"Sheet1", SheetXml(R"(<row r="4"><c r="XFD4"><v>1</v></c></row>)")}}}),
              options),
      HasSubstr("row 4: more than 1000 columns"));
  options.limits.max_cell_bytes = 5;
  EXPECT_THAT(
      ErrorOf(
          MakeXlsx(
              {{{"Sheet1",
                 SheetXml(
                     R"(<row r="2"><c r="C2" t="inlineStr"><is><t>too long</t></is></c></row>)")}}}),
          options),
      HasSubstr("row 2, column C: the cell is longer than 5 bytes"));
}

TEST_F(XlsxReaderTest, AMissingSharedStringNamesTheCell) {
  EXPECT_THAT(
      ErrorOf(MakeXlsx({{{"Sheet1", SheetXml(R"(<row r="3"><c r="B3" t="s"><v>7</v></c></row>)")}},
                        testing::SharedStringsXml({"only one"})})),
      HasSubstr("row 3, column B: the cell refers to a missing shared string"));
}

TEST_F(XlsxReaderTest, StreamsALargeSheetWithProgress) {
  std::string rows;
  for (int i = 1; i <= 30'000; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c t=\"inlineStr\"><is><t>Lead " +
            std::to_string(i) + "</t></is></c><c><v>" + std::to_string(900000000 + i) +
            "</v></c></row>";
  }
  auto reader = Open({{{"Sheet1", SheetXml(rows)}}});
  std::vector<std::string> cells;
  double progress = 0;
  for (int i = 1; i <= 30'000; ++i) {
    ASSERT_TRUE(reader->Next(cells));
    ASSERT_EQ(reader->RowNumber(), static_cast<std::uint64_t>(i));
    ASSERT_EQ(cells, (std::vector<std::string>{"Lead " + std::to_string(i),
                                               std::to_string(900000000 + i)}));
    ASSERT_GE(reader->Progress(), progress);
    progress = reader->Progress();
    if (i == 15'000) {
      EXPECT_GT(progress, 0.3);
      EXPECT_LT(progress, 0.7);
    }
  }
  EXPECT_FALSE(reader->Next(cells));
  EXPECT_DOUBLE_EQ(reader->Progress(), 1.0);
}

TEST_F(XlsxReaderTest, ReadsFromMemoryToo) {
  const std::string bytes = MakeXlsx({{{"Sheet1", SheetXml(R"(<row><c><v>1</v></c></row>)")}}});
  EXPECT_EQ(XlsxReader::SheetNamesFromBytes(bytes, {}), (std::vector<std::string>{"Sheet1"}));
  EXPECT_EQ(ReadCells(*XlsxReader::FromBytes(bytes, {})), (Rows{{"1"}}));
}

// A worksheet padded with 50 MB of white space deflates about 1000:1.
class XlsxZipBombTest : public XlsxReaderTest {
 protected:
  static void SetUpTestSuite() {
    std::string sheet = SheetXml(R"(<row><c><v>1</v></c></row>)");
    sheet.insert(sheet.find("<sheetData>"), std::string(50 << 20, ' '));
    bomb_ = new std::string(MakeXlsx({{{"Sheet1", sheet}}}));
  }
  static void TearDownTestSuite() { delete bomb_; }
  static std::string* bomb_;
};
std::string* XlsxZipBombTest::bomb_ = nullptr;

TEST_F(XlsxZipBombTest, RefusesAPartBeyondTheCompressionRatio) {
  EXPECT_LT(bomb_->size(), 1u << 20);
  EXPECT_THAT(ErrorOf(*bomb_),
              HasSubstr("the file looks like a zip bomb: its part xl/worksheets/sheet1.xml"));
}

TEST_F(XlsxZipBombTest, RefusesAPartBeyondTheUncompressedLimit) {
  OpenOptions options;
  options.limits.max_compression_ratio = 1'000'000;
  options.limits.max_uncompressed_bytes = 10 << 20;
  EXPECT_THAT(ErrorOf(*bomb_, options), HasSubstr("zip bomb: its part xl/worksheets/sheet1.xml"));
  options.limits.max_uncompressed_bytes = 100 << 20;
  EXPECT_EQ(ReadCells(*XlsxReader::FromBytes(*bomb_, options)), (Rows{{"1"}}));
}

TEST_F(XlsxZipBombTest, CountsInflatedBytesRatherThanTrustTheHeaders) {
  // Claim 1,000 bytes in both the local and the central header of the sheet.
  std::string bytes = *bomb_;
  const std::string name = "xl/worksheets/sheet1.xml";
  std::size_t patched = 0;
  for (auto at = bytes.find(name); at != std::string::npos; at = bytes.find(name, at + 1)) {
    const bool central = at >= 46 && bytes.compare(at - 46, 4, "PK\x01\x02") == 0;
    const bool local = at >= 30 && bytes.compare(at - 30, 4, "PK\x03\x04") == 0;
    if (!central && !local) continue;
    const std::size_t size_field = central ? at - 46 + 24 : at - 30 + 22;
    const char claimed[4] = {'\xE8', '\x03', 0, 0};
    bytes.replace(size_field, 4, claimed, 4);
    ++patched;
  }
  ASSERT_EQ(patched, 2u);
  EXPECT_THAT(ErrorOf(bytes), HasSubstr("zip bomb"));
}

}  // namespace
}  // namespace sen::files
