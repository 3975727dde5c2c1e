// Vietnamese-aware text folding for comparison and search (ICU Normalizer2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sen::text {

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Number of Unicode characters in valid UTF-8.
std::size_t Utf8Length(std::string_view s);

// The form text is stored in: Unicode NFC, trimmed, runs of white space collapsed to one space.
// "Nguye\u0302\u0303n  Van" (NFD) -> "Nguyễn Van" (NFC).
std::string Tidy(std::string_view s);

// The items of a list typed in one cell or parameter ("vip, Hà Nội; hè"), each tidied; empty
// items dropped. Any character of `separators` separates.
std::vector<std::string> SplitList(std::string_view s, std::string_view separators = ",");
// What people put between the items of a list in one cell (tags, multi-select options): no item
// may hold one.
inline constexpr std::string_view kListSeparators = ",;|";

// Unicode NFC with the ends trimmed; line breaks and inner spaces kept (descriptions, notes).
std::string Nfc(std::string_view s);

// The form text is compared in: Tidy, then lower case, diacritics removed, đ/Đ -> d.
// "Nguyễn Văn Đức", "NGUYEN VAN DUC" and the NFD spelling all fold to "nguyen van duc".
std::string Fold(std::string_view s);

}  // namespace sen::text
