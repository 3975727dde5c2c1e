// The parts of an .xlsx package a reader needs before the sheet: which sheets there are and
// where (workbook.xml and its relationships), shared strings, and which cell styles are dates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "files/excel_values.h"
#include "files/zip_archive.h"

namespace sen::files {

struct XlsxSheet {
  std::string name;
  std::string part;  // e.g. "xl/worksheets/sheet1.xml"
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;    // worksheets in workbook order (chart sheets left out)
  std::string shared_strings_part;  // empty when there is none
  std::string styles_part;          // empty when there is none
  bool date1904 = false;
};

// Follows the package's relationships (_rels/.rels, then the workbook's) rather than assuming
// part names. Throws FileError("not a valid .xlsx file ...") without a workbook.
XlsxWorkbook ReadWorkbook(ZipArchive& archive);

// The table of shared strings, in NFC, held in one buffer.
class SharedStrings {
 public:
  void Load(ZipArchive& archive, std::string_view part, std::size_t max_string_bytes);
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  void Add(std::string_view s) {
    text_.append(s);
    ends_.push_back(text_.size());
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

// What each cell style (the s="N" of a cell, an index into cellXfs) shows of a number.
std::vector<DateKind> ReadCellStyles(ZipArchive& archive, std::string_view part);

// Resolves a relationship target against the folder of the part that holds the relationship:
// ("xl/", "worksheets/sheet1.xml") -> "xl/worksheets/sheet1.xml"; "/xl/a.xml" is absolute.
std::string ResolvePartName(std::string_view folder, std::string_view target);

}  // namespace sen::files
