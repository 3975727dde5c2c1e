// The cache key is the query text and its parameters, each tagged with its type.
#include "db/list_cache.h"

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

template <typename V, typename Compute>
V ListCache::Remember(std::unordered_map<std::string, Entry<V>>& map, std::size_t max_entries, std::string key,
                      std::int64_t generation, Compute compute) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = map.find(key); it != map.end() && it->second.generation == generation) return it->second.value;
  }
  V value = compute();
  std::lock_guard lock(mutex_);
  if (map.size() >= max_entries) map.clear();
  map[std::move(key)] = {generation, value};
  return value;
}

std::int64_t ListCache::Count(Transaction& tx, const std::string& sql, const Params& params, std::int64_t generation) {
  constexpr std::size_t kMaxEntries = 4096;
  return Remember(counts_, kMaxEntries, Key(sql, params), generation,
                  [&] { return tx.QueryInt(sql, params).value_or(0); });
}

ListCache::IdList ListCache::Ids(Transaction& tx, const std::string& sql, const Params& params,
                                 std::int64_t generation) {
  constexpr std::size_t kMaxEntries = 256;  // with lists of 5,000 ids: at most ~10 MB
  return Remember(ids_, kMaxEntries, Key(sql, params), generation, [&] {
    auto ids = std::make_shared<std::vector<std::int64_t>>();
    tx.Query(sql, params, [&](const Row& r) { ids->push_back(r.Int(0)); });
    return IdList(std::move(ids));
  });
}

std::int64_t ChangeCounter(Transaction& tx, std::string_view name) { return tx.QueryInt(kGetCounter, {name}).value_or(0); }

void BumpChangeCounter(Transaction& tx, std::string_view name) { tx.Execute(kBumpCounter, {name}); }

}  // namespace sen::db
