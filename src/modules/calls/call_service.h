// Calls (C1-C3): log, plan, complete, list; a completed call moves its lead on by rule C3.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/clock.h"
#include "core/mail.h"
#include "core/error.h"
#include "core/paging.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/calls/call.h"
#include "modules/calls/call_repository.h"
#include "modules/leads/activity_parent.h"
#include "modules/leads/lead_service.h"
#include "modules/users/user_service.h"

namespace sen::calls {

template <typename T>
using Maybe = std::optional<std::optional<T>>;

// What a request gives; absent members stay as they are (PATCH) or take defaults (POST).
struct CallInput {
  std::optional<std::string> parent_type;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> subject;
  std::optional<std::string> direction;
  std::optional<std::string> status;
  Maybe<std::string> result;
  std::optional<Millis> start_at;
  Maybe<std::int64_t> duration_s;
  Maybe<std::string> description;
  Maybe<std::int64_t> remind_popup_min;
  Maybe<std::int64_t> remind_email_min;
  std::optional<std::int64_t> owner_id;
  bool confirm_do_not_contact = false;
};

struct CallView {
  Call call;
  std::optional<std::string> parent_name;
  std::optional<std::string> owner_name;
  // Set when saving the call moved its lead to another status (C3): from, to.
  std::optional<std::pair<std::string, std::string>> status_changed;  // the parent's (C3, T2)
};

struct CallQuery {
  std::optional<std::string> parent_type;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> owner;  // "me" or an id
  std::optional<std::string> status;
  std::optional<std::string> result;
  std::optional<std::string> due;  // today | overdue
  bool ascending = false;
};

// C4: what one round of reminders did.
struct ReminderRun {
  std::int64_t popup = 0;
  std::int64_t email = 0;
  std::int64_t failed = 0;
};

class CallService {
 public:
  CallService(db::Database& db, const Clock& clock, users::UserService& users, leads::LeadService& leads)
      : db_(db), clock_(clock), users_(users), leads_(leads) {}
  // C4: popups are "reminder" notifications (kept, and pushed to open pages), e-mails go
  // through `mailer`.
  void SetNotifiers(notifications::NotificationService* notifier, Mailer* mailer) {
    notifier_ = notifier;
    mailer_ = mailer;
  }
  // T2: calls on targets.
  void SetTargets(leads::ActivityParent* targets) { targets_ = targets; }

  // `shape_errors` are what the handler found in the body; answered after the access check.
  Result<CallView> Create(const Principal& p, const CallInput& in, FieldErrors shape_errors);
  Result<CallView> Update(const Principal& p, std::int64_t id, const CallInput& in, FieldErrors shape_errors);
  Status Delete(const Principal& p, std::int64_t id);
  Result<CallView> Get(const Principal& p, std::int64_t id);
  Result<Page<CallView>> List(const Principal& p, const CallQuery& query, PageRequest page);

  // For a record's timeline, inside the caller's transaction.
  std::vector<CallView> Latest(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id,
                               std::int64_t limit);
  std::int64_t Count(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id);

  // C4: sends the reminders due by `now` (the reminders job). Each is claimed before it is sent
  // (so overlapping runs never send one twice) and marked sent once it went out; a claim left by
  // a run that died runs out after five minutes. A failed e-mail is tried again later, waiting
  // longer after each failure (ReminderRetryDelay); after kMailFailuresInARow failures the run
  // leaves the other e-mails for the next (the server is likely down). One that would come over
  // an hour after its call's start is dropped.
  ReminderRun SendDueReminders(Millis now);

 private:
  // Names of parents (by type and id) and users already looked up while answering one request.
  struct Names {
    std::map<std::pair<std::string, std::int64_t>, std::optional<std::string>> parents;
    std::map<std::int64_t, std::optional<std::string>> users;
  };
  // The record type `parent_type` names, if calls hang on it.
  leads::ActivityParent* Parent(std::string_view parent_type);
  // The call's live parent that `p` may see (see ActivityParent::FindForActivity).
  Result<leads::Lead> FindParent(db::Transaction& tx, const Principal& p, const Call& call);
  CallView View(db::Transaction& tx, Call call, Names& names);
  Status CheckOwner(db::Transaction& tx, const Principal& p, std::int64_t owner_id, const leads::Lead& lead);
  // C4: the call's reminder rows follow its status, start and reminder settings.
  void SyncReminders(db::Transaction& tx, const Call& call);

  db::Database& db_;
  const Clock& clock_;
  users::UserService& users_;
  leads::LeadService& leads_;
  leads::ActivityParent* targets_ = nullptr;
  notifications::NotificationService* notifier_ = nullptr;
  Mailer* mailer_ = nullptr;
};

}  // namespace sen::calls
