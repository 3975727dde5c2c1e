#include "files/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files/test_files.h"

namespace sen::files {
namespace {

using ::testing::HasSubstr;
using testing::NumberedRow;
using testing::ReadCells;
using testing::ReadRows;
using testing::TempDir;
using Rows = std::vector<std::vector<std::string>>;

// Most tests read from a real file, as the importer does.
class CsvReaderTest : public ::testing::Test {
 protected:
  std::unique_ptr<CsvReader> Open(std::string_view bytes, const ReadLimits& limits = {}) {
    const auto path = dir_ / fmt::format("f{}.csv", files_++);
    testing::WriteFile(path, bytes);
    return std::make_unique<CsvReader>(path, limits);
  }
  Rows Cells(std::string_view bytes) { return ReadCells(*Open(bytes)); }
  std::string ErrorOf(std::string_view bytes, const ReadLimits& limits = {}) {
    try {
      auto reader = Open(bytes, limits);
      std::vector<std::string> cells;
      while (reader->Next(cells)) {
      }
    } catch (const FileError& e) {
      return e.what();
    }
    return "no error";
  }

  TempDir dir_;
  int files_ = 0;
};

std::string Utf16(std::u16string_view text, bool little_endian) {
  std::string bytes = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t c : text) {
    const char low = static_cast<char>(c & 0xFF);
    const char high = static_cast<char>(c >> 8);
    bytes += little_endian ? std::string{low, high} : std::string{high, low};
  }
  return bytes;
}

TEST_F(CsvReaderTest, ReadsPlainUtf8WithRowNumbers) {
  auto reader = Open("name,phone\nAn,0912345678\nBình,0987654321\n");
  EXPECT_EQ(reader->encoding(), TextEncoding::kUtf8);
  EXPECT_EQ(reader->delimiter(), ',');
  EXPECT_EQ(ReadRows(*reader),
            (std::vector<NumberedRow>{
                {1, {"name", "phone"}}, {2, {"An", "0912345678"}}, {3, {"Bình", "0987654321"}}}));
}

// Rows are numbered as a spreadsheet shows the file: a cell holding line breaks stays in its
// row, and a blank line is an (empty) row of its own.
TEST_F(CsvReaderTest, NumbersRowsAsASpreadsheetDoes) {
  auto reader =
      Open("name,address,phone\nAn,\"12 Lê Lợi\nQuận 1\nTP HCM\",0912345678\n\nBình,,12345\n");
  EXPECT_EQ(ReadRows(*reader),
            (std::vector<NumberedRow>{{1, {"name", "address", "phone"}},
                                      {2, {"An", "12 Lê Lợi\nQuận 1\nTP HCM", "0912345678"}},
                                      {4, {"Bình", "", "12345"}}}));
}

TEST_F(CsvReaderTest, SkipsTheUtf8ByteOrderMark) {
  auto reader = Open("\xEF\xBB\xBFHọ tên,SĐT\r\nNguyễn Văn Đức,0912345678\r\n");
  EXPECT_EQ(reader->encoding(), TextEncoding::kUtf8);
  EXPECT_EQ(ReadCells(*reader), (Rows{{"Họ tên", "SĐT"}, {"Nguyễn Văn Đức", "0912345678"}}));
}

TEST_F(CsvReaderTest, ReadsUtf16LittleEndianWithBom) {
  auto reader = Open(Utf16(u"Họ tên\tSĐT\r\nNguyễn Văn Đức\t0912345678\r\n", true));
  EXPECT_EQ(reader->encoding(), TextEncoding::kUtf16Le);
  EXPECT_EQ(reader->delimiter(), '\t');
  EXPECT_EQ(ReadCells(*reader), (Rows{{"Họ tên", "SĐT"}, {"Nguyễn Văn Đức", "0912345678"}}));
}

TEST_F(CsvReaderTest, ReadsUtf16BigEndianWithBom) {
  auto reader = Open(Utf16(u"Tên,Ghi chú\nTrần Thị Hồng,\"có, dấu phẩy\"\n", false));
  EXPECT_EQ(reader->encoding(), TextEncoding::kUtf16Be);
  EXPECT_EQ(ReadCells(*reader), (Rows{{"Tên", "Ghi chú"}, {"Trần Thị Hồng", "có, dấu phẩy"}}));
}

// Some tools write UTF-16 without the mark (PowerShell's Out-File -Encoding Unicode piped
// through other tools, exports of old call-centre software).
TEST_F(CsvReaderTest, ReadsUtf16WithoutByteOrderMark) {
  const std::u16string text = u"Họ tên\tSĐT\r\nNguyễn Văn Đức\t0912345678\r\nĐặng Thị Ánh\t0987654321\r\n";
  const Rows expected{{"Họ tên", "SĐT"}, {"Nguyễn Văn Đức", "0912345678"}, {"Đặng Thị Ánh", "0987654321"}};
  for (bool little_endian : {true, false}) {
    auto reader = Open(Utf16(text, little_endian).substr(2));
    EXPECT_EQ(reader->encoding(), little_endian ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be);
    EXPECT_EQ(ReadCells(*reader), expected);
  }
}

TEST(CsvEncoding, TellsUtf16WithoutBomOnlyByNulBytesOnOneSideOfTheUnits) {
  EXPECT_EQ(Utf16WithoutBom(std::string("a\0,\0b\0\n\0", 8)), TextEncoding::kUtf16Le);
  EXPECT_EQ(Utf16WithoutBom(std::string("\0a\0,\0b\0\n", 8)), TextEncoding::kUtf16Be);
  EXPECT_EQ(Utf16WithoutBom("name,phone\n"), std::nullopt);                          // no NUL
  EXPECT_EQ(Utf16WithoutBom(std::string("name,phone\n\0\x01\x02", 14)), std::nullopt);  // one NUL
  EXPECT_EQ(Utf16WithoutBom(std::string("a\0\0\0b\0c\0", 8)), std::nullopt);         // U+0000
  EXPECT_EQ(Utf16WithoutBom(std::string("a\0\0b", 4)), std::nullopt);                 // both sides
}

TEST_F(CsvReaderTest, ReadsUtf16SurrogatePairsAcrossChunks) {
  // Rows of 7 UTF-16 units put a 4-byte pair across most 256 KiB chunk boundaries somewhere.
  std::u16string text;
  for (int i = 0; i < 60'000; ++i) text += u"\U0001F600ă,x\n";
  const Rows rows = Cells(Utf16(text, true));
  ASSERT_EQ(rows.size(), 60'000u);
  for (const auto& row : rows) ASSERT_EQ(row, (std::vector<std::string>{"😀ă", "x"}));
}

TEST_F(CsvReaderTest, DecodesWindows1258VietnameseToNfc) {
  // "Nguyễn Văn Đức" as Vietnamese Windows writes it: ê + combining tilde, ư + combining acute.
  auto reader = Open(
      "Ho\xf2 t\xea"
      "n;S\xd0T\r\nNguy\xea\xden V\xe3n \xd0\xfd\xec"
      "c;0912345678\r\n");
  EXPECT_EQ(reader->encoding(), TextEncoding::kWindows1258);
  EXPECT_EQ(reader->delimiter(), ';');
  EXPECT_EQ(ReadCells(*reader), (Rows{{"Họ tên", "SĐT"}, {"Nguyễn Văn Đức", "0912345678"}}));
}

TEST_F(CsvReaderTest, DecodesWindows1252WhenNothingLooksVietnamese) {
  auto reader = Open(
      "Caf\xe9,Cr\xe8me br\xfbl\xe9"
      "e\nM\xfcller,Fran\xe7ois\n");
  EXPECT_EQ(reader->encoding(), TextEncoding::kWindows1252);
  EXPECT_EQ(ReadCells(*reader), (Rows{{"Café", "Crème brûlée"}, {"Müller", "François"}}));
}

TEST_F(CsvReaderTest, QuotedCellsKeepDelimitersQuotesAndLineBreaks) {
  auto reader = Open("id,note\n1,\"a, \"\"b\"\"\nc\"\n2,\"x\r\ny\"\n3,z\n");
  EXPECT_EQ(
      ReadRows(*reader),
      (std::vector<NumberedRow>{
          {1, {"id", "note"}}, {2, {"1", "a, \"b\"\nc"}}, {3, {"2", "x\r\ny"}}, {4, {"3", "z"}}}));
}

TEST_F(CsvReaderTest, TextAfterAClosingQuoteIsKept) {
  EXPECT_EQ(Cells("\"ab\"cd,e\"f\n"), (Rows{{"abcd", "e\"f"}}));
}

TEST_F(CsvReaderTest, CrLfLfAndCrAllEndRows) {
  auto reader = Open("a\r\nb\nc\rd");
  EXPECT_EQ(ReadRows(*reader),
            (std::vector<NumberedRow>{{1, {"a"}}, {2, {"b"}}, {3, {"c"}}, {4, {"d"}}}));
}

TEST_F(CsvReaderTest, BlankLinesAreSkippedButCounted) {
  auto reader = Open("a,b\n\n,\n\r\n\"\",\"\"\nc,d\n\n");
  EXPECT_EQ(ReadRows(*reader), (std::vector<NumberedRow>{{1, {"a", "b"}}, {6, {"c", "d"}}}));
}

TEST_F(CsvReaderTest, TrailingDelimiterGivesATrailingEmptyCell) {
  EXPECT_EQ(Cells("a,b,\nc,,\n"), (Rows{{"a", "b", ""}, {"c", "", ""}}));
}

TEST_F(CsvReaderTest, ShorterRowAfterLongerRowHasItsOwnWidth) {
  EXPECT_EQ(Cells("a,b,c\nd\ne,f\n"), (Rows{{"a", "b", "c"}, {"d"}, {"e", "f"}}));
}

TEST_F(CsvReaderTest, DetectsSemicolonEvenWithCommasInData) {
  auto reader = Open("Họ tên;Điện thoại;Ghi chú\nAn;0912345678;mua 1,5 kg\nBình;0987654321;\n");
  EXPECT_EQ(reader->delimiter(), ';');
  EXPECT_EQ(ReadCells(*reader), (Rows{{"Họ tên", "Điện thoại", "Ghi chú"},
                                      {"An", "0912345678", "mua 1,5 kg"},
                                      {"Bình", "0987654321", ""}}));
}

TEST_F(CsvReaderTest, DetectsTab) {
  auto reader = Open("name\tnote\nAn\ta, b; c\n");
  EXPECT_EQ(reader->delimiter(), '\t');
  EXPECT_EQ(ReadCells(*reader), (Rows{{"name", "note"}, {"An", "a, b; c"}}));
}

TEST(CsvDelimiter, CountsOnlyOutsideQuotes) {
  EXPECT_EQ(DetectDelimiter("\"a;b;c\",d\n\"e;f;g\",h\n"), ',');
  EXPECT_EQ(DetectDelimiter("one column\nonly\n"), ',');
  EXPECT_EQ(DetectDelimiter("a;b"), ';');
}

TEST_F(CsvReaderTest, KeepsPhoneNumbersExactlyAsText) {
  // Excel strips the 0 of 0912345678; pre-2018 mobiles have 11 digits. Both stay as written.
  EXPECT_EQ(Cells("phone\n912345678\n01689123456\n0912345678\n+84 912 345 678\n"),
            (Rows{{"phone"}, {"912345678"}, {"01689123456"}, {"0912345678"}, {"+84 912 345 678"}}));
}

TEST_F(CsvReaderTest, UnclosedQuoteNamesTheRow) {
  EXPECT_THAT(ErrorOf("a,b\n1,2\n3,\"oops\n4,5\n"),
              HasSubstr("row 3: a quoted cell is not closed"));
}

TEST_F(CsvReaderTest, CellOverTheLimitNamesRowAndColumn) {
  ReadLimits limits;
  limits.max_cell_bytes = 10;
  EXPECT_THAT(ErrorOf("a,b\nok,01234567890123456789\n", limits), HasSubstr("row 2, column 2"));
  EXPECT_THAT(ErrorOf("a\n\"0123456789\n0123456789\"\n", limits), HasSubstr("row 2, column 1"));
}

TEST_F(CsvReaderTest, TooManyColumnsNamesTheRow) {
  ReadLimits limits;
  limits.max_columns = 3;
  EXPECT_THAT(ErrorOf("a,b,c\n1,2,3,4\n", limits), HasSubstr("row 2: more than 3 columns"));
}

TEST_F(CsvReaderTest, ReplacesInvalidUtf8AfterTheFirstChunk) {
  std::string bytes;
  while (bytes.size() < (300 << 10)) bytes += "plain ascii,row\n";
  bytes += "Caf\xe9,x\n";
  auto reader = Open(bytes);
  EXPECT_EQ(reader->encoding(), TextEncoding::kUtf8);
  const Rows rows = ReadCells(*reader);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back(), (std::vector<std::string>{"Caf\uFFFD", "x"}));
}

TEST_F(CsvReaderTest, ComposesDecomposedUtf8ToNfc) {
  EXPECT_EQ(Cells("Nguye\xcc\x82\xcc\x83n,Va\xcc\x86n\n"), (Rows{{"Nguyễn", "Văn"}}));
}

TEST_F(CsvReaderTest, ReadsManyChunksWithQuotedCellsAcrossBoundaries) {
  std::string bytes = "id,name,note\n";
  for (int i = 0; i < 40'000; ++i) {
    bytes += std::to_string(i) + ",Trần Thị " + std::to_string(i) + ",\"say \"\"hi\"\"\nline " +
             std::to_string(i) + "\"\r\n";
  }
  auto reader = Open(bytes);
  std::vector<std::string> cells;
  ASSERT_TRUE(reader->Next(cells));
  double progress = reader->Progress();
  for (int i = 0; i < 40'000; ++i) {
    ASSERT_TRUE(reader->Next(cells)) << i;
    ASSERT_EQ(reader->RowNumber(), 2u + static_cast<unsigned>(i));
    ASSERT_EQ(cells, (std::vector<std::string>{std::to_string(i), "Trần Thị " + std::to_string(i),
                                               "say \"hi\"\nline " + std::to_string(i)}));
    ASSERT_GE(reader->Progress(), progress);
    progress = reader->Progress();
  }
  EXPECT_FALSE(reader->Next(cells));
  EXPECT_DOUBLE_EQ(reader->Progress(), 1.0);
}

TEST_F(CsvReaderTest, ChunkBoundariesAnywhereGiveTheSameRows) {
  const std::string utf8 =
      "id,\"note\"\r\n1,\"a \"\"q\"\"\r\nb\"\r2,Nguyễn Văn Đức\n\n3,\"x\"\"\"\r\n4,😀,\r\n5,\"\"\n";
  const std::vector<NumberedRow> expected = {
      {1, {"id", "note"}}, {2, {"1", "a \"q\"\r\nb"}}, {3, {"2", "Nguyễn Văn Đức"}},
      {5, {"3", "x\""}},   {6, {"4", "😀", ""}},        {7, {"5", ""}}};
  const std::string utf16 = Utf16(u"id,note\r\n1,\"\U0001F600\r\n\u0103\"\r\n", true);
  const std::vector<NumberedRow> expected16 = {{1, {"id", "note"}}, {2, {"1", "😀\r\nă"}}};
  for (std::size_t chunk = 4; chunk <= 13; ++chunk) {
    EXPECT_EQ(ReadRows(*CsvReader::FromBytes(utf8, {}, chunk)), expected) << chunk;
    EXPECT_EQ(ReadRows(*CsvReader::FromBytes(utf16, {}, chunk)), expected16) << chunk;
  }
}

TEST_F(CsvReaderTest, ReadsFromMemoryToo) {
  const std::string bytes = "a;b\n1;2\n";
  auto reader = CsvReader::FromBytes(bytes, {});
  EXPECT_EQ(ReadCells(*reader), (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvEncoding, PrefersWindows1258OnlyWhenVietnameseBytesOutnumberForeignOnes) {
  std::size_t bom = 0;
  EXPECT_EQ(DetectEncoding("Tr\xe2\xcc"
                           "n Th\xf2 H\xf4\xcc"
                           "ng",
                           true, bom),
            TextEncoding::kWindows1258);
  EXPECT_EQ(DetectEncoding("S\xe3o Jo\xe3o Fran\xe7"
                           "a M\xfc\xdfller \xe4\xf6",
                           true, bom),
            TextEncoding::kWindows1252);
  EXPECT_EQ(DetectEncoding("caf\xe9", true, bom), TextEncoding::kWindows1252);
  EXPECT_EQ(bom, 0u);
}

TEST(CsvEncoding, ACharacterCutAtTheChunkEndDoesNotMakeUtf8Invalid) {
  std::size_t bom = 0;
  EXPECT_EQ(DetectEncoding("Nguy\xe1\xbb", false, bom), TextEncoding::kUtf8);
  EXPECT_NE(DetectEncoding("Nguy\xe1\xbb", true, bom), TextEncoding::kUtf8);
}

}  // namespace
}  // namespace sen::files
