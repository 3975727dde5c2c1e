// The bell: what a user was told by popup (a lead assigned, a call coming up, leads left
// without care), kept so that what arrived while none of their pages was open still reaches
// them, and pushed live (GET /api/ws) once the change it tells of has committed.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/event_hub.h"
#include "core/principal.h"
#include "db/database.h"

namespace sen::notifications {

struct Notification {
  std::int64_t id = 0;
  std::string type;  // the live event's type: lead_assigned, reminder, stalled_leads
  nlohmann::json data;
  Millis created_at = 0;
  std::optional<Millis> read_at;
};

struct Inbox {
  std::vector<Notification> items;  // newest first
  std::int64_t unread = 0;
};

nlohmann::json ToJson(const Notification& n);

class NotificationService {
 public:
  NotificationService(db::Database& db, const Clock& clock, EventHub& events)
      : db_(db), clock_(clock), events_(events) {}

  // Keeps the notification in `tx` and, once `tx` commits, sends it to the user's open pages as
  // the live event {"type": type, "data": data + "notification_id"}.
  void Notify(db::Transaction& tx, std::int64_t user_id, std::string_view type, nlohmann::json data);
  // The user's `limit` newest notifications and how many of all theirs are unread.
  Inbox List(const Principal& p, std::int64_t limit);
  // Marks the user's notifications `ids` read (all of them without `ids`; others' ids change
  // nothing) and returns how many are left unread.
  std::int64_t MarkRead(const Principal& p, const std::optional<std::vector<std::int64_t>>& ids);

 private:
  db::Database& db_;
  const Clock& clock_;
  EventHub& events_;
};

}  // namespace sen::notifications
