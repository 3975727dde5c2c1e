// HTTP routes of scheduled jobs (API.md "Assignment": /api/jobs).
#pragma once

#include "http/router.h"
#include "modules/jobs/job_service.h"

namespace sen::jobs {

void RegisterRoutes(http::Router& router, JobService& service);

}  // namespace sen::jobs
