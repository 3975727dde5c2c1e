// Parse, call one service method, render JSON.
#include "modules/calls/calls_handlers.h"

#include <charconv>

#include "http/json_reader.h"
#include "http/params.h"
#include "modules/calls/call_rules.h"

namespace sen::calls {

namespace {

using http::Request;
using http::Response;

nlohmann::json ViewJson(const CallView& v) {
  auto j = ToJson(v.call, v.parent_name, v.owner_name);
  j[v.call.parent_type + "_status_changed"] =
      v.status_changed ? nlohmann::json{{"from", v.status_changed->first}, {"to", v.status_changed->second}}
                                 : nlohmann::json();
  return j;
}

Result<std::pair<CallInput, FieldErrors>> ReadInput(const Request& req) {
  auto body = http::ParseJsonObject(req);
  if (!body) return body.error();
  FieldErrors errors;
  http::JsonReader in(*body, errors);
  in.AllowOnly({"parent_type", "parent_id", "subject", "direction", "status", "result", "start_at", "duration_s",
                "description", "remind_popup_min", "remind_email_min", "owner_id", "confirm_do_not_contact"});
  CallInput c;
  if (auto v = in.Text("parent_type", 20)) c.parent_type = v->value_or("");
  if (auto v = in.Id("parent_id")) c.parent_id = *v;
  if (auto v = in.Text("subject", 200)) c.subject = v->value_or("");
  if (auto v = in.Text("direction", 20)) c.direction = v->value_or("");
  if (auto v = in.Text("status", 20)) c.status = v->value_or("");
  c.result = in.Text("result", 30);
  c.start_at = in.Time("start_at");
  c.duration_s = in.Int("duration_s");
  c.description = in.LongText("description", 10000);
  c.remind_popup_min = in.Int("remind_popup_min");
  c.remind_email_min = in.Int("remind_email_min");
  if (auto v = in.Id("owner_id")) c.owner_id = *v;
  c.confirm_do_not_contact = in.Bool("confirm_do_not_contact").value_or(false);
  return std::pair{std::move(c), std::move(errors)};
}

template <typename T, typename Render>
Response Answer(Result<T> result, int status, Render render) {
  if (!result) return Response::FromError(result.error());
  return Response::Json(status, render(result.value()));
}

}  // namespace

void RegisterRoutes(http::Router& router, CallService& service) {
  router.Add("GET", "/api/meta/calls", [](Request&) { return Response::Json(200, CallsMetaJson()); });

  router.Add("GET", "/api/calls", [&service](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return Response::FromError(page.error());
    FieldErrors errors;
    CallQuery q;
    for (const auto& [key, value] : req.query) {
      if (key == "page" || key == "page_size") continue;
      if (key == "parent_type") {
        if (value != "lead" && value != "target") errors.Add(key, "must be lead or target", "unknown_value");
        q.parent_type = value;
      } else if (key == "parent_id" || key == "owner_id") {
        std::int64_t id = 0;
        auto r = std::from_chars(value.data(), value.data() + value.size(), id);
        const bool ok = (key == "owner_id" && value == "me") ||
                        (r.ec == std::errc() && r.ptr == value.data() + value.size() && id > 0);
        if (!ok) {
          errors.Add(key, key == "owner_id" ? "must be a user id or me" : "must be a record id", "unknown_value");
        }
        else if (key == "parent_id") q.parent_id = id;
        else q.owner = value;
      } else if (key == "status") {
        if (!IsStatus(value)) errors.Add(key, "must be scheduled, completed or cancelled", "unknown_value");
        q.status = value;
      } else if (key == "result") {
        if (!IsResult(value)) errors.Add(key, "is not a call result", "unknown_value");
        q.result = value;
      } else if (key == "due") {
        if (value != "today" && value != "overdue") errors.Add(key, "must be today or overdue", "unknown_value");
        q.due = value;
      } else if (key == "sort") {
        if (value != "start_at" && value != "-start_at") errors.Add(key, "must be start_at or -start_at", "unknown_value");
        q.ascending = value == "start_at";
      } else {
        errors.Add(key, "is not a filter of the call list", "unknown_field");
      }
    }
    if (!errors.empty()) return Response::FromError(errors.ToError());
    return Answer(service.List(*req.principal, q, *page), 200,
                  [](const Page<CallView>& p) { return http::PageJson(p, ViewJson); });
  });

  router.Add("POST", "/api/calls", [&service](Request& req) {
    auto input = ReadInput(req);
    if (!input) return Response::FromError(input.error());
    return Answer(service.Create(*req.principal, input->first, std::move(input->second)), 201, ViewJson);
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("GET", "/api/calls/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such call"));
    return Answer(service.Get(*req.principal, *id), 200, ViewJson);
  });

  router.Add("PATCH", "/api/calls/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such call"));
    auto input = ReadInput(req);
    if (!input) return Response::FromError(input.error());
    return Answer(service.Update(*req.principal, *id, input->first, std::move(input->second)), 200, ViewJson);
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("DELETE", "/api/calls/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such call"));
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);
}

}  // namespace sen::calls
