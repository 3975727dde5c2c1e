// Writes the seed corpora of the fuzz targets into <dir>/seeds/<target>/ (and makes the empty
// <dir>/corpus/<target>/ libFuzzer adds to): small files that reach each branch of the readers.
#include <iostream>
#include <string>
#include <vector>

#include "files/test_files.h"

namespace {

using sen::files::testing::SheetXml;
using sen::files::testing::StylesXml;
using sen::files::testing::WriteFile;

// A string literal's bytes, NULs included.
template <std::size_t N>
std::string Bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

const std::vector<std::string> kCsvSeeds = {
    "name,phone\nAn,0912345678\nB\xc3\xacnh,0987654321\n",
    "\xEF\xBB\xBFH\xe1\xbb\x8d t\xc3\xaan;S\xc4\x90T\r\nNguy\xe1\xbb\x85n;0912345678\r\n",
    Bytes("\xFF\xFE"
          "a\0\t\0b\0\r\0\n\0=\xd8\x00\xde\t\0x\0"),
    Bytes("\xFE\xFF\0a\0,\0\"\0b\0\"\0\n"),
    "Nguy\xea\xden V\xe3n \xd0\xfd\xec"
    "c;0912345678\r\n",
    "Caf\xe9,Cr\xe8me br\xfbl\xe9"
    "e\n",
    "id,note\n1,\"a, \"\"b\"\"\nc\"\n2,\"x\r\ny\"\n3,z",
    "a,b\n\n,\n\r\n\"\",\"\"\nc,d,\n",
    "\"ab\"cd,e\"f\rg\th;i\n",
    "a,b\n1,\"unclosed\n2,3\n",
    "Nguye\xcc\x82\xcc\x83n,\xff\xfe\xc3(\n",
};

std::vector<std::string> XlsxPartSeeds() {
  // Sheet, shared strings, styles and workbook XML separated by NUL bytes (see the fuzz target).
  const std::string nul(1, '\0');
  const std::string styles = StylesXml({0, 14, 22, 164}, {{164, "[$-42A]dd/mm/yyyy hh:mm"}});
  return {
      SheetXml(
          R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>a</t></r><rPh><t>x</t></rPh></is></c></row>)"
          R"(<row r="4"><c r="B4" s="1"><v>45366.5</v></c><c s="2"><v>60</v></c><c s="3"><v>1.5E3</v></c>)"
          R"(<c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>x_x000D_</v></c>)"
          R"(<c t="d"><v>2024-03-15T09:30:00Z</v></c></row>)") +
          nul + sen::files::testing::SharedStringsXml({"Nguye\xcc\x82\xcc\x83n", "b"}) + nul +
          styles,
      SheetXml(R"(<row><c><v>1</v></c></row><row r="2"><c r="XFD2"><v>2</v></c></row>)") + nul +
          nul + nul +
          R"(<workbook xmlns:r="r"><workbookPr date1904="true"/><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>)",
      R"(<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>)",
  };
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sen_fuzz_seeds <fuzz build dir>\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  for (const char* target : {"csv_reader", "xlsx_reader"}) {
    std::filesystem::create_directories(dir / "seeds" / target);
    std::filesystem::create_directories(dir / "corpus" / target);
  }
  int n = 0;
  // The CSV target takes its chunk size from the first byte.
  for (const auto& seed : kCsvSeeds) {
    WriteFile(dir / "seeds/csv_reader" / std::to_string(n++), "\x01" + seed);
    WriteFile(dir / "seeds/csv_reader" / std::to_string(n++), "\x0a" + seed);
  }
  n = 0;
  for (const auto& seed : XlsxPartSeeds())
    WriteFile(dir / "seeds/xlsx_reader" / std::to_string(n++), seed);
  WriteFile(
      dir / "seeds/xlsx_reader/package.xlsx",
      sen::files::testing::MakeXlsx(
          {{{"Leads", SheetXml(R"(<row><c t="s"><v>0</v></c><c s="1"><v>45366</v></c></row>)")},
            {"Two", SheetXml("")}},
           sen::files::testing::SharedStringsXml({"An"}),
           StylesXml({0, 14})}));
  return 0;
}
