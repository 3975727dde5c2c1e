// HTTP routes of calls: /api/calls and /api/meta/calls.
#pragma once

#include "http/router.h"
#include "modules/calls/call_service.h"

namespace sen::calls {

void RegisterRoutes(http::Router& router, CallService& service);

}  // namespace sen::calls
