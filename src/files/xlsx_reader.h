// A streaming reader of one sheet of an .xlsx file (libzip + expat): the sheet's XML is inflated
// and parsed a chunk at a time, so memory holds the shared strings and a few rows, not the sheet.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "files/table_reader.h"

namespace sen::files {

class ZipArchive;

class XlsxReader final : public TableReader {
 public:
  // Opens options.sheet, or the first sheet when it is empty. Throws FileError for a damaged
  // file, a zip bomb, or a sheet name the workbook does not have (the message lists those it has).
  XlsxReader(const std::filesystem::path& path, const OpenOptions& options);
  // Bytes held in memory, which must outlive the reader (tests, fuzzing).
  static std::unique_ptr<XlsxReader> FromBytes(std::string_view bytes, const OpenOptions& options);
  ~XlsxReader() override;

  bool Next(std::vector<std::string>& cells) override;
  std::uint64_t RowNumber() const override { return row_number_; }
  double Progress() const override;

  const std::string& sheet_name() const { return sheet_name_; }

  // The worksheets' names in workbook order.
  static std::vector<std::string> SheetNames(const std::filesystem::path& path,
                                             const ReadLimits& limits);
  static std::vector<std::string> SheetNamesFromBytes(std::string_view bytes,
                                                      const ReadLimits& limits);

 private:
  struct State;

  XlsxReader(std::unique_ptr<ZipArchive> archive, const OpenOptions& options);

  std::unique_ptr<State> state_;
  std::string sheet_name_;
  std::uint64_t row_number_ = 0;
};

}  // namespace sen::files
