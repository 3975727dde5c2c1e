// HTTP routes of the leads module: /api/leads and /api/meta/leads.
#pragma once

#include "http/router.h"
#include "modules/leads/lead_service.h"

namespace sen::leads {

void RegisterRoutes(http::Router& router, LeadService& service);

}  // namespace sen::leads
