// HTTP routes of the targets module: /api/targets and /api/meta/targets.
#pragma once

#include "http/router.h"
#include "modules/targets/target_service.h"

namespace sen::targets {

void RegisterRoutes(http::Router& router, TargetService& service);

}  // namespace sen::targets
