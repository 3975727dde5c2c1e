// Remembers what list queries found, together with the change counter they were taken at.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/database.h"

namespace sen::db {

// Counting 300,000 matching rows costs ~25 ms in SQLite while fetching a page costs well under
// one; people page through the same filter, so its total is kept until the records change.
// A filter that matches few rows scattered over a large index (three filters at once) costs
// its walk on every page instead; for those the ids themselves are kept, in list order, and a
// page reads only its own rows.
class ListCache {
 public:
  using IdList = std::shared_ptr<const std::vector<std::int64_t>>;

  // The count of `sql` with `params` (a COUNT query), from the cache when `generation` has not
  // moved since it was taken, else from `tx`.
  std::int64_t Count(Transaction& tx, const std::string& sql, const Params& params, std::int64_t generation);
  // The ids `sql` (one id column, in list order, bounded by its LIMIT) returns; cached like Count.
  IdList Ids(Transaction& tx, const std::string& sql, const Params& params, std::int64_t generation);

 private:
  template <typename V>
  struct Entry {
    std::int64_t generation = 0;
    V value{};
  };
  template <typename V, typename Compute>
  V Remember(std::unordered_map<std::string, Entry<V>>& map, std::size_t max_entries, std::string key,
             std::int64_t generation, Compute compute);

  std::mutex mutex_;
  std::unordered_map<std::string, Entry<std::int64_t>> counts_;
  std::unordered_map<std::string, Entry<IdList>> ids_;
};

// The current value of a change counter (0 when it does not exist).
std::int64_t ChangeCounter(Transaction& tx, std::string_view name);
// Bumps a change counter inside a write transaction.
void BumpChangeCounter(Transaction& tx, std::string_view name);

}  // namespace sen::db
