// Parse, call one service method, render JSON.
#include "modules/campaigns/campaigns_handlers.h"

#include "http/params.h"

namespace sen::campaigns {

namespace {

using http::Request;
using http::Response;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxSource = 100;
constexpr std::size_t kMaxDescription = 2000;

Result<std::pair<CampaignInput, FieldErrors>> ReadInput(const Request& req) {
  auto body = http::ParseJsonObject(req);
  if (!body) return body.error();
  FieldErrors errors;
  http::JsonReader in(*body, errors);
  in.AllowOnly({"name", "type", "status", "start_date", "end_date", "budget", "source", "description"});
  CampaignInput out;
  if (auto x = in.Text("name", kMaxName)) out.name = x->value_or("");
  // Absent keeps what is there; null for type or status is not a value.
  if (auto x = in.Text("type", 20)) out.type = x->value_or("");
  if (auto x = in.Text("status", 20)) out.status = x->value_or("");
  out.start_date = in.Text("start_date", 10);
  out.end_date = in.Text("end_date", 10);
  out.budget = in.Int("budget");
  out.source = in.Text("source", kMaxSource);
  out.description = in.LongText("description", kMaxDescription);
  return std::pair{std::move(out), std::move(errors)};
}

Response Answer(Result<Campaign> campaign, int status, const Principal& viewer) {
  if (!campaign) return Response::FromError(campaign.error());
  return Response::Json(status, ToJson(*campaign, viewer));
}

Response NoSuchCampaign() { return Response::FromError(Error::NotFound("no such campaign")); }

}  // namespace

void RegisterRoutes(http::Router& router, CampaignService& service) {
  router.Add("GET", "/api/campaigns", [&service](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return Response::FromError(page.error());
    CampaignFilter filter;
    if (auto q = req.Query("q"); q && !q->empty()) filter.q = std::string(*q);
    if (auto status = req.Query("status"); status && !status->empty()) filter.status = std::string(*status);
    filter.counts = req.Query("counts") != "false";
    auto campaigns = service.List(*req.principal, filter, *page);
    if (!campaigns) return Response::FromError(campaigns.error());
    return Response::Json(200, http::PageJson(*campaigns, [&](const Campaign& c) { return ToJson(c, *req.principal); }));
  });

  router.Add("POST", "/api/campaigns", [&service](Request& req) {
    auto input = ReadInput(req);
    if (!input) return Response::FromError(input.error());
    return Answer(service.Create(*req.principal, input->first, std::move(input->second)), 201, *req.principal);
  });

  router.Add("GET", "/api/campaigns/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchCampaign();
    return Answer(service.Get(*req.principal, *id), 200, *req.principal);
  });

  router.Add("PATCH", "/api/campaigns/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchCampaign();
    auto input = ReadInput(req);
    if (!input) return Response::FromError(input.error());
    return Answer(service.Update(*req.principal, *id, input->first, std::move(input->second)), 200, *req.principal);
  });

  router.Add("DELETE", "/api/campaigns/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return NoSuchCampaign();
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  });
}

}  // namespace sen::campaigns
