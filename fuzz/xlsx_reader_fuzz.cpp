// libFuzzer target for the XLSX reader. Input starting with "PK" is taken as a zip file as it
// is; mutations of a zip rarely get past its checksums, so other input is split at NUL bytes
// into the sheet, shared strings, styles and workbook XML of a package built around them.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "files/test_files.h"
#include "files/xlsx_reader.h"
#include "text/fold.h"

namespace {

std::string Package(std::string_view input) {
  std::string parts[4];
  for (auto& part : parts) {
    const auto nul = input.find('\0');
    part = std::string(input.substr(0, nul));
    input = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
  }
  auto entries = sen::files::testing::XlsxEntries({{{"Sheet1", parts[0]}},
                                                   parts[1].empty() ? "<sst/>" : parts[1],
                                                   parts[2].empty() ? "<styleSheet/>" : parts[2]});
  if (!parts[3].empty()) {
    for (auto& [name, content] : entries) {
      if (name == "xl/workbook.xml") content = parts[3];
    }
  }
  return sen::files::testing::MakeZip(entries, true);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string bytes = input.starts_with("PK") ? std::string(input) : Package(input);
  sen::files::OpenOptions options;
  options.limits.max_cell_bytes = 64 << 10;
  options.limits.max_columns = 256;
  options.limits.max_uncompressed_bytes = 64 << 20;
  try {
    auto reader = sen::files::XlsxReader::FromBytes(bytes, options);
    std::vector<std::string> cells;
    std::uint64_t row = 0;
    while (reader->Next(cells)) {
      if (cells.empty() || cells.size() > options.limits.max_columns ||
          reader->RowNumber() <= row) {
        std::abort();
      }
      row = reader->RowNumber();
      for (const auto& cell : cells) {
        if (!sen::text::IsValidUtf8(cell)) std::abort();
      }
    }
  } catch (const sen::files::FileError&) {
  }
  return 0;
}
