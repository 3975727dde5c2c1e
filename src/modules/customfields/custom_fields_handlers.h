// HTTP routes of custom field definitions: /api/custom-fields.
#pragma once

#include "http/router.h"
#include "modules/customfields/custom_field_service.h"

namespace sen::customfields {

void RegisterRoutes(http::Router& router, CustomFieldService& service);

}  // namespace sen::customfields
