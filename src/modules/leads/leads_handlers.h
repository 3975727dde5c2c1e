// HTTP routes of the leads module: /api/leads and /api/meta/leads.
#pragma once

#include "http/router.h"
#include "modules/leads/lead_service.h"

namespace sen::leads {

void RegisterRoutes(http::Router& router, LeadService& service);

// Reads the list filters of API.md from query parameters; a 422 names each bad one.
Result<LeadFilter> ParseFilter(const http::Request& request, const Principal& principal);
Result<LeadSort> ParseSort(const http::Request& request);

}  // namespace sen::leads
