// Writing CSV (RFC 4180, CRLF) into a buffer the caller drains, for exports streamed in chunks.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace sen::files {

class CsvWriter {
 public:
  // Rows are appended to `out`; the caller sends and clears it as it likes.
  explicit CsvWriter(std::string& out, char delimiter = ',') : out_(out), delimiter_(delimiter) {}

  // Quotes a cell when it holds the delimiter, a quote or a line break, or starts or ends with
  // white space (which spreadsheets would otherwise trim); puts an apostrophe before a cell that
  // a spreadsheet would run as a formula (see formulas.h).
  void Row(std::span<const std::string> cells);

  // Written first, it makes Excel read the file as UTF-8 rather than the system's code page.
  static constexpr std::string_view Utf8Bom() { return "\xEF\xBB\xBF"; }

 private:
  std::string& out_;
  char delimiter_;
};

}  // namespace sen::files
