// ICU's UTF-8 normaliser passes ill-formed bytes through, so they are replaced first.
#include "files/cell_text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/fold.h"

namespace sen::files {

namespace {

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFCInstance(status);
  }();
  return nfc;
}

}  // namespace

bool HasNonAscii(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  return any >= 0x80;
}

void ToWellFormedNfc(std::string& cell, std::string& scratch) {
  if (!text::IsValidUtf8(cell)) {
    scratch.clear();
    icu::UnicodeString::fromUTF8(cell).toUTF8String(scratch);
    cell.swap(scratch);
  }
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  if (nfc->isNormalizedUTF8(cell, status) || U_FAILURE(status)) return;
  scratch.clear();
  icu::StringByteSink<std::string> sink(&scratch);
  nfc->normalizeUTF8(0, cell, sink, nullptr, status);
  if (U_SUCCESS(status)) cell.swap(scratch);
}

}  // namespace sen::files
