// Making cell text well-formed NFC UTF-8, shared by the CSV and XLSX readers.
#pragma once

#include <string>
#include <string_view>

namespace sen::files {

// True when `s` has a byte >= 0x80; ASCII text needs neither repair nor normalisation.
bool HasNonAscii(std::string_view s);

// Replaces ill-formed UTF-8 in `cell` with U+FFFD and composes it to NFC. Text that already is
// NFC is only checked. `scratch` is working space whose capacity is kept between calls.
void ToWellFormedNfc(std::string& cell, std::string& scratch);

}  // namespace sen::files
