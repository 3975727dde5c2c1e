// Query-parameter parsing shared by list endpoints.
#include "http/params.h"

#include <charconv>

namespace sen::http {

namespace {

std::optional<std::int64_t> ToInt(std::string_view s) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

Result<PageRequest> ParsePage(const Request& request) {
  PageRequest page;
  FieldErrors errors;
  if (auto p = request.Query("page")) {
    auto v = ToInt(*p);
    if (!v || *v < 1 || *v > 1'000'000) {
      errors.Add("page", "must be a whole number from 1", "unknown_value");
    } else {
      page.page = static_cast<int>(*v);
    }
  }
  if (auto p = request.Query("page_size")) {
    auto v = ToInt(*p);
    if (!v || *v < 1 || *v > kMaxPageSize) {
      errors.Add("page_size", "must be a whole number from 1 to 500", "unknown_value");
    } else {
      page.page_size = static_cast<int>(*v);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return page;
}

Result<std::optional<std::int64_t>> QueryId(const Request& request, std::string_view name) {
  auto p = request.Query(name);
  if (!p) return std::optional<std::int64_t>();
  auto v = ToInt(*p);
  if (!v || *v < 1) return Error::Field(std::string(name), "must be a positive whole number", "unknown_value");
  return std::optional<std::int64_t>(*v);
}

}  // namespace sen::http
