#include "files/table_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files/test_files.h"

namespace sen::files {
namespace {

using ::testing::HasSubstr;
using testing::ReadCells;
using testing::SheetXml;
using testing::TempDir;
using Rows = std::vector<std::vector<std::string>>;

class OpenTableTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(std::string_view name, std::string_view bytes) {
    const auto path = dir_ / name;
    testing::WriteFile(path, bytes);
    return path;
  }
  std::string ErrorOf(const std::filesystem::path& path, const OpenOptions& options = {}) {
    try {
      OpenTable(path, options);
    } catch (const FileError& e) {
      return e.what();
    }
    return "no error";
  }

  TempDir dir_;
};

TEST_F(OpenTableTest, TellsXlsxByContentNotByName) {
  const auto path =
      Write("leads.csv",
            testing::MakeXlsx(
                {{{"Leads", SheetXml(R"(<row><c t="inlineStr"><is><t>An</t></is></c></row>)")}}}));
  EXPECT_EQ(DetectFormat(path), Format::kXlsx);
  EXPECT_EQ(SheetNames(path), (std::vector<std::string>{"Leads"}));
  EXPECT_EQ(ReadCells(*OpenTable(path)), (Rows{{"An"}}));
}

TEST_F(OpenTableTest, TellsCsvByContentNotByName) {
  const auto path = Write("leads.xlsx", "name;phone\nAn;0912345678\n");
  EXPECT_EQ(DetectFormat(path), Format::kCsv);
  EXPECT_TRUE(SheetNames(path).empty());
  EXPECT_EQ(ReadCells(*OpenTable(path)), (Rows{{"name", "phone"}, {"An", "0912345678"}}));
}

TEST_F(OpenTableTest, AcceptsUtf16CsvDespiteItsNulBytes) {
  const auto path = Write("utf16.csv", std::string("\xFF\xFE"
                                                   "a\0,\0b\0\n\0",
                                                   10));
  EXPECT_EQ(DetectFormat(path), Format::kCsv);
  EXPECT_EQ(ReadCells(*OpenTable(path)), (Rows{{"a", "b"}}));
  const auto bare = Write("utf16-without-bom.csv", std::string("a\0,\0b\0\n\0", 8));
  EXPECT_EQ(DetectFormat(bare), Format::kCsv);
  EXPECT_EQ(ReadCells(*OpenTable(bare)), (Rows{{"a", "b"}}));
}

TEST_F(OpenTableTest, RefusesAnEmptyFile) {
  EXPECT_THAT(ErrorOf(Write("empty.csv", "")), HasSubstr("the file is empty"));
}

TEST_F(OpenTableTest, RefusesOldExcelFilesWithAHint) {
  const auto path = Write("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12));
  EXPECT_THAT(ErrorOf(path), HasSubstr("not a spreadsheet: old Excel .xls files"));
  EXPECT_THAT(ErrorOf(path), HasSubstr("save as .xlsx or .csv"));
}

TEST_F(OpenTableTest, RefusesPdfsAndOtherBinaryFiles) {
  EXPECT_THAT(ErrorOf(Write("a.pdf", "%PDF-1.7\n...")),
              HasSubstr("not a spreadsheet: this is a PDF"));
  EXPECT_THAT(ErrorOf(Write("a.png", "\x89PNG\r\n\x1a\n")), HasSubstr("not a spreadsheet"));
  EXPECT_THAT(ErrorOf(Write("a.bin", std::string("name,phone\n\0\x01\x02", 14))),
              HasSubstr("not a spreadsheet"));
}

TEST_F(OpenTableTest, RefusesAFileOverTheSizeLimitNamingIt) {
  OpenOptions options;
  options.limits.max_file_bytes = 1 << 20;
  const auto path = Write("big.csv", std::string((1 << 20) + 1, 'a'));
  EXPECT_THAT(ErrorOf(path, options), HasSubstr("larger than the limit of 1 MB"));
  options.limits.max_file_bytes = 2 << 20;
  EXPECT_EQ(ErrorOf(path, options), "no error");
}

TEST_F(OpenTableTest, AnUnknownSheetListsTheSheets) {
  const auto path =
      Write("two.xlsx", testing::MakeXlsx({{{"Một", SheetXml("")}, {"Hai", SheetXml("")}}}));
  EXPECT_THAT(ErrorOf(path, OpenOptions{{}, "Ba"}), HasSubstr("\"Một\", \"Hai\""));
}

}  // namespace
}  // namespace sen::files
