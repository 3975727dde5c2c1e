// HTTP routes of assignment rules (API.md "Assignment").
#pragma once

#include "http/router.h"
#include "modules/assignment/assignment_service.h"

namespace sen::assignment {

void RegisterRoutes(http::Router& router, AssignmentService& service);

}  // namespace sen::assignment
