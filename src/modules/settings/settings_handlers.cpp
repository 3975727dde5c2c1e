// Parse, call one service method, render JSON.
#include "modules/settings/settings_handlers.h"

#include "http/params.h"

namespace sen::settings {

void RegisterRoutes(http::Router& router, SettingsService& service) {
  router.Add("GET", "/api/settings/smtp", [&service](http::Request& req) {
    auto smtp = service.Smtp(*req.principal);
    return smtp ? http::Response::Json(200, *smtp) : http::Response::FromError(smtp.error());
  });

  router.Add("PUT", "/api/settings/smtp", [&service](http::Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return http::Response::FromError(body.error());
    auto smtp = service.SetSmtp(*req.principal, *body);
    return smtp ? http::Response::Json(200, *smtp) : http::Response::FromError(smtp.error());
  });

  // Sends a test message with the saved settings: 204, or 409 with what the server answered.
  router.Add("POST", "/api/settings/smtp/test", [&service](http::Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return http::Response::FromError(body.error());
    const auto& to = (*body)["to"];
    auto sent = service.TestSmtp(*req.principal, to.is_string() ? to.get<std::string>() : "");
    return sent ? http::Response::NoContent() : http::Response::FromError(sent.error());
  }, http::Access::kSignedIn, http::Execution::kSlow);
}

}  // namespace sen::settings
