// Remembers row counts of list queries together with the change counter they were taken at.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "db/database.h"

namespace sen::db {

// Counting 300,000 matching rows costs ~25 ms in SQLite while fetching a page costs well under
// one; people page through the same filter, so its total is kept until the records change.
class CountCache {
 public:
  // The count of `sql` with `params` (a COUNT query), from the cache when `generation` has not
  // moved since it was taken, else from `tx`.
  std::int64_t Count(Transaction& tx, const std::string& sql, const Params& params, std::int64_t generation);

 private:
  static constexpr std::size_t kMaxEntries = 4096;
  struct Entry {
    std::int64_t generation = 0;
    std::int64_t count = 0;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

// The current value of a change counter (0 when it does not exist).
std::int64_t ChangeCounter(Transaction& tx, std::string_view name);
// Bumps a change counter inside a write transaction.
void BumpChangeCounter(Transaction& tx, std::string_view name);

}  // namespace sen::db
