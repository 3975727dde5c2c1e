// libFuzzer target: any bytes as a CSV file, read to the end, once in one chunk and once in
// chunks of a few bytes. Besides crashes and sanitizer reports it stops on broken promises:
// cells not well-formed UTF-8, rows out of order, or rows that depend on where chunks end.
#include <cstdint>
#include <cstdlib>

#include "files/csv_reader.h"
#include "files/test_files.h"
#include "text/fold.h"

namespace {

struct Outcome {
  std::vector<sen::files::testing::NumberedRow> rows;
  std::string error;
  bool operator==(const Outcome&) const = default;
};

Outcome Read(sen::files::CsvReader& reader, const sen::files::ReadLimits& limits) {
  Outcome outcome;
  try {
    std::vector<std::string> cells;
    std::uint64_t row = 0;
    while (reader.Next(cells)) {
      if (cells.empty() || cells.size() > limits.max_columns || reader.RowNumber() <= row) {
        std::abort();
      }
      if (reader.Progress() < 0 || reader.Progress() > 1) std::abort();
      row = reader.RowNumber();
      for (const auto& cell : cells) {
        if (!sen::text::IsValidUtf8(cell)) std::abort();
      }
      outcome.rows.push_back({row, cells});
    }
  } catch (const sen::files::FileError& e) {
    outcome.error = e.what();
  }
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the small chunk size; the rest is the file.
  const std::size_t chunk = 4 + data[0] % 16;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  sen::files::ReadLimits limits;
  limits.max_cell_bytes = 4 << 10;
  limits.max_columns = 64;
  auto whole = sen::files::CsvReader::FromBytes(bytes, limits);
  auto chunked = sen::files::CsvReader::FromBytes(bytes, limits, chunk);
  const Outcome expected = Read(*whole, limits);
  const Outcome got = Read(*chunked, limits);
  // The encoding and the delimiter are guessed from the first chunk, so only readers that
  // guessed alike must agree.
  if (whole->encoding() == chunked->encoding() && whole->delimiter() == chunked->delimiter() &&
      !(expected == got)) {
    std::abort();
  }
  return 0;
}
