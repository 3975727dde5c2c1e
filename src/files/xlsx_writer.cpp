// libxlsxwriter writes a worksheet's column widths and frozen panes when the workbook closes,
// so widths can be measured from the rows first.
#include "files/xlsx_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>

#include "files/table_reader.h"
#include "text/fold.h"

namespace sen::files {

namespace {

constexpr std::uint32_t kMeasuredRows = 200;
constexpr std::size_t kMinWidth = 8;
constexpr std::size_t kMaxWidth = 60;
constexpr std::size_t kMaxCellChars = 32767;  // Excel's limit for the text of one cell
constexpr lxw_color_t kLightOrange = 0xFCE4D6;

// The longest prefix of `cell` with at most kMaxCellChars characters.
std::string_view FitCell(const std::string& cell) {
  if (cell.size() <= kMaxCellChars) return cell;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if ((cell[i] & 0xC0) != 0x80 && chars++ == kMaxCellChars) {
      return std::string_view(cell).substr(0, i);
    }
  }
  return cell;
}

}  // namespace

XlsxWriter::XlsxWriter(const std::filesystem::path& path, std::string_view sheet_name)
    : tmpdir_(std::filesystem::temp_directory_path().string()) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir_.data();
  workbook_ = workbook_new_opt(path.c_str(), &options);
  if (workbook_ == nullptr) throw FileError("cannot create the .xlsx file");
  const std::string name(sheet_name);
  if (workbook_validate_sheet_name(workbook_, name.c_str()) != LXW_NO_ERROR ||
      (sheet_ = workbook_add_worksheet(workbook_, name.c_str())) == nullptr) {
    lxw_workbook_free(workbook_);
    throw FileError(fmt::format("\"{}\" cannot be the name of a sheet", name));
  }
  header_ = workbook_add_format(workbook_);
  format_set_bold(header_);
  required_ = workbook_add_format(workbook_);
  format_set_bold(required_);
  format_set_pattern(required_, LXW_PATTERN_SOLID);
  format_set_bg_color(required_, kLightOrange);
}

XlsxWriter::~XlsxWriter() {
  if (workbook_ != nullptr) lxw_workbook_free(workbook_);
}

void XlsxWriter::Write(std::size_t column, const std::string& cell, lxw_format* format) {
  if (cell.empty() && format == nullptr) return;
  if (column >= LXW_COL_MAX) throw FileError(fmt::format("more than {} columns", LXW_COL_MAX));
  if (column >= widths_.size()) widths_.resize(column + 1, 0);
  const std::string_view text = FitCell(cell);
  if (row_ < kMeasuredRows) widths_[column] = std::max(widths_[column], text::Utf8Length(text));
  // Long notes are cut at Excel's limit: an export should not fail for one of them.
  std::string truncated;
  const char* value = cell.c_str();
  if (text.size() < cell.size()) {
    truncated.assign(text);
    value = truncated.c_str();
  }
  const lxw_error error =
      worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(column), value, format);
  if (error != LXW_NO_ERROR) {
    throw FileError(fmt::format("cannot write the .xlsx file: {}", lxw_strerror(error)));
  }
}

void XlsxWriter::Header(const std::vector<std::string>& cells, const std::vector<bool>& required) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    Write(i, cells[i], i < required.size() && required[i] ? required_ : header_);
  }
  worksheet_freeze_panes(sheet_, row_ + 1, 0);
  ++row_;
}

void XlsxWriter::Row(const std::vector<std::string>& cells) {
  if (row_ >= LXW_ROW_MAX) {
    throw FileError(fmt::format("more than {} rows: Excel cannot hold them", LXW_ROW_MAX));
  }
  for (std::size_t i = 0; i < cells.size(); ++i) Write(i, cells[i], nullptr);
  ++row_;
}

void XlsxWriter::Close() {
  for (std::size_t i = 0; i < widths_.size(); ++i) {
    const double width = static_cast<double>(std::clamp(widths_[i] + 2, kMinWidth, kMaxWidth));
    worksheet_set_column(sheet_, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), width,
                         nullptr);
  }
  const lxw_error error = workbook_close(workbook_);
  workbook_ = nullptr;  // closed or not, workbook_close has freed it
  if (error != LXW_NO_ERROR) {
    throw FileError(fmt::format("cannot write the .xlsx file: {}", lxw_strerror(error)));
  }
}

}  // namespace sen::files
