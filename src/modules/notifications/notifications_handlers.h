// HTTP routes of the bell: /api/notifications.
#pragma once

#include "http/router.h"
#include "modules/notifications/notification_service.h"

namespace sen::notifications {

void RegisterRoutes(http::Router& router, NotificationService& service);

}  // namespace sen::notifications
