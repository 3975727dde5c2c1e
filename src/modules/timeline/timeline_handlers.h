// HTTP route of the lead timeline: GET /api/leads/{id}/timeline.
#pragma once

#include "http/router.h"
#include "modules/timeline/timeline_service.h"

namespace sen::timeline {

void RegisterRoutes(http::Router& router, TimelineService& service);

}  // namespace sen::timeline
