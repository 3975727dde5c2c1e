// Parse, call one service method, render JSON.
#include "modules/targetlists/target_lists_handlers.h"

#include "http/json_reader.h"
#include "http/params.h"
#include "modules/leads/lead_fields.h"
#include "modules/leads/leads_handlers.h"

namespace sen::targetlists {

namespace {

using http::Request;
using http::Response;

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxDescription = 500;

Result<std::pair<TargetListInput, FieldErrors>> ReadInput(const Request& req) {
  auto body = http::ParseJsonObject(req);
  if (!body) return body.error();
  FieldErrors errors;
  http::JsonReader in(*body, errors);
  in.AllowOnly({"name", "description"});
  TargetListInput out;
  if (auto x = in.Text("name", kMaxName)) out.name = x->value_or("");
  if (auto x = in.LongText("description", kMaxDescription)) out.description = *x;
  return std::pair{std::move(out), std::move(errors)};
}

Response ListAnswer(Result<TargetList> list, int status, const Principal& viewer) {
  if (!list) return Response::FromError(list.error());
  return Response::Json(status, ToJson(*list, viewer));
}

Response NoSuchList() { return Response::FromError(Error::NotFound("no such target list")); }

// {"ids": [...]} or {"filter": {...}}, as a mass update selects leads.
Result<leads::Selection> ReadSelection(const Request& req) {
  auto body = http::ParseJsonObject(req);
  if (!body) return body.error();
  FieldErrors errors;
  leads::Selection selection;
  for (const auto& [key, value] : body->items()) {
    if (!leads::ReadSelection(key, value, selection, errors)) errors.Add(key, "give ids or a filter", "unknown_field");
  }
  if (!errors.empty()) return errors.ToError();
  return selection;
}

}  // namespace

void RegisterRoutes(http::Router& router, TargetListService& service) {
  router.Add("GET", "/api/target-lists", [&service](Request& req) {
    auto lists = service.List(*req.principal);
    if (!lists) return Response::FromError(lists.error());
    Page<TargetList> page{*lists, static_cast<std::int64_t>(lists->size()), {1, kMaxPageSize}};
    return Response::Json(200, http::PageJson(page, [&](const TargetList& t) { return ToJson(t, *req.principal); }));
  });

  router.Add("POST", "/api/target-lists", [&service](Request& req) {
    auto input = ReadInput(req);
    if (!input) return Response::FromError(input.error());
    return ListAnswer(service.Create(*req.principal, input->first, std::move(input->second)), 201, *req.principal);
  });

  router.Add("GET", "/api/target-lists/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchList();
    return ListAnswer(service.Get(*req.principal, *id), 200, *req.principal);
  });

  router.Add("PATCH", "/api/target-lists/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchList();
    auto input = ReadInput(req);
    if (!input) return Response::FromError(input.error());
    return ListAnswer(service.Update(*req.principal, *id, input->first, std::move(input->second)), 200,
                      *req.principal);
  });

  router.Add("DELETE", "/api/target-lists/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchList();
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  });

  router.Add("GET", "/api/target-lists/{id}/members", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchList();
    auto page = http::ParsePage(req);
    if (!page) return Response::FromError(page.error());
    auto members = service.Members(*req.principal, *id, req.query, *page);
    if (!members) return Response::FromError(members.error());
    return Response::Json(200, http::PageJson(*members, [](const leads::Lead& l) { return leads::ToJson(l); }));
  });

  router.Add("POST", "/api/target-lists/{id}/members", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchList();
    auto selection = ReadSelection(req);
    if (!selection) return Response::FromError(selection.error());
    auto added = service.AddLeads(*req.principal, *id, *selection);
    if (!added) return Response::FromError(added.error());
    return Response::Json(200, ToJson(*added));
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("DELETE", "/api/target-lists/{id}/members", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchList();
    auto selection = ReadSelection(req);
    if (!selection) return Response::FromError(selection.error());
    auto removed = service.RemoveLeads(*req.principal, *id, *selection);
    if (!removed) return Response::FromError(removed.error());
    return Response::Json(200, {{"removed", *removed}});
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("DELETE", "/api/target-lists/{id}/members/{lead_id}", [&service](Request& req) {
    auto id = req.PathId();
    auto lead_id = req.PathId(1);
    if (!id) return NoSuchList();
    if (!lead_id) return Response::FromError(Error::NotFound("no such lead"));
    auto status = service.RemoveLead(*req.principal, *id, *lead_id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  });
}

}  // namespace sen::targetlists
