// The server's own request and response types, so that handlers never see Beast.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/chunk_pipe.h"
#include "core/error.h"
#include "core/principal.h"

namespace sen::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // upper case, "GET"
  std::string path;    // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  Headers headers;     // names in lower case
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::vector<std::string> path_params;  // the {..} parts of the matched route, in order
  std::optional<Principal> principal;    // set by the router for signed-in routes

  std::string_view Header(std::string_view lower_name) const;
  std::optional<std::string_view> Query(std::string_view name) const;
  std::string_view Cookie(std::string_view name) const;
  // The {id} path parameter at `index` as a positive integer.
  std::optional<std::int64_t> PathId(std::size_t index = 0) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  Headers headers;
  std::int64_t user_id = 0;  // who asked, for the request log
  // Set for a body made while it is sent (exports); `body` is then unused.
  NextPiece stream;
  // Set to accept a WebSocket upgrade (GET /api/ws): called once the handshake is done with a
  // function that sends a text message to the client and one that closes the connection (both
  // from any thread); returns what to call when the connection has closed.
  std::function<std::function<void()>(std::function<void(std::string)> send, std::function<void()> close)> websocket;

  static Response Json(int status, const nlohmann::json& body);
  static Response NoContent();
  // A file to save: Content-Disposition names it (UTF-8 names as RFC 6266 filename*).
  static Response Attachment(std::string_view filename, std::string content_type, std::string body);
  // The same, its body sent while it is made.
  static Response Attachment(StreamedFile file);
  static Response FromError(const Error& error);
};

// The one mapping from error codes to HTTP statuses.
int HttpStatus(ErrorCode code);

// Percent-decoding of a URL component ('+' as space when `form` is set); nullopt when malformed.
std::optional<std::string> UrlDecode(std::string_view in, bool form);
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query);

}  // namespace sen::http
