// A multipart parser over the body in memory. Beast has none, and the uploads it serves are
// bounded by the upload limit, so parts are views into the body instead of copies.
#include "http/multipart.h"

#include <algorithm>
#include <cctype>

namespace sen::http {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The value of `key` in a header such as `form-data; name="file"; filename="a b.csv"`.
std::string Param(std::string_view header, std::string_view key) {
  const std::string lower = Lower(header);
  std::size_t pos = 0;
  while ((pos = lower.find(key, pos)) != std::string::npos) {
    const bool starts = pos == 0 || lower[pos - 1] == ';' || lower[pos - 1] == ' ';
    const std::size_t eq = pos + key.size();
    if (!starts || eq >= header.size() || header[eq] != '=') {
      pos = eq;
      continue;
    }
    std::string_view rest = header.substr(eq + 1);
    if (!rest.empty() && rest.front() == '"') {
      std::string value;
      for (std::size_t i = 1; i < rest.size() && rest[i] != '"'; ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
        value += rest[i];
      }
      return value;
    }
    return std::string(rest.substr(0, rest.find(';')));
  }
  return {};
}

}  // namespace

std::optional<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body) {
  if (Lower(content_type).rfind("multipart/form-data", 0) != 0) return std::nullopt;
  const std::string boundary = Param(content_type, "boundary");
  if (boundary.empty()) return std::nullopt;
  const std::string delimiter = "--" + boundary;
  const std::string separator = "\r\n" + delimiter;

  std::size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return std::nullopt;
  pos += delimiter.size();
  std::vector<FormPart> parts;
  for (;;) {
    if (body.substr(pos, 2) == "--") return parts;  // the closing boundary
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return std::nullopt;
    FormPart part;
    std::string_view headers = body.substr(pos, headers_end - pos);
    while (!headers.empty()) {
      std::size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string name = Lower(line.substr(0, colon));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (name == "content-disposition") {
        part.name = Param(value, "name");
        part.filename = Param(value, "filename");
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    const std::size_t data_start = headers_end + 4;
    const std::size_t data_end = body.find(separator, data_start);
    if (data_end == std::string_view::npos) return std::nullopt;
    part.data = body.substr(data_start, data_end - data_start);
    parts.push_back(std::move(part));
    pos = data_end + separator.size();
  }
}

}  // namespace sen::http
