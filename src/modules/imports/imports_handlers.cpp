// Parse, call one service method, render JSON (or the file asked for).
#include "modules/imports/imports_handlers.h"

#include "http/json_reader.h"
#include "http/multipart.h"
#include "http/params.h"

namespace sen::imports {

namespace {

using http::Request;
using http::Response;

Response Answer(const Result<Import>& result, int status = 200) {
  if (!result) return Response::FromError(result.error());
  return Response::Json(status, ToJson(result.value()));
}

Response File(const Result<Download>& file) {
  if (!file) return Response::FromError(file.error());
  return Response::Attachment(file->filename, file->content_type, file->body);
}

nlohmann::json PresetJson(const repo::Preset& p) {
  return {{"id", p.id},
          {"entity", p.entity},
          {"name", p.name},
          {"mapping", p.mapping},
          {"created_by", p.created_by ? nlohmann::json(*p.created_by) : nlohmann::json()}};
}

}  // namespace

void RegisterRoutes(http::Router& router, ImportService& service) {
  router.Add("GET", "/api/imports/template", [&service](Request& req) {
    const auto& p = *req.principal;
    return File(service.Template(p, req.Query("entity").value_or("leads"), req.Query("format").value_or("xlsx"),
                                 req.Query("lang").value_or(p.language)));
  });

  router.Add("POST", "/api/imports", [&service](Request& req) {
    auto parts = http::ParseMultipart(req.Header("content-type"), req.body);
    if (!parts) return Response::FromError(Error::BadRequest("send the file as multipart/form-data"));
    const http::FormPart* file = nullptr;
    std::string entity = "leads", sheet;
    for (const auto& part : *parts) {
      if (part.name == "file") file = &part;
      if (part.name == "entity") entity = std::string(part.data);
      if (part.name == "sheet") sheet = std::string(part.data);
    }
    if (!file) return Response::FromError(Error::Field("file", "is required", "required"));
    return Answer(service.Upload(*req.principal, entity, file->filename, file->data, sheet), 201);
  }, http::Access::kSignedIn, http::Execution::kSlow);

  router.Add("GET", "/api/imports", [&service](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return Response::FromError(page.error());
    auto list = service.List(*req.principal, *page);
    if (!list) return Response::FromError(list.error());
    return Response::Json(200, http::PageJson(*list, [](const Import& i) { return ToJson(i); }));
  });

  router.Add("GET", "/api/imports/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such import"));
    return Answer(service.Get(*req.principal, *id));
  });

  router.Add("PATCH", "/api/imports/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such import"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    return Answer(service.Configure(*req.principal, *id, *body));
  }, http::Access::kSignedIn, http::Execution::kSlow);

  router.Add("POST", "/api/imports/{id}/preview", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such import"));
    auto preview = service.MakePreview(*req.principal, *id);
    if (!preview) return Response::FromError(preview.error());
    return Response::Json(200, ToJson(*preview));
  }, http::Access::kSignedIn, http::Execution::kSlow);

  router.Add("POST", "/api/imports/{id}/run", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such import"));
    return Answer(service.Start(*req.principal, *id), 202);
  });

  router.Add("POST", "/api/imports/{id}/undo", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such import"));
    auto undone = service.Undo(*req.principal, *id);
    return Answer(undone, undone && undone->status == "undoing" ? 202 : 200);
  }, http::Access::kSignedIn, http::Execution::kSlow);

  router.Add("POST", "/api/imports/{id}/add-to-list", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such import"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"target_list_id"});
    auto list_id = in.Id("target_list_id", true);
    if (!errors.empty()) return Response::FromError(errors.ToError());
    auto added = service.AddToList(*req.principal, *id, **list_id);
    if (!added) return Response::FromError(added.error());
    return Response::Json(200, targetlists::ToJson(*added));
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("GET", "/api/imports/{id}/errors.csv", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such import"));
    auto file = service.Errors(*req.principal, *id);
    if (!file) return Response::FromError(file.error());
    return Response::Attachment(std::move(file).value());
  });

  router.Add("GET", "/api/import-presets", [&service](Request& req) {
    auto presets = service.Presets(*req.principal, req.Query("entity").value_or("leads"));
    if (!presets) return Response::FromError(presets.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : *presets) items.push_back(PresetJson(p));
    return Response::Json(200, {{"items", std::move(items)}});
  });

  router.Add("POST", "/api/import-presets", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"name", "entity", "mapping"});
    auto name = in.Text("name", 100, true);
    auto entity = in.Text("entity", 20).value_or(std::nullopt).value_or("leads");
    if (entity != "leads" && entity != "targets") errors.Add("entity", "must be leads or targets", "unknown_value");
    auto mapping = body->find("mapping");
    bool ok = mapping != body->end() && mapping->is_object() &&
              std::all_of(mapping->begin(), mapping->end(), [](const nlohmann::json& v) { return v.is_string(); });
    if (!ok) errors.Add("mapping", "must be an object of column: field", "wrong_type");
    if (!errors.empty()) return Response::FromError(errors.ToError());
    auto preset = service.SavePreset(*req.principal, {0, entity, **name, *mapping});
    if (!preset) return Response::FromError(preset.error());
    return Response::Json(201, PresetJson(*preset));
  });

  router.Add("DELETE", "/api/import-presets/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such preset"));
    auto status = service.DeletePreset(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  });
}

}  // namespace sen::imports
