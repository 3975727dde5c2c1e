// Request accessors, JSON responses and the error-to-status mapping.
#include "http/message.h"

#include <charconv>

namespace sen::http {

std::string_view Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

std::optional<std::string_view> Request::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::string_view Request::Cookie(std::string_view name) const {
  std::string_view all = Header("cookie");
  while (!all.empty()) {
    size_t end = all.find(';');
    std::string_view pair = all.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    if (end == std::string_view::npos) break;
    all.remove_prefix(end + 1);
  }
  return {};
}

std::optional<std::int64_t> Request::PathId(std::size_t index) const {
  if (index >= path_params.size()) return std::nullopt;
  const std::string& s = path_params[index];
  std::int64_t id = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), id);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

Response Response::Json(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::Attachment(std::string_view filename, std::string content_type, std::string body) {
  Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    ascii += plain ? static_cast<char>(c) : '_';
    encoded += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  r.headers.emplace_back("Content-Disposition",
                         fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, encoded));
  return r;
}

Response Response::Attachment(StreamedFile file) {
  Response r = Attachment(file.filename, std::move(file.content_type), "");
  r.stream = std::move(file.body);
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kDuplicate: return 409;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kValidationFailed: return 422;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response Response::FromError(const Error& error) {
  nlohmann::json details = nlohmann::json::array();
  for (const auto& d : error.details) {
    details.push_back({{"field", d.field}, {"message", d.message}, {"reason", d.reason}});
  }
  nlohmann::json err = {
      {"code", ErrorCodeName(error.code)}, {"message", error.message}, {"details", details}};
  nlohmann::json body = {{"error", err}};
  for (const auto& [key, value] : error.extra.items()) {
    body["error"][key] = value;
    body[key] = value;  // e.g. "duplicates" both in the error and at the top, as API.md shows it
  }
  return Json(HttpStatus(error.code), body);
}

std::optional<std::string> UrlDecode(std::string_view in, bool form) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return std::nullopt;
      unsigned value = 0;
      auto r = std::from_chars(in.data() + i + 1, in.data() + i + 3, value, 16);
      if (r.ec != std::errc() || r.ptr != in.data() + i + 3) return std::nullopt;
      out.push_back(static_cast<char>(value));
      i += 2;
    } else if (c == '+' && form) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    if (!part.empty()) {
      size_t eq = part.find('=');
      auto key = UrlDecode(part.substr(0, eq), true);
      auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                                : UrlDecode(part.substr(eq + 1), true);
      if (key && value) out.emplace_back(std::move(*key), std::move(*value));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace sen::http
