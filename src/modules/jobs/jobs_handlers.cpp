// Parse, call one service method, render JSON.
#include "modules/jobs/jobs_handlers.h"

#include "http/params.h"

namespace sen::jobs {

namespace {

using http::Request;
using http::Response;

Response JobAnswer(Result<Job> job, int status) {
  if (!job) return Response::FromError(job.error());
  return Response::Json(status, ToJson(*job));
}

}  // namespace

void RegisterRoutes(http::Router& router, JobService& service) {
  router.Add("GET", "/api/jobs", [&service](Request& req) {
    auto jobs = service.List(*req.principal);
    if (!jobs) return Response::FromError(jobs.error());
    Page<Job> page{*jobs, static_cast<std::int64_t>(jobs->size()), {1, kMaxPageSize}};
    return Response::Json(200, http::PageJson(page, [](const Job& j) { return ToJson(j); }));
  });

  router.Add("GET", "/api/jobs/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such job"));
    return JobAnswer(service.Get(*req.principal, *id), 200);
  });

  router.Add("POST", "/api/jobs", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    return JobAnswer(service.Create(*req.principal, *body), 201);
  });

  router.Add("PATCH", "/api/jobs/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such job"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    return JobAnswer(service.Update(*req.principal, *id, *body), 200);
  });

  router.Add("DELETE", "/api/jobs/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such job"));
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  });

  router.Add("POST", "/api/jobs/{id}/run", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such job"));
    auto job = service.RunNow(*req.principal, *id);
    const int status = job && job->running ? 202 : 200;  // 202: the run goes on in the background
    return JobAnswer(std::move(job), status);
  }, http::Access::kSignedIn, http::Execution::kSlow);
}

}  // namespace sen::jobs
