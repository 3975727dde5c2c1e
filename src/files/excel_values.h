// How Excel shows the values an .xlsx file stores: numbers, dates by number format, the _xHHHH_
// escapes, column letters. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sen::files {

// What a number format shows of a serial date-time number.
enum class DateKind { kNone, kDate, kDateTime, kTime };

// Built-in formats 14-22 and 45-47 are dates and times; the others are not.
DateKind BuiltinFormatKind(int format_id);

// Reads a custom format code such as "dd/mm/yyyy" or "[$-42A]h:mm AM/PM": d, m, y, h and s
// outside quotes, brackets and escapes make it a date or a time ("m" next to h or s is minutes).
DateKind FormatCodeKind(std::string_view code);

// Appends the stored number `value` ("912345678", "1.5E-3") as Excel's General format shows
// it, without its rounding to the cell's width: whole numbers of up to 15 digits in full, others
// with at most 15 significant digits. Text that is not a number is appended unchanged.
void AppendNumber(std::string_view value, std::string& out);

// Appends `serial` (days since 1900-01-00 or, in the 1904 system, 1904-01-01; the fraction is
// the time of day) as "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or "HH:MM:SS". False, appending
// nothing, for values Excel cannot show as a date (negative, beyond 9999-12-31).
bool AppendSerialDate(double serial, DateKind kind, bool date1904, std::string& out);

// Decodes the _xHHHH_ escapes OOXML uses for characters XML cannot carry ("_x000D_" is CR).
void DecodeOoxmlEscapes(std::string& text);

// The zero-based column of a cell reference ("C7" -> 2), or nullopt without column letters.
std::optional<std::size_t> ColumnIndex(std::string_view reference);

// "A", "Z", "AA", ... for a zero-based column.
std::string ColumnName(std::size_t index);

}  // namespace sen::files
