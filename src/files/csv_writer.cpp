// Quoting only where needed keeps exports small and readable in a text editor.
#include "files/csv_writer.h"

#include "files/formulas.h"

namespace sen::files {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// One pass over the cell (find_first_of would call memchr once per character).
bool HasSpecial(std::string_view cell, char delimiter) {
  for (char c : cell) {
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

}  // namespace

void CsvWriter::Row(std::span<const std::string> cells) {
  bool first = true;
  for (const std::string& cell : cells) {
    if (!first) out_.push_back(delimiter_);
    first = false;
    const bool guard = RunsAsFormula(cell);
    const bool quote =
        HasSpecial(cell, delimiter_) ||
        (!cell.empty() && ((IsSpace(cell.front()) && !guard) || IsSpace(cell.back())));
    if (quote) out_.push_back('"');
    if (guard) out_.push_back('\'');
    if (!quote) {
      out_.append(cell);
      continue;
    }
    for (char c : cell) {
      if (c == '"') out_.push_back('"');
      out_.push_back(c);
    }
    out_.push_back('"');
  }
  out_.append("\r\n");
}

}  // namespace sen::files
