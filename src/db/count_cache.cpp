// The cache key is the query text and its parameters, each tagged with its type.
#include "db/count_cache.h"

namespace sen::db {

namespace {

constexpr std::string_view kGetCounter = "SELECT value FROM change_counters WHERE name = ?";
constexpr std::string_view kBumpCounter = "UPDATE change_counters SET value = value + 1 WHERE name = ?";

std::string Key(const std::string& sql, const Params& params) {
  std::string key = sql;
  for (const auto& p : params) {
    key.push_back('\x1f');
    std::visit(
        [&key](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::nullptr_t>) {
            key += "n";
          } else if constexpr (std::is_same_v<V, std::string_view>) {
            key += "s";
            key += v;
          } else {
            key += 'i';
            key += std::to_string(v);
          }
        },
        p.value());
  }
  return key;
}

}  // namespace

std::int64_t CountCache::Count(Transaction& tx, const std::string& sql, const Params& params, std::int64_t generation) {
  const std::string key = Key(sql, params);
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end() && it->second.generation == generation) {
      return it->second.count;
    }
  }
  const std::int64_t count = tx.QueryInt(sql, params).value_or(0);
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[key] = {generation, count};
  return count;
}

std::int64_t ChangeCounter(Transaction& tx, std::string_view name) { return tx.QueryInt(kGetCounter, {name}).value_or(0); }

void BumpChangeCounter(Transaction& tx, std::string_view name) { tx.Execute(kBumpCounter, {name}); }

}  // namespace sen::db
