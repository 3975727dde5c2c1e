// Saved views (L7): a named filter with columns and sort, private or shared with the team;
// and per-user preferences such as the chosen columns of the lead list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/leads/lead_service.h"
#include "modules/users/user_service.h"

namespace sen::views {

struct SavedView {
  std::int64_t id = 0;
  std::string entity = "leads";
  std::string name;
  std::int64_t owner_id = 0;
  std::optional<std::int64_t> team_id;
  bool shared = false;
  leads::QueryParams filter;
  std::optional<std::vector<std::string>> columns;
  std::optional<std::string> sort;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::optional<std::string> owner_name;  // for display
};

nlohmann::json ToJson(const SavedView& view, const Principal& viewer);

struct ViewInput {
  std::optional<std::string> entity;
  std::optional<std::string> name;
  std::optional<leads::QueryParams> filter;
  std::optional<std::optional<std::vector<std::string>>> columns;
  std::optional<std::optional<std::string>> sort;
  std::optional<bool> shared;
};

class ViewService {
 public:
  ViewService(db::Database& db, const Clock& clock, users::UserService& users, leads::LeadService& leads)
      : db_(db), clock_(clock), users_(users), leads_(leads) {}

  std::vector<SavedView> List(const Principal& p, std::string_view entity);
  Result<SavedView> Create(const Principal& p, const ViewInput& in, FieldErrors shape_errors);
  Result<SavedView> Update(const Principal& p, std::int64_t id, const ViewInput& in, FieldErrors shape_errors);
  Status Delete(const Principal& p, std::int64_t id);
  // The filter and sort of a view `p` may use, as list parameters.
  Result<leads::QueryParams> Resolve(const Principal& p, std::int64_t id);

  // Preferences: only known keys, each with its own check.
  Result<nlohmann::json> Preference(const Principal& p, std::string_view key);
  Result<nlohmann::json> SetPreference(const Principal& p, std::string_view key, const nlohmann::json& value);

 private:
  void Check(const Principal& p, const SavedView& view, FieldErrors& errors);
  void CheckColumns(const std::vector<std::string>& columns, const std::string& field, FieldErrors& errors);

  db::Database& db_;
  const Clock& clock_;
  users::UserService& users_;
  leads::LeadService& leads_;
};

}  // namespace sen::views
