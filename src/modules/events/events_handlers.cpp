// The upgrade is answered like any signed-in GET (session cookie or token); a page of another
// site may not open it with the user's cookie, so a foreign Origin is refused. The connection
// lasts as long as that sign-in (UserService ends it).
#include "modules/events/events_handlers.h"

#include <boost/beast/core/string.hpp>

namespace sen::events {

namespace {

// "https://sen.example.vn" -> "sen.example.vn".
std::string_view HostOf(std::string_view origin) {
  if (auto scheme = origin.find("://"); scheme != std::string_view::npos) origin.remove_prefix(scheme + 3);
  return origin.substr(0, origin.find('/'));
}

// Tabs and devices of one user; more is a page opening sockets in a loop.
constexpr std::size_t kMaxConnectionsPerUser = 20;

}  // namespace

void RegisterRoutes(http::Router& router, EventHub& hub) {
  router.Add("GET", "/api/ws", [&hub](http::Request& req) {
    if (!boost::beast::iequals(req.Header("upgrade"), "websocket")) {
      return http::Response::FromError(Error{ErrorCode::kBadRequest, "GET /api/ws needs a WebSocket upgrade"});
    }
    const std::string_view origin = req.Header("origin");
    if (!origin.empty() && !boost::beast::iequals(HostOf(origin), req.Header("host"))) {
      return http::Response::FromError(Error::Forbidden("live events are only for pages of this site"));
    }
    const std::int64_t user = req.principal->user_id;
    if (hub.ConnectionsOf(user) >= kMaxConnectionsPerUser) {
      return http::Response::FromError(Error{ErrorCode::kRateLimited, "too many live connections of this user"});
    }
    http::Response res;
    res.status = 101;
    res.user_id = user;
    res.websocket = [&hub, user, credential = req.principal->credential](std::function<void(std::string)> send,
                                                                         std::function<void()> close) {
      const auto token = hub.Subscribe(user, std::move(send), credential, std::move(close));
      return std::function<void()>([&hub, token] { hub.Unsubscribe(token); });
    };
    return res;
  });
}

}  // namespace sen::events
