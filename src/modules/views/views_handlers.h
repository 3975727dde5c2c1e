// HTTP routes of saved views and preferences: /api/views, /api/preferences/{key}.
#pragma once

#include "http/router.h"
#include "modules/views/view_service.h"

namespace sen::views {

void RegisterRoutes(http::Router& router, ViewService& service);

}  // namespace sen::views
