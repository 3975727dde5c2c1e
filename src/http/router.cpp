// Route matching, authentication, CSRF and the last line of defence against exceptions.
#include <utility>  // before Asio: GCC 12 + Boost 1.74 need std::exchange declared

#include "http/router.h"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "core/secrets.h"
#include "db/database.h"
#include "http/write_batcher.h"

namespace sen::http {

namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool ChangesState(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

}  // namespace

void Router::Add(std::string_view method, std::string_view pattern, Handler handler, Access access,
                 Execution execution) {
  routes_.push_back({std::string(method), SplitPath(pattern), std::move(handler), access, execution});
}

void Router::Handle(Request request, Respond respond) const {
  Response no_route;
  const Route* route = Match(request, no_route);
  if (!route) return respond(std::move(no_route));
  if (route->execution == Execution::kBatchedWrite && batcher_) {
    return batcher_->Submit([this, route, request = std::move(request)]() mutable { return Run(*route, request); },
                            std::move(respond));
  }
  if (route->execution == Execution::kSlow && slow_lane_) {
    return boost::asio::post(*slow_lane_, [this, route, request = std::move(request),
                                           respond = std::move(respond)]() mutable { respond(Run(*route, request)); });
  }
  respond(Run(*route, request));
}

const Router::Route* Router::Match(Request& request, Response& no_route) const {
  auto segments = SplitPath(request.path);
  bool path_matched = false;
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::string> params;
    bool match = true;
    for (size_t i = 0; i < segments.size() && match; ++i) {
      if (IsParam(route.segments[i])) {
        params.push_back(segments[i]);
      } else {
        match = route.segments[i] == segments[i];
      }
    }
    if (!match) continue;
    path_matched = true;
    if (route.method != request.method) continue;
    request.path_params = std::move(params);
    return &route;
  }
  if (path_matched) {
    no_route = Response::FromError({ErrorCode::kBadRequest, "method " + request.method + " is not allowed on " + request.path});
  } else if (fallback_ && request.method == "GET" && request.path.rfind("/api/", 0) != 0) {
    no_route = fallback_(request);
  } else {
    no_route = Response::FromError(Error::NotFound("no such endpoint: " + request.method + " " + request.path));
  }
  return nullptr;
}

Response Router::Run(const Route& route, Request& request) const {
  try {
    if (route.access == Access::kSignedIn) {
      auto principal = authenticate_(request);
      if (!principal) return Response::FromError(principal.error());
      if (principal->channel == Channel::kUi && ChangesState(request.method) &&
          !SecretsEqual(request.Header("x-csrf-token"), principal->csrf_token)) {
        return Response::FromError(
            Error::Forbidden("missing or wrong X-CSRF-Token header for a browser session"));
      }
      request.principal = std::move(principal.value());
    }
    Response response = route.handler(request);
    if (request.principal) response.user_id = request.principal->user_id;
    return response;
  } catch (const db::DbError& e) {
    if (e.kind() == db::DbError::Kind::kBusy) {
      spdlog::warn("request_id={} database busy: {}", request.request_id, e.what());
      return Response::FromError({ErrorCode::kUnavailable, "the database is busy; try again"});
    }
    spdlog::error("request_id={} database error: {}", request.request_id, e.what());
  } catch (const std::exception& e) {
    spdlog::error("request_id={} unexpected error: {}", request.request_id, e.what());
  }
  return Response::FromError({ErrorCode::kInternal, "internal error; see the server log for request " + request.request_id});
}

Result<nlohmann::json> ParseJsonObject(const Request& request) {
  if (request.body.empty()) return Error::BadRequest("the request needs a JSON object body");
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return Error::BadRequest("the request body is not valid JSON (UTF-8)");
  if (!body.is_object()) return Error::BadRequest("the request body must be a JSON object");
  return body;
}

}  // namespace sen::http
