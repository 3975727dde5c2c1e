// Parse, call one service method, render JSON.
#include "modules/leads/leads_handlers.h"

#include "http/json_reader.h"
#include "http/params.h"
#include "modules/leads/lead_fields.h"
#include "text/fold.h"

namespace sen::leads {

namespace {

using http::Request;
using http::Response;

constexpr std::size_t kMaxQueryLength = 200;

template <typename T, typename Render>
Response Answer(Result<T> result, int status, Render render) {
  if (!result) return Response::FromError(result.error());
  return Response::Json(status, render(result.value()));
}

}  // namespace

Result<WriteBody> ParseWriteBody(const Request& req) {
  auto body = http::ParseJsonObject(req);
  if (!body) return body.error();
  WriteBody out{std::move(body.value())};
  if (auto it = out.body.find("allow_duplicate"); it != out.body.end()) {
    if (!it->is_boolean()) return Error::Field("allow_duplicate", "must be true or false", "wrong_type");
    out.allow_duplicate = it->get<bool>();
  }
  return out;
}

bool ReadSelection(const std::string& key, const nlohmann::json& value, Selection& out, FieldErrors& errors) {
  if (key == "ids") {
    if (!value.is_array()) {
      errors.Add("ids", "must be a list of ids", "wrong_type");
      return true;
    }
    for (const auto& id : value) {
      if (!id.is_number_integer() || id.get<std::int64_t>() < 1) {
        errors.Add("ids", "must be a list of ids", "wrong_type");
        break;
      }
      out.ids.push_back(id.get<std::int64_t>());
    }
    return true;
  }
  if (key != "filter") return false;
  if (!value.is_object()) {
    errors.Add("filter", "must be an object of list parameters", "wrong_type");
    return true;
  }
  QueryParams params;
  for (const auto& [name, v] : value.items()) {
    if (v.is_string()) params.emplace_back(name, v.get<std::string>());
    else if (v.is_number_integer() || v.is_boolean()) params.emplace_back(name, v.dump());
    else errors.Add("filter." + name, "must be a string, as in the list's query", "wrong_type");
  }
  out.filter = std::move(params);
  return true;
}

void RegisterRoutes(http::Router& router, LeadService& service) {
  router.Add("GET", "/api/meta/leads", [&service](Request&) { return Response::Json(200, service.Meta()); });

  router.Add("GET", "/api/leads", [&service](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return Response::FromError(page.error());
    return Answer(service.List(*req.principal, req.query, *page), 200,
                  [](const Page<Lead>& p) { return http::PageJson(p, [](const Lead& l) { return ToJson(l); }); });
  });

  // Before /api/leads/{id}, which would take "export" for an id.
  router.Add("GET", "/api/leads/export", [&service](Request& req) {
    auto file = service.Export(*req.principal, req.query);
    if (!file) return Response::FromError(file.error());
    return Response::Attachment(std::move(file).value());
  });

  router.Add("POST", "/api/leads/mass-update", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    MassUpdateInput in;
    for (const auto& [key, value] : body->items()) {
      if (ReadSelection(key, value, in, errors)) continue;
      if (key == "set") {
        in.set = value;
      } else if (key == "action") {
        if (value.is_string()) in.action = value.get<std::string>();
        else errors.Add("action", "must be delete, unassign or queue_assignment", "wrong_type");
      } else if (key == "rule_id") {
        if (value.is_number_integer() && value.get<std::int64_t>() > 0) in.rule_id = value.get<std::int64_t>();
        else errors.Add("rule_id", "must be the id of an assignment rule", "wrong_type");
      } else if (key == "dry_run") {
        if (value.is_boolean()) in.dry_run = value.get<bool>();
        else errors.Add("dry_run", "must be true or false", "wrong_type");
      } else {
        errors.Add(key, "is not a field of a mass update", "unknown_field");
      }
    }
    if (!errors.empty()) return Response::FromError(errors.ToError());
    return Answer(service.MassUpdate(*req.principal, in), 200, [](const MassUpdateResult& r) {
      return nlohmann::json{{"matched", r.matched}, {"updated", r.updated}, {"dry_run", r.dry_run}};
    });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("POST", "/api/leads", [&service](Request& req) {
    auto body = ParseWriteBody(req);
    if (!body) return Response::FromError(body.error());
    return Answer(service.Create(*req.principal, body->body, body->allow_duplicate), 201,
                  [](const Lead& l) { return ToJson(l); });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("GET", "/api/leads/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    return Answer(service.Get(*req.principal, *id), 200, [](const Lead& l) { return ToJson(l); });
  });

  router.Add("PATCH", "/api/leads/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    auto body = ParseWriteBody(req);
    if (!body) return Response::FromError(body.error());
    return Answer(service.Update(*req.principal, *id, body->body, body->allow_duplicate), 200,
                  [](const Lead& l) { return ToJson(l); });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("DELETE", "/api/leads/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("POST", "/api/leads/{id}/restore", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    return Answer(service.Restore(*req.principal, *id), 200, [](const Lead& l) { return ToJson(l); });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("POST", "/api/leads/{id}/unassign", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    return Answer(service.Unassign(*req.principal, *id), 200, [](const Lead& l) { return ToJson(l); });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("POST", "/api/leads/{id}/assign", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"owner_id"});
    auto owner = in.Id("owner_id", true);
    if (!errors.empty()) return Response::FromError(errors.ToError());
    if (!owner || !*owner) return Response::FromError(Error::Field("owner_id", "is required", "required"));
    return Answer(service.Assign(*req.principal, *id, **owner), 200, [](const Lead& l) { return ToJson(l); });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("GET", "/api/leads/{id}/assignments", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    return Answer(service.Assignments(*req.principal, *id), 200, [](const std::vector<repo::OwnerChangeEntry>& all) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& e : all) items.push_back(ToJson(e));
      return nlohmann::json{{"items", std::move(items)}};
    });
  });

}

}  // namespace sen::leads
