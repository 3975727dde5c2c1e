// Audit rows are append-only; reading them back is a range scan on (entity_type, entity_id, id).
#include "modules/audit/audit.h"

namespace sen::audit {

namespace {

constexpr std::string_view kInsert = R"~(
INSERT INTO audit_log (entity_type, entity_id, action, field, old_value, new_value, user_id, via, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))~";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM audit_log WHERE entity_type = ? AND entity_id = ?";
constexpr std::string_view kPage = R"~(
SELECT id, action, field, old_value, new_value, user_id, via, created_at FROM audit_log
WHERE entity_type = ? AND entity_id = ? ORDER BY id DESC LIMIT ? OFFSET ?)~";

}  // namespace

void Record(db::Transaction& tx, const Actor& actor, std::string_view entity_type, std::int64_t entity_id,
            const std::vector<Change>& changes, Millis at) {
  const std::string_view via = ChannelName(actor.channel);
  for (const auto& c : changes) {
    tx.Execute(kInsert, {entity_type, entity_id, c.action, c.field, c.old_value, c.new_value, actor.user_id, via, at});
  }
}

Page<Entry> History(db::Transaction& tx, std::string_view entity_type, std::int64_t entity_id, PageRequest page) {
  Page<Entry> out;
  out.request = page;
  out.total = tx.QueryInt(kCount, {entity_type, entity_id}).value_or(0);
  tx.Query(kPage, {entity_type, entity_id, page.page_size, page.offset()}, [&](const db::Row& r) {
    Entry e;
    e.id = r.Int(0);
    e.entity_type = std::string(entity_type);
    e.entity_id = entity_id;
    e.change = {r.Str(1), r.OptStr(2), r.OptStr(3), r.OptStr(4)};
    e.user_id = r.OptInt(5);
    e.via = r.Str(6);
    e.at = r.Int(7);
    out.items.push_back(std::move(e));
  });
  return out;
}

}  // namespace sen::audit
