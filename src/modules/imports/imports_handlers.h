// HTTP routes of imports: /api/imports, /api/import-presets.
#pragma once

#include "http/router.h"
#include "modules/imports/import_service.h"

namespace sen::imports {

void RegisterRoutes(http::Router& router, ImportService& service);

}  // namespace sen::imports
