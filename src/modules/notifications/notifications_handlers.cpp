// Parse, call one service method, render JSON.
#include "modules/notifications/notifications_handlers.h"

#include "http/json_reader.h"
#include "http/params.h"

namespace sen::notifications {

using http::Request;
using http::Response;

namespace {
constexpr std::int64_t kDefaultLimit = 20;
constexpr std::int64_t kMaxLimit = 100;
constexpr std::size_t kMaxIds = 1000;
}  // namespace

void RegisterRoutes(http::Router& router, NotificationService& service) {
  router.Add("GET", "/api/notifications", [&service](Request& req) {
    auto limit = http::QueryId(req, "limit");
    if (!limit) return Response::FromError(limit.error());
    if (limit->value_or(kDefaultLimit) > kMaxLimit) {
      return Response::FromError(Error::Field("limit", "must be from 1 to " + std::to_string(kMaxLimit), "out_of_range"));
    }
    auto inbox = service.List(*req.principal, limit->value_or(kDefaultLimit));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& n : inbox.items) items.push_back(ToJson(n));
    return Response::Json(200, {{"items", std::move(items)}, {"unread", inbox.unread}});
  });

  router.Add("POST", "/api/notifications/read", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"ids"});
    auto ids = in.Ids("ids", kMaxIds);
    if (!errors.empty()) return Response::FromError(errors.ToError());
    const auto unread = service.MarkRead(*req.principal, ids);  // without ids: all
    return Response::Json(200, {{"unread", unread}});
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);
}

}  // namespace sen::notifications
