// libxlsxwriter writes a worksheet's column widths and frozen panes when the workbook closes,
// so widths can be measured from the rows first.
#include "files/xlsx_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "core/clock.h"
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

void ThrowIfFailed(lxw_error error) {
  if (error != LXW_NO_ERROR) {
    throw FileError(fmt::format("cannot write the .xlsx file: {}", lxw_strerror(error)));
  }
}

bool ReadInt(std::string_view text, int& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Excel's serial number of "YYYY-MM-DD" (days since 1899-12-30), and with `with_time` of
// "YYYY-MM-DD HH:MM[:SS]" (the time of day as its fraction).
std::optional<double> ReadSerialDate(std::string_view text, bool with_time) {
  if (text.size() != (with_time ? 16u : 10u) && !(with_time && text.size() == 19)) return std::nullopt;
  const auto midnight = ParseDate(text.substr(0, 10));
  if (!midnight) return std::nullopt;
  constexpr double kUnixEpochSerial = 25569;  // 1970-01-01
  const double serial = kUnixEpochSerial + static_cast<double>(*midnight / 86'400'000);
  if (serial < 1) return std::nullopt;  // before 1900: Excel shows no such date
  if (!with_time) return serial;
  int hour = 0, minute = 0, second = 0;
  if (text[10] != ' ' || text[13] != ':' || !ReadInt(text.substr(11, 2), hour) ||
      !ReadInt(text.substr(14, 2), minute) ||
      (text.size() == 19 && (text[16] != ':' || !ReadInt(text.substr(17, 2), second))) ||
      std::min({hour, minute, second}) < 0 || hour > 23 || minute > 59 || second > 59) {
    return std::nullopt;
  }
  return serial + (hour * 3600 + minute * 60 + second) / 86'400.0;
}

// A plain decimal ("42", "-3", "7.25") that a double holds exactly as written: at most 15
// significant digits and no leading zero before other digits.
std::optional<double> ReadNumber(std::string_view text) {
  const std::string_view digits = text.substr(!text.empty() && text[0] == '-');
  if (digits.empty() || digits.size() > 16 || !std::isdigit(static_cast<unsigned char>(digits.front())) ||
      (digits.size() > 1 && digits[0] == '0' && digits[1] != '.')) {
    return std::nullopt;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  const auto significant = std::count_if(digits.begin(), digits.end(), [](char c) { return c != '.'; });
  if (significant > 15) return std::nullopt;
  return value;
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
  date_ = workbook_add_format(workbook_);
  format_set_num_format(date_, "yyyy-mm-dd");
  date_time_ = workbook_add_format(workbook_);
  format_set_num_format(date_time_, "yyyy-mm-dd hh:mm");
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
  if (format == nullptr && column < kinds_.size() && WriteValue(column, cell)) return;
  // Long notes are cut at Excel's limit: an export should not fail for one of them.
  std::string truncated;
  const char* value = cell.c_str();
  if (text.size() < cell.size()) {
    truncated.assign(text);
    value = truncated.c_str();
  }
  ThrowIfFailed(worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(column), value, format));
}

void XlsxWriter::Header(const std::vector<std::string>& cells, const std::vector<bool>& required) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    Write(i, cells[i], i < required.size() && required[i] ? required_ : header_);
  }
  worksheet_freeze_panes(sheet_, row_ + 1, 0);
  ++row_;
}

bool XlsxWriter::WriteValue(std::size_t column, const std::string& cell) {
  const auto col = static_cast<lxw_col_t>(column);
  lxw_error error = LXW_NO_ERROR;
  switch (kinds_[column]) {
    case CellKind::kText:
      return false;
    case CellKind::kNumber: {
      const auto number = ReadNumber(cell);
      if (!number) return false;
      error = worksheet_write_number(sheet_, row_, col, *number, nullptr);
      break;
    }
    case CellKind::kDate:
    case CellKind::kDateTime: {
      const bool with_time = kinds_[column] == CellKind::kDateTime;
      const auto serial = ReadSerialDate(cell, with_time);
      if (!serial) return false;
      error = worksheet_write_number(sheet_, row_, col, *serial, with_time ? date_time_ : date_);
      break;
    }
  }
  ThrowIfFailed(error);
  return true;
}

void XlsxWriter::Kinds(std::vector<CellKind> kinds) { kinds_ = std::move(kinds); }

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
  ThrowIfFailed(error);
}

}  // namespace sen::files
