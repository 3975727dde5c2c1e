// Writing one-sheet .xlsx files (exports, import templates) with libxlsxwriter in constant-memory
// mode: each row goes to a temporary file as it is written, so memory stays flat.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace sen::files {

// What a column's cells are written as. A cell that does not read as its kind is written as
// text: numbers are plain decimals of at most 15 significant digits without a leading zero (so
// "0912345678" stays text), dates "YYYY-MM-DD", date-times "YYYY-MM-DD HH:MM[:SS]".
enum class CellKind { kText, kNumber, kDate, kDateTime };

class XlsxWriter {
 public:
  // Throws FileError when the workbook cannot be created or `sheet_name` is not a valid Excel
  // sheet name (at most 31 characters, none of []:*?/\).
  XlsxWriter(const std::filesystem::path& path, std::string_view sheet_name);
  // Without Close the file is not written.
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // The first row, bold and frozen; columns marked required are filled light orange.
  void Header(const std::vector<std::string>& cells, const std::vector<bool>& required);
  // The kinds of the columns from the first on; the others (and every column without this) are
  // text, so "0912345678" keeps its leading zero.
  void Kinds(std::vector<CellKind> kinds);
  void Row(const std::vector<std::string>& cells);
  // Writes the file. Throws FileError.
  void Close();

 private:
  void Write(std::size_t column, const std::string& cell, lxw_format* format);
  // Writes `cell` as a number or a date when its column's kind says so and it reads as one.
  bool WriteValue(std::size_t column, const std::string& cell);

  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* required_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* date_time_ = nullptr;
  std::vector<CellKind> kinds_;
  std::string tmpdir_;
  std::uint32_t row_ = 0;
  std::vector<std::size_t> widths_;  // widest text per column among the rows measured
};

}  // namespace sen::files
