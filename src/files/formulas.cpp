// OWASP's list of formula triggers, less the signed numbers and "+84" phones that make up so
// much of a lead list and that no spreadsheet runs as anything but a number.
#include "files/formulas.h"

namespace sen::files {

bool RunsAsFormula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r': return true;
    case '+':
    case '-': return cell.find_first_not_of("0123456789 .,()", 1) != std::string_view::npos;
    default: return false;
  }
}

std::string_view WithoutFormulaGuard(std::string_view cell) {
  if (cell.size() > 1 && cell.front() == '\'' && RunsAsFormula(cell.substr(1))) return cell.substr(1);
  return cell;
}

}  // namespace sen::files
