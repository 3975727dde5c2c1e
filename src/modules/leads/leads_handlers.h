// HTTP routes of the leads module: /api/leads and /api/meta/leads.
#pragma once

#include "http/router.h"
#include "modules/leads/lead_service.h"

namespace sen::leads {

void RegisterRoutes(http::Router& router, LeadService& service);

// A create or change body, with its "allow_duplicate" (L3) read.
struct WriteBody {
  nlohmann::json body;
  bool allow_duplicate = false;
};
Result<WriteBody> ParseWriteBody(const http::Request& req);

// Reads the "ids" or the "filter" member of a bulk request into `out`; false for any other key.
bool ReadSelection(const std::string& key, const nlohmann::json& value, Selection& out, FieldErrors& errors);

}  // namespace sen::leads
