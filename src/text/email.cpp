// A practical subset of RFC 5322: dot-atom local part and an ASCII host name with a TLD.
#include "text/email.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace sen::text {

namespace {

bool IsLocalChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("!#$%&'*+/=?^_`{|}~-", c) != nullptr;
}

bool ValidLocal(std::string_view local) {
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
  char prev = 0;
  for (char c : local) {
    if (c == '.' ? prev == '.' : !IsLocalChar(c)) return false;
    prev = c;
  }
  return true;
}

bool ValidDomain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  int labels = 0;
  std::string_view last;
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    std::string_view label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2 && last.size() >= 2 &&
         std::all_of(last.begin(), last.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

}  // namespace

std::optional<std::string> NormaliseEmail(std::string_view text) {
  auto not_space = [](char c) { return !std::isspace(static_cast<unsigned char>(c)); };
  auto b = std::find_if(text.begin(), text.end(), not_space);
  auto e = std::find_if(text.rbegin(), std::make_reverse_iterator(b), not_space).base();
  std::string email(b, e);
  if (email.size() > 254) return std::nullopt;
  for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t at = email.find('@');
  if (at == std::string::npos || email.find('@', at + 1) != std::string::npos) return std::nullopt;
  if (!ValidLocal(std::string_view(email).substr(0, at)) || !ValidDomain(std::string_view(email).substr(at + 1))) {
    return std::nullopt;
  }
  return email;
}

}  // namespace sen::text
