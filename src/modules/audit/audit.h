// The audit trail (A3): who changed which field of which record, when, and through what.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/paging.h"
#include "core/principal.h"
#include "db/database.h"

namespace sen::audit {

struct Change {
  std::string action;  // create | update | delete | restore
  std::optional<std::string> field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
};

struct Entry {
  std::int64_t id = 0;
  std::string entity_type;
  std::int64_t entity_id = 0;
  Change change;
  std::optional<std::int64_t> user_id;
  std::string via;
  Millis at = 0;
};

struct Actor {
  std::optional<std::int64_t> user_id;
  Channel channel = Channel::kApi;
};

// The system (user_id 0: command line, rules) is recorded without a user.
inline Actor ActorOf(const Principal& p) {
  return {p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt, p.channel};
}

// Writes the changes of one record in the caller's transaction, so they commit with it.
void Record(db::Transaction& tx, const Actor& actor, std::string_view entity_type, std::int64_t entity_id,
            const std::vector<Change>& changes, Millis at);

// Newest first.
Page<Entry> History(db::Transaction& tx, std::string_view entity_type, std::int64_t entity_id, PageRequest page);

}  // namespace sen::audit
