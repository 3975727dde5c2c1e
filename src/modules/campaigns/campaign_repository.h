// What other modules ask of campaigns: whether one exists (a lead's or a rule's campaign must),
// their ids by folded name (an import's campaign column may hold names) and their names (an
// export's).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/error.h"
#include "db/database.h"

namespace sen::campaigns::repo {

// 422 on `field` when `id` names no campaign; nothing to check for no campaign.
Status Check(db::Transaction& tx, std::optional<std::int64_t> id, const std::string& field);
std::unordered_map<std::string, std::int64_t> IdsByFoldedName(db::Transaction& tx);
std::unordered_map<std::int64_t, std::string> Names(db::Transaction& tx);

}  // namespace sen::campaigns::repo
