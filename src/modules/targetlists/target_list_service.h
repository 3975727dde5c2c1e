// Target lists (K2): named sets of leads for a campaign or a mailing, filled from the lead
// list's selection or filter and from an import's result (I7). Do-not-contact leads are never
// added. Admins, managers and marketers use them; a list is renamed or deleted by its maker or
// an admin.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/leads/lead_repository.h"
#include "modules/leads/lead_service.h"

namespace sen::targetlists {

struct TargetList {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> description;
  std::int64_t members = 0;  // live leads in it that the viewer sees
  std::optional<std::int64_t> created_by;
  std::optional<std::string> created_by_name;  // for display
  Millis created_at = 0;
  Millis updated_at = 0;
};

nlohmann::json ToJson(const TargetList& list, const Principal& viewer);
nlohmann::json ToJson(const leads::repo::ListAddition& addition);

struct TargetListInput {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> description;
};

class TargetListService {
 public:
  TargetListService(db::Database& db, const Clock& clock, leads::LeadService& leads)
      : db_(db), clock_(clock), leads_(leads) {}

  // By name.
  Result<std::vector<TargetList>> List(const Principal& p);
  Result<TargetList> Get(const Principal& p, std::int64_t id);
  Result<TargetList> Create(const Principal& p, const TargetListInput& in, FieldErrors shape_errors);
  Result<TargetList> Update(const Principal& p, std::int64_t id, const TargetListInput& in, FieldErrors shape_errors);
  // The list goes; its leads stay.
  Status Delete(const Principal& p, std::int64_t id);

  // The leads of `selection` that `p` sees join the list.
  Result<leads::repo::ListAddition> AddLeads(const Principal& p, std::int64_t id, const leads::Selection& selection);
  // I7, in the caller's transaction (imports checks the import is `p`'s and done): the live
  // leads import `import_id` created or updated join list `id`.
  Result<leads::repo::ListAddition> AddImport(db::Transaction& tx, const Principal& p, std::int64_t id,
                                              std::int64_t import_id);
  Status RemoveLead(const Principal& p, std::int64_t id, std::int64_t lead_id);
  // The leads of `selection` that `p` sees leave the list; how many were in it.
  Result<std::int64_t> RemoveLeads(const Principal& p, std::int64_t id, const leads::Selection& selection);
  // The members `p` sees, as the lead list with `params` (its filters, sort and paging) shows them.
  Result<Page<leads::Lead>> Members(const Principal& p, std::int64_t id, leads::QueryParams params, PageRequest page);

 private:
  Result<TargetList> Find(db::Transaction& tx, const Principal& p, std::int64_t id);
  // A write transaction in which the leads of `selection` that `p` sees are repo's targets.
  Result<db::TransactionPtr> SelectLeads(const Principal& p, std::int64_t id, const leads::Selection& selection,
                                         Millis now);
  // The list gets the addition's audit row and a new updated_at.
  void Added(db::Transaction& tx, const Principal& p, std::int64_t id, const leads::repo::ListAddition& addition,
             const std::string& from, Millis now);

  db::Database& db_;
  const Clock& clock_;
  leads::LeadService& leads_;
};

}  // namespace sen::targetlists
