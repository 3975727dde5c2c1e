// Parse, call one service method, render JSON.
#include "modules/notes/notes_handlers.h"

#include "http/json_reader.h"
#include "http/params.h"

namespace sen::notes {

using http::Request;
using http::Response;

void RegisterRoutes(http::Router& router, NoteService& service) {
  router.Add("GET", "/api/notes", [&service](Request& req) {
    auto parent = http::QueryId(req, "parent_id");
    if (!parent) return Response::FromError(parent.error());
    if (!*parent) return Response::FromError(Error::Field("parent_id", "is required", "required"));
    auto notes = service.ForRecord(*req.principal, req.Query("parent_type").value_or("lead"), **parent);
    if (!notes) return Response::FromError(notes.error());
    Page<Note> page{*notes, static_cast<std::int64_t>(notes->size()), {1, kMaxPageSize}};
    return Response::Json(200, http::PageJson(page, ToJson));
  });

  router.Add("POST", "/api/notes", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"parent_type", "parent_id", "body"});
    auto parent_type = in.Text("parent_type", 20).value_or(std::nullopt).value_or("lead");
    auto parent_id = in.Id("parent_id", true);
    auto text = in.LongText("body", 10000, true);
    if (!errors.empty()) return Response::FromError(errors.ToError());
    auto note = service.Create(*req.principal, parent_type, **parent_id, **text);
    if (!note) return Response::FromError(note.error());
    return Response::Json(201, ToJson(*note));
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("PATCH", "/api/notes/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such note"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"body"});
    auto text = in.LongText("body", 10000, true);
    if (!errors.empty()) return Response::FromError(errors.ToError());
    auto note = service.Update(*req.principal, *id, **text);
    if (!note) return Response::FromError(note.error());
    return Response::Json(200, ToJson(*note));
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("DELETE", "/api/notes/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such note"));
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);
}

}  // namespace sen::notes
