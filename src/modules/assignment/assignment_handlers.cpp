// Parse, call one service method, render JSON.
#include "modules/assignment/assignment_handlers.h"

#include "http/params.h"

namespace sen::assignment {

namespace {

using http::Request;
using http::Response;

Response RuleAnswer(Result<Rule> rule, int status) {
  if (!rule) return Response::FromError(rule.error());
  return Response::Json(status, ToJson(*rule));
}

}  // namespace

void RegisterRoutes(http::Router& router, AssignmentService& service) {
  router.Add("GET", "/api/assignment-rules", [&service](Request& req) {
    auto rules = service.List(*req.principal);
    if (!rules) return Response::FromError(rules.error());
    Page<Rule> page{*rules, static_cast<std::int64_t>(rules->size()), {1, kMaxPageSize}};
    return Response::Json(200, http::PageJson(page, [](const Rule& r) { return ToJson(r); }));
  });

  router.Add("GET", "/api/assignment-rules/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such assignment rule"));
    return RuleAnswer(service.Get(*req.principal, *id), 200);
  });

  router.Add("POST", "/api/assignment-rules", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    return RuleAnswer(service.Create(*req.principal, *body), 201);
  });

  router.Add("PATCH", "/api/assignment-rules/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such assignment rule"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    return RuleAnswer(service.Update(*req.principal, *id, *body), 200);
  });

  router.Add("DELETE", "/api/assignment-rules/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such assignment rule"));
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  });
}

}  // namespace sen::assignment
