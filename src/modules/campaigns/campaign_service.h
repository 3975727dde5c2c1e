// Campaigns (K1): what brought leads in — an event, an ads run, a mailing — with its type, status,
// dates, budget and source, and the leads and customers it counts. Everyone signed in reads them
// (an agent picks the campaign of a lead); admins, managers and marketers make them; a campaign
// is changed or deleted by its maker or an admin, and deleted only while nothing names it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/paging.h"
#include "core/principal.h"
#include "db/database.h"
#include "http/json_reader.h"

namespace sen::campaigns {

struct Campaign {
  std::int64_t id = 0;
  std::string name;
  std::string type = "other";
  std::string status = "planning";
  std::optional<std::string> start_date;  // YYYY-MM-DD
  std::optional<std::string> end_date;
  std::optional<std::int64_t> budget;  // VND
  std::optional<std::string> source;
  std::optional<std::string> description;
  // Live leads of the campaign that the viewer sees, and of them those at stage customer; not
  // counted for a list that needs only the names (a picker).
  std::optional<std::int64_t> leads;
  std::optional<std::int64_t> customers;
  std::optional<std::int64_t> created_by;
  std::optional<std::string> created_by_name;  // for display
  Millis created_at = 0;
  Millis updated_at = 0;
};

nlohmann::json ToJson(const Campaign& campaign, const Principal& viewer);

struct CampaignInput {
  std::optional<std::string> name;
  std::optional<std::string> type;
  std::optional<std::string> status;
  http::Maybe<std::string> start_date;
  http::Maybe<std::string> end_date;
  http::Maybe<std::int64_t> budget;
  http::Maybe<std::string> source;
  http::Maybe<std::string> description;
};

struct CampaignFilter {
  std::optional<std::string> q;  // in the name, ignoring case and diacritics
  std::optional<std::string> status;
  bool counts = true;  // false: names only, leads and customers left uncounted
};

class CampaignService {
 public:
  CampaignService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // By name.
  Result<Page<Campaign>> List(const Principal& p, const CampaignFilter& filter, PageRequest page);
  Result<Campaign> Get(const Principal& p, std::int64_t id);
  Result<Campaign> Create(const Principal& p, const CampaignInput& in, FieldErrors shape_errors);
  Result<Campaign> Update(const Principal& p, std::int64_t id, const CampaignInput& in, FieldErrors shape_errors);
  // 409 campaign_in_use while leads (in the trash too) or assignment rules name it.
  Status Delete(const Principal& p, std::int64_t id);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace sen::campaigns
