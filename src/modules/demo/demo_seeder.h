// `sen demo`: teams, users and leads that look like a real Vietnamese admissions team's data.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "modules/campaigns/campaign_service.h"
#include "modules/leads/lead_service.h"
#include "modules/targetlists/target_list_service.h"
#include "modules/targets/target_service.h"
#include "modules/users/user_service.h"

namespace sen::demo {

struct DemoOptions {
  std::int64_t leads = 300;
  std::uint64_t seed = 42;
  std::string user_password;  // for the demo manager and agents
};

struct DemoReport {
  int users_created = 0;
  std::int64_t leads_created = 0;
  std::int64_t targets_created = 0;
};

struct DemoServices {
  users::UserService& users;
  leads::LeadService& leads;
  targetlists::TargetListService& lists;
  campaigns::CampaignService& campaigns;
  targets::TargetService& targets;
};

Result<DemoReport> SeedDemo(const DemoServices& services, const Clock& clock, const DemoOptions& options);

}  // namespace sen::demo
