// Pure import rules, no I/O: which field a column header means (I3), and the settings a user
// may choose (I4).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "modules/imports/import.h"
#include "modules/leads/lead_import.h"

namespace sen::imports {

// A header's comparison form: folded (no diacritics, đ -> d, lower case), every run of
// punctuation and spaces one space. "Tỉnh/Thành phố" -> "tinh thanh pho", "E-mail" -> "e mail".
std::string HeaderKey(std::string_view header);

// Column header -> field name ("" when none fits). A header matches a field by its name, its
// labels or the usual Vietnamese and English names for it ("SĐT", "Số điện thoại", "Ho ten",
// "Ghi chú"...), in any case, with or without diacritics. Each field goes to its first column.
std::map<std::string, std::string> SuggestMapping(const std::vector<std::string>& headers,
                                                  const std::vector<leads::ImportField>& fields);

// The headers of a file made unique and non-empty, as mapping keys: an empty header becomes
// "Cột 3" (its position), a repeated one gets " (2)".
std::vector<std::string> UniqueHeaders(const std::vector<std::string>& cells);

// A rejected row's reason as the errors file gives it: the field's label and what is wrong, in
// Vietnamese or English, by the reason key ("Di động: Số điện thoại không hợp lệ"); the server's
// message as it is when the key has no wording here. The web app words the keys the same way
// (fieldErrors in web/src/i18n).
std::string ProblemText(const RowProblem& problem, const std::vector<leads::ImportField>& fields, bool vi);

}  // namespace sen::imports
