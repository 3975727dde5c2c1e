// Reading spreadsheets row by row (I2): CSV in any of the encodings Vietnamese offices produce and
// XLSX, both streaming so memory stays flat whatever the file size.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace sen::files {

// A file that cannot be read as a table. The message is for the user: it names the row (and
// column) where it can, e.g. "row 12: a quoted cell is not closed".
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ReadLimits {
  std::uint64_t max_file_bytes = 512ULL << 20;           // the file as uploaded
  std::uint64_t max_uncompressed_bytes = 4ULL << 30;     // XLSX: the sum of the parts we read
  std::uint64_t max_compression_ratio = 200;             // XLSX: per part; beyond it is a zip bomb
  std::size_t max_cell_bytes = 1 << 20;                  // one cell
  std::size_t max_columns = 1000;
};

enum class Format { kCsv, kXlsx };

// One table: the rows of a CSV file or of one XLSX sheet, cells as UTF-8 in NFC.
class TableReader {
 public:
  virtual ~TableReader() = default;
  // The next row; false at the end. Blank rows (every cell empty) are skipped. Throws FileError.
  virtual bool Next(std::vector<std::string>& cells) = 0;
  // The row number of the last row `Next` returned, as the user sees it in Excel (1 is the
  // first row; a CSV record is one row whatever line breaks its cells hold).
  virtual std::uint64_t RowNumber() const = 0;
  // How far through the file, 0..1 (for progress bars).
  virtual double Progress() const = 0;
};

struct OpenOptions {
  ReadLimits limits;
  std::string sheet;  // XLSX: a sheet name; empty for the first sheet
};

// Tells CSV from XLSX by content (not by name) and opens it. Throws FileError for a file over the
// size limit, an empty file, a binary file that is not XLSX ("not a spreadsheet"), a damaged
// XLSX or an unknown sheet.
std::unique_ptr<TableReader> OpenTable(const std::filesystem::path& path, const OpenOptions& options = {});
Format DetectFormat(const std::filesystem::path& path);
// The sheet names of an XLSX file in workbook order; empty for CSV.
std::vector<std::string> SheetNames(const std::filesystem::path& path, const ReadLimits& limits = {});

}  // namespace sen::files
