// Cells a spreadsheet would run as formulas when it opens a CSV file ("CSV injection"): we write
// them with an apostrophe first, which shows them as text, and read that apostrophe back off.
#pragma once

#include <string_view>

namespace sen::files {

// True for text starting with = or @ (or tab or CR, which spreadsheets skip before one), and
// for + or - followed by more than a number or a phone number ("-5", "+84 912 345 678" are not).
bool RunsAsFormula(std::string_view cell);

// The cell without the apostrophe that guards a formula; any other cell as it is.
std::string_view WithoutFormulaGuard(std::string_view cell);

}  // namespace sen::files
