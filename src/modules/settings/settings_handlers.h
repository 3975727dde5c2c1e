// HTTP routes of the admin's settings: /api/settings/smtp.
#pragma once

#include "http/router.h"
#include "modules/settings/settings_service.h"

namespace sen::settings {

void RegisterRoutes(http::Router& router, SettingsService& service);

}  // namespace sen::settings
