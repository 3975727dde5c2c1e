// GET /api/ws: the signed-in user's live events over a WebSocket (API.md "Live events").
#pragma once

#include "core/event_hub.h"
#include "http/router.h"

namespace sen::events {

void RegisterRoutes(http::Router& router, EventHub& hub);

}  // namespace sen::events
