// Parse, call one service method, render JSON.
#include "modules/views/views_handlers.h"

#include "http/json_reader.h"
#include "http/params.h"

namespace sen::views {

namespace {

using http::Request;
using http::Response;

Result<std::pair<ViewInput, FieldErrors>> ReadInput(const Request& req) {
  auto body = http::ParseJsonObject(req);
  if (!body) return body.error();
  FieldErrors errors;
  http::JsonReader in(*body, errors);
  in.AllowOnly({"entity", "name", "filter", "columns", "sort", "shared"});
  ViewInput v;
  if (auto x = in.Text("entity", 40)) v.entity = x->value_or("");
  if (auto x = in.Text("name", 100)) v.name = x->value_or("");
  v.shared = in.Bool("shared");
  if (auto it = body->find("filter"); it != body->end()) {
    leads::QueryParams params;
    if (!it->is_object()) errors.Add("filter", "must be an object of list parameters", "wrong_type");
    else {
      for (const auto& [k, value] : it->items()) {
        if (value.is_string()) params.emplace_back(k, value.get<std::string>());
        else if (value.is_number_integer() || value.is_boolean()) params.emplace_back(k, value.dump());
        else errors.Add("filter." + k, "must be a string, as in the list's query", "wrong_type");
      }
    }
    v.filter = std::move(params);
  }
  if (auto it = body->find("columns"); it != body->end()) {
    if (it->is_null()) {
      v.columns = std::optional<std::vector<std::string>>();
    } else if (it->is_array() && std::all_of(it->begin(), it->end(), [](const auto& c) { return c.is_string(); })) {
      v.columns = std::optional(it->get<std::vector<std::string>>());
    } else {
      errors.Add("columns", "must be a list of field names", "wrong_type");
    }
  }
  if (auto x = in.Text("sort", 60)) v.sort = *x;
  return std::pair{std::move(v), std::move(errors)};
}

}  // namespace

void RegisterRoutes(http::Router& router, ViewService& service) {
  router.Add("GET", "/api/views", [&service](Request& req) {
    auto views = service.List(*req.principal, req.Query("entity").value_or("leads"));
    Page<SavedView> page{views, static_cast<std::int64_t>(views.size()), {1, kMaxPageSize}};
    return Response::Json(200, http::PageJson(page, [&](const SavedView& v) { return ToJson(v, *req.principal); }));
  });

  router.Add("POST", "/api/views", [&service](Request& req) {
    auto input = ReadInput(req);
    if (!input) return Response::FromError(input.error());
    auto view = service.Create(*req.principal, input->first, std::move(input->second));
    if (!view) return Response::FromError(view.error());
    return Response::Json(201, ToJson(*view, *req.principal));
  });

  router.Add("PATCH", "/api/views/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such view"));
    auto input = ReadInput(req);
    if (!input) return Response::FromError(input.error());
    auto view = service.Update(*req.principal, *id, input->first, std::move(input->second));
    if (!view) return Response::FromError(view.error());
    return Response::Json(200, ToJson(*view, *req.principal));
  });

  router.Add("DELETE", "/api/views/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such view"));
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  });

  router.Add("GET", "/api/preferences/{key}", [&service](Request& req) {
    auto value = service.Preference(*req.principal, req.path_params[0]);
    if (!value) return Response::FromError(value.error());
    return Response::Json(200, {{"value", *value}});
  });

  router.Add("PUT", "/api/preferences/{key}", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader(*body, errors).AllowOnly({"value"});
    if (!body->contains("value")) errors.Add("value", "is required (null clears)", "required");
    if (!errors.empty()) return Response::FromError(errors.ToError());
    auto value = service.SetPreference(*req.principal, req.path_params[0], (*body)["value"]);
    if (!value) return Response::FromError(value.error());
    return Response::Json(200, {{"value", *value}});
  });
}

}  // namespace sen::views
