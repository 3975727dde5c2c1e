// HTTP routes of target lists: /api/target-lists and their members.
#pragma once

#include "http/router.h"
#include "modules/targetlists/target_list_service.h"

namespace sen::targetlists {

void RegisterRoutes(http::Router& router, TargetListService& service);

}  // namespace sen::targetlists
