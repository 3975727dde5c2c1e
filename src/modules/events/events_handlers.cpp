// The upgrade is answered like any signed-in GET (session cookie or token); a page of another
// site may not open it with the user's cookie, so a foreign Origin is refused.
#include "modules/events/events_handlers.h"

#include <boost/beast/core/string.hpp>

namespace sen::events {

namespace {

// "https://sen.example.vn" -> "sen.example.vn".
std::string_view HostOf(std::string_view origin) {
  if (auto scheme = origin.find("://"); scheme != std::string_view::npos) origin.remove_prefix(scheme + 3);
  return origin.substr(0, origin.find('/'));
}

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
    http::Response res;
    res.status = 101;
    res.user_id = req.principal->user_id;
    res.websocket = [&hub, user = req.principal->user_id](std::function<void(std::string)> send) {
      const auto token = hub.Subscribe(user, std::move(send));
      return std::function<void()>([&hub, token] { hub.Unsubscribe(token); });
    };
    return res;
  });
}

}  // namespace sen::events
