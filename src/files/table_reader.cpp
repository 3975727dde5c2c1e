// Formats are told apart by content: uploads arrive with whatever name the user's browser gave.
#include "files/table_reader.h"

#include <fmt/format.h>

#include <array>
#include <fstream>

#include "files/csv_reader.h"
#include "files/xlsx_reader.h"

namespace sen::files {

namespace {

constexpr std::size_t kSniffBytes = 4096;

struct Signature {
  std::string_view magic;
  std::string_view what;
};

// Files people pick by mistake. Old .xls and password-protected workbooks are both OLE2 files.
constexpr std::array<Signature, 8> kNotSpreadsheets = {{
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
     "old Excel .xls files (and password-protected workbooks) are not supported; save as .xlsx or "
     ".csv"},
    {"%PDF", "this is a PDF document"},
    {"\x89PNG", "this is a PNG image"},
    {"\xFF\xD8\xFF", "this is a JPEG image"},
    {"GIF8", "this is a GIF image"},
    {"\x1F\x8B", "this is a gzip archive"},
    {"Rar!", "this is a RAR archive"},
    {"7z\xBC\xAF\x27\x1C", "this is a 7-Zip archive"},
}};

std::string Head(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError("cannot open the file");
  std::string head(kSniffBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

std::uint64_t SizeOf(const std::filesystem::path& path) {
  std::error_code error;
  const std::uint64_t size = std::filesystem::file_size(path, error);
  if (error) throw FileError("cannot open the file");
  return size;
}

}  // namespace

Format DetectFormat(const std::filesystem::path& path) {
  const std::string head = Head(path);
  if (head.empty()) throw FileError("the file is empty");
  if (head.starts_with("PK\x03\x04")) return Format::kXlsx;
  for (const auto& signature : kNotSpreadsheets) {
    if (head.starts_with(signature.magic)) {
      throw FileError(fmt::format("not a spreadsheet: {}", signature.what));
    }
  }
  // Text in UTF-16 is full of NUL bytes; anything else with them is binary.
  const bool utf16 = head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") || Utf16WithoutBom(head);
  if (!utf16 && head.find('\0') != std::string::npos) {
    throw FileError(
        "not a spreadsheet: the file holds binary data, not a table (use .xlsx or .csv)");
  }
  return Format::kCsv;
}

std::unique_ptr<TableReader> OpenTable(const std::filesystem::path& path,
                                       const OpenOptions& options) {
  const std::uint64_t size = SizeOf(path);
  if (size > options.limits.max_file_bytes) {
    const std::uint64_t limit = options.limits.max_file_bytes;
    throw FileError(limit >= (1 << 20)
                        ? fmt::format("the file is larger than the limit of {} MB", limit >> 20)
                        : fmt::format("the file is larger than the limit of {} KB", limit >> 10));
  }
  if (DetectFormat(path) == Format::kXlsx) return std::make_unique<XlsxReader>(path, options);
  return std::make_unique<CsvReader>(path, options.limits);
}

std::vector<std::string> SheetNames(const std::filesystem::path& path, const ReadLimits& limits) {
  if (DetectFormat(path) != Format::kXlsx) return {};
  return XlsxReader::SheetNames(path, limits);
}

}  // namespace sen::files
