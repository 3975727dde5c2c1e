#include "modules/campaigns/campaign_repository.h"

namespace sen::campaigns::repo {

Status Check(db::Transaction& tx, std::optional<std::int64_t> id, const std::string& field) {
  if (!id || tx.QueryInt("SELECT 1 FROM campaigns WHERE id = ?", {*id})) return {};
  return Error::Field(field, "no campaign has id " + std::to_string(*id), "unknown_campaign");
}

std::unordered_map<std::string, std::int64_t> IdsByFoldedName(db::Transaction& tx) {
  std::unordered_map<std::string, std::int64_t> out;
  tx.Query("SELECT name_fold, id FROM campaigns", {}, [&](const db::Row& r) { out.emplace(r.Str(0), r.Int(1)); });
  return out;
}

std::unordered_map<std::int64_t, std::string> Names(db::Transaction& tx) {
  std::unordered_map<std::int64_t, std::string> out;
  tx.Query("SELECT id, name FROM campaigns", {}, [&](const db::Row& r) { out.emplace(r.Int(0), r.Str(1)); });
  return out;
}

}  // namespace sen::campaigns::repo
