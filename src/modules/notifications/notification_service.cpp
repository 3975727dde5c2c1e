// Notification use cases and their SQL (small enough to keep together: the repository is the
// anonymous namespace below).
#include "modules/notifications/notification_service.h"

namespace sen::notifications {

namespace {

constexpr std::string_view kInsert =
    "INSERT INTO notifications (user_id, type, data, created_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kLatest =
    "SELECT id, type, data, created_at, read_at FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?";
constexpr std::string_view kUnread = "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL";
constexpr std::string_view kMarkAll =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL";
constexpr std::string_view kMarkSome =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL "
    "AND id IN (SELECT value FROM json_each(?))";
constexpr std::string_view kForgetOld =
    "DELETE FROM notifications WHERE user_id = ? AND read_at IS NOT NULL AND created_at < ?";
// Read notifications are kept this long, for a look back.
constexpr Millis kKeepRead = 30LL * 24 * 3600 * 1000;

}  // namespace

nlohmann::json ToJson(const Notification& n) {
  return {{"id", n.id},
          {"type", n.type},
          {"data", n.data},
          {"created_at", FormatRfc3339(n.created_at)},
          {"read_at", n.read_at ? nlohmann::json(FormatRfc3339(*n.read_at)) : nlohmann::json()}};
}

void NotificationService::Notify(db::Transaction& tx, std::int64_t user_id, std::string_view type,
                                 nlohmann::json data) {
  const auto id = tx.Insert(kInsert, {user_id, type, data.dump(), clock_.Now()});
  data["notification_id"] = id;
  tx.AfterCommit([&events = events_, user_id, type = std::string(type), data = std::move(data)] {
    events.Publish(user_id, type, data);
  });
}

Inbox NotificationService::List(const Principal& p, std::int64_t limit) {
  Inbox inbox;
  auto tx = db_.BeginRead();
  tx->Query(kLatest, {p.user_id, limit}, [&](const db::Row& r) {
    inbox.items.push_back({r.Int(0), r.Str(1), nlohmann::json::parse(r.Text(2)), r.Int(3), r.OptInt(4)});
  });
  inbox.unread = tx->QueryInt(kUnread, {p.user_id}).value_or(0);
  return inbox;
}

std::int64_t NotificationService::MarkRead(const Principal& p, const std::optional<std::vector<std::int64_t>>& ids) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  if (!ids) {
    tx->Execute(kMarkAll, {now, p.user_id});
  } else if (!ids->empty()) {
    tx->Execute(kMarkSome, {now, p.user_id, nlohmann::json(*ids).dump()});
  }
  tx->Execute(kForgetOld, {p.user_id, now - kKeepRead});
  const auto unread = tx->QueryInt(kUnread, {p.user_id}).value_or(0);
  tx->Commit();
  return unread;
}

}  // namespace sen::notifications
