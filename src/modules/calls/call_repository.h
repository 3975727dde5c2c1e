// The only code that runs SQL on calls.
#pragma once

#include <optional>
#include <vector>

#include "core/paging.h"
#include "db/database.h"
#include "modules/calls/call.h"

namespace sen::calls {

struct CallFilter {
  std::optional<std::string> parent_type;
  std::optional<std::int64_t> parent_id;
  std::optional<std::int64_t> owner_id;
  std::optional<std::string> status;
  std::optional<std::string> result;
  std::optional<Millis> from;  // start_at >= from
  std::optional<Millis> to;    // start_at < to
  // Whose calls the caller sees without a parent: everyone's (empty) or these owners'.
  std::optional<std::vector<std::int64_t>> only_owners;
  bool ascending = false;
};

namespace repo {

std::optional<Call> Find(db::Transaction& tx, std::int64_t id);
std::int64_t Insert(db::Transaction& tx, const Call& call);
void Update(db::Transaction& tx, const Call& call);
void Delete(db::Transaction& tx, std::int64_t id);
Page<Call> List(db::Transaction& tx, const CallFilter& filter, PageRequest page);
// The newest `limit` calls of a record, and how many it has.
std::vector<Call> Latest(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id, std::int64_t limit);
std::int64_t Count(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id);

}  // namespace repo
}  // namespace sen::calls
