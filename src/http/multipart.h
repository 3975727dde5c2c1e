// multipart/form-data request bodies (RFC 7578), as browsers send file uploads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sen::http {

struct FormPart {
  std::string name;
  std::string filename;  // empty for a plain field
  std::string content_type;
  std::string_view data;  // a view into the body
};

// The parts of `body`; nullopt when the content type has no boundary or the body is not
// multipart (no opening boundary, a part without its header block or closing boundary).
std::optional<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace sen::http
