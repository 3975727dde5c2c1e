// Parse, call one service method, render JSON.
#include "modules/targets/targets_handlers.h"

#include "http/json_reader.h"
#include "http/params.h"
#include "modules/leads/leads_handlers.h"

namespace sen::targets {

namespace {

using http::Request;
using http::Response;

template <typename T, typename Render>
Response Answer(Result<T> result, int status, Render render) {
  if (!result) return Response::FromError(result.error());
  return Response::Json(status, render(result.value()));
}

nlohmann::json One(const Lead& t) { return TargetJson(t); }

}  // namespace

void RegisterRoutes(http::Router& router, TargetService& service) {
  router.Add("GET", "/api/meta/targets",
             [&service](Request&) { return Response::Json(200, service.Meta()); });

  router.Add("GET", "/api/targets", [&service](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return Response::FromError(page.error());
    return Answer(service.List(*req.principal, req.query, *page), 200,
                  [](const Page<Lead>& p) { return http::PageJson(p, One); });
  });

  // Before /api/targets/{id}, which would take "export" for an id.
  router.Add("GET", "/api/targets/export", [&service](Request& req) {
    auto file = service.Export(*req.principal, req.query);
    if (!file) return Response::FromError(file.error());
    return Response::Attachment(std::move(file).value());
  });

  router.Add(
      "POST", "/api/targets/mass-update",
      [&service](Request& req) {
        auto body = http::ParseJsonObject(req);
        if (!body) return Response::FromError(body.error());
        FieldErrors errors;
        leads::MassUpdateInput in;
        for (const auto& [key, value] : body->items()) {
          if (leads::ReadSelection(key, value, in, errors)) continue;
          if (key == "set") {
            in.set = value;
          } else if (key == "action") {
            if (value.is_string())
              in.action = value.get<std::string>();
            else
              errors.Add("action", "must be delete", "wrong_type");
          } else if (key == "dry_run") {
            if (value.is_boolean())
              in.dry_run = value.get<bool>();
            else
              errors.Add("dry_run", "must be true or false", "wrong_type");
          } else {
            errors.Add(key, "is not a field of a mass update", "unknown_field");
          }
        }
        if (!errors.empty()) return Response::FromError(errors.ToError());
        return Answer(service.MassUpdate(*req.principal, in), 200,
                      [](const leads::MassUpdateResult& r) {
                        return nlohmann::json{
                            {"matched", r.matched}, {"updated", r.updated}, {"dry_run", r.dry_run}};
                      });
      },
      http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add(
      "POST", "/api/targets/convert",
      [&service](Request& req) {
        auto body = http::ParseJsonObject(req);
        if (!body) return Response::FromError(body.error());
        FieldErrors errors;
        leads::Selection selection;
        std::optional<std::int64_t> owner_id;
        for (const auto& [key, value] : body->items()) {
          if (leads::ReadSelection(key, value, selection, errors)) continue;
          if (key == "owner_id") {
            if (value.is_number_integer() && value.get<std::int64_t>() > 0)
              owner_id = value.get<std::int64_t>();
            else if (!value.is_null())
              errors.Add("owner_id", "must be a user's id", "wrong_type");
          } else {
            errors.Add(key, "is not a field of a conversion", "unknown_field");
          }
        }
        if (!errors.empty()) return Response::FromError(errors.ToError());
        return Answer(service.Convert(*req.principal, selection, owner_id), 200,
                      [](const ConvertResult& r) {
                        nlohmann::json problems = nlohmann::json::array();
                        for (const auto& pr : r.problems) {
                          problems.push_back({{"target_id", pr.target_id},
                                              {"full_name", pr.full_name},
                                              {"field", pr.error.field},
                                              {"message", pr.error.message},
                                              {"reason", pr.error.reason}});
                        }
                        return nlohmann::json{{"converted", r.converted},
                                              {"lead_ids", r.lead_ids},
                                              {"skipped", r.skipped},
                                              {"problems", problems}};
                      });
      },
      http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add(
      "POST", "/api/targets",
      [&service](Request& req) {
        auto body = leads::ParseWriteBody(req);
        if (!body) return Response::FromError(body.error());
        return Answer(service.Create(*req.principal, body->body, body->allow_duplicate), 201, One);
      },
      http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("GET", "/api/targets/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such target"));
    return Answer(service.Get(*req.principal, *id), 200, One);
  });

  router.Add(
      "PATCH", "/api/targets/{id}",
      [&service](Request& req) {
        auto id = req.PathId();
        if (!id) return Response::FromError(Error::NotFound("no such target"));
        auto body = leads::ParseWriteBody(req);
        if (!body) return Response::FromError(body.error());
        return Answer(service.Update(*req.principal, *id, body->body, body->allow_duplicate), 200,
                      One);
      },
      http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add(
      "POST", "/api/targets/{id}/restore",
      [&service](Request& req) {
        auto id = req.PathId();
        if (!id) return Response::FromError(Error::NotFound("no such target"));
        return Answer(service.Restore(*req.principal, *id), 200, One);
      },
      http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add(
      "DELETE", "/api/targets/{id}",
      [&service](Request& req) {
        auto id = req.PathId();
        if (!id) return Response::FromError(Error::NotFound("no such target"));
        auto status = service.Delete(*req.principal, *id);
        return status ? Response::NoContent() : Response::FromError(status.error());
      },
      http::Access::kSignedIn, http::Execution::kBatchedWrite);
}

}  // namespace sen::targets
