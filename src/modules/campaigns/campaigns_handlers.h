// HTTP routes of campaigns: /api/campaigns.
#pragma once

#include "http/router.h"
#include "modules/campaigns/campaign_service.h"

namespace sen::campaigns {

void RegisterRoutes(http::Router& router, CampaignService& service);

}  // namespace sen::campaigns
