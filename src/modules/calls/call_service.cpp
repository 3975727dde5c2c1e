// Access check, input, rules (C3), save, audit; the call and its effect on the lead commit together.
#include "modules/calls/call_service.h"

#include "modules/audit/audit.h"
#include "modules/calls/call_rules.h"

namespace sen::calls {

namespace {

// Fills `call` from `in`; enumerations and numbers are checked here, the rest by CheckCall.
void Apply(Call& call, const CallInput& in, FieldErrors& errors) {
  if (in.subject) call.subject = *in.subject;
  if (in.direction) {
    if (IsDirection(*in.direction)) call.direction = *in.direction;
    else errors.Add("direction", "must be outbound or inbound", "unknown_value");
  }
  if (in.status) {
    if (IsStatus(*in.status)) call.status = *in.status;
    else errors.Add("status", "must be scheduled, completed or cancelled", "unknown_value");
  }
  if (in.result) {
    call.result = *in.result;
    if (call.result && !IsResult(*call.result)) {
      errors.Add("result",
                 "must be interested, not_interested, deny, call_back_later, invalid_number or wrong_person",
                 "unknown_value");
    }
  }
  if (in.start_at) call.start_at = *in.start_at;
  if (in.duration_s) {
    call.duration_s = *in.duration_s;
    if (call.duration_s && (*call.duration_s < 0 || *call.duration_s > 86'400)) {
      errors.Add("duration_s", "must be between 0 and 86400 seconds", "unknown_value");
    }
  }
  if (in.description) call.description = *in.description;
  if (call.status != "scheduled") {  // made or cancelled: its reminders go with its plan
    if (!in.remind_popup_min) call.remind_popup_min.reset();
    if (!in.remind_email_min) call.remind_email_min.reset();
  }
  for (auto [input, target, name] : {std::tuple{&in.remind_popup_min, &call.remind_popup_min, "remind_popup_min"},
                                     std::tuple{&in.remind_email_min, &call.remind_email_min, "remind_email_min"}}) {
    if (!*input) continue;
    *target = **input;
    if (*target && !IsReminder(**target)) {
      errors.Add(name, "must be whole minutes before the call, 0 to 10080 (a week)", "unknown_value");
    }
  }
  if (call.subject.empty() && !errors.Has("subject")) errors.Add("subject", "is required", "required");
  if (call.status.empty() && !errors.Has("status")) errors.Add("status", "is required", "required");
}

Status Checked(FieldErrors& errors, const Call& call) {
  if (errors.empty()) {
    if (auto ok = CheckCall(call); !ok) return ok;
    return {};
  }
  if (auto ok = CheckCall(call); !ok) errors.Merge(ok.error());
  return errors.ToError();
}

bool MayChange(const Principal& p, const Call& call) {
  return p.role != Role::kAgent || call.owner_id == p.user_id;
}

}  // namespace

Status CallService::CheckOwner(db::Transaction& tx, const Principal& p, std::int64_t owner_id,
                               const leads::Lead& lead) {
  if (owner_id == p.user_id) return {};
  auto owner = users_.ActiveUser(tx, owner_id, "owner_id");
  if (!owner) return std::move(owner).error();
  if (auto ok = leads::CheckOwnerChange(p, leads::OwnerInfo{owner->id, owner->team_id}); !ok) return ok;
  // C4: the owner is reminded of the call and opens its lead from the reminder; one who cannot
  // see the lead would never be reminded (SendDueReminders drops it).
  if (!leads::CanSee(users::PrincipalOf(*owner, p.channel), lead)) {
    return Error::Field("owner_id", "cannot see this call's lead", "cannot_see_lead");
  }
  return {};
}

leads::ActivityParent* CallService::Parent(std::string_view parent_type) {
  if (parent_type == "lead") return &leads_;
  return parent_type == "target" ? targets_ : nullptr;
}

Result<leads::Lead> CallService::FindParent(db::Transaction& tx, const Principal& p, const Call& call) {
  auto* parent = Parent(call.parent_type);
  if (!parent) return Error::NotFound("no " + call.parent_type + " has id " + std::to_string(call.parent_id));
  return parent->FindForActivity(tx, p, call.parent_id);
}

// C3 for leads, T2 for targets.
std::optional<std::string> StatusAfterCall(const Call& call, const std::string& parent_status) {
  return call.parent_type == "target" ? TargetStatusAfterCall(parent_status, call.status, call.result)
                                      : LeadStatusAfterCall(parent_status, call.status, call.result);
}

CallView CallService::View(db::Transaction& tx, Call call, Names& names) {
  CallView v{std::move(call), std::nullopt, std::nullopt, std::nullopt};
  if (auto* parent = Parent(v.call.parent_type)) {
    auto [it, inserted] = names.parents.try_emplace({v.call.parent_type, v.call.parent_id});
    if (inserted) it->second = parent->Name(tx, v.call.parent_id);
    v.parent_name = it->second;
  }
  if (v.call.owner_id) {
    auto [it, inserted] = names.users.try_emplace(*v.call.owner_id);
    if (inserted) {
      if (auto u = users_.Find(tx, *v.call.owner_id)) it->second = u->full_name;
    }
    v.owner_name = it->second;
  }
  return v;
}

Result<CallView> CallService::Create(const Principal& p, const CallInput& in, FieldErrors errors) {
  const Millis now = clock_.Now();
  Call call;
  call.parent_type = in.parent_type.value_or("");
  if (!Parent(call.parent_type) && !errors.Has("parent_type")) {
    errors.Add("parent_type", "must be lead or target (contacts have no calls yet)", "unknown_value");
  }
  if (!in.parent_id && !errors.Has("parent_id")) errors.Add("parent_id", "is required", "required");
  call.parent_id = in.parent_id.value_or(0);
  call.start_at = now;
  Apply(call, in, errors);
  call.owner_id = in.owner_id.value_or(p.user_id);
  call.created_by = p.user_id > 0 ? std::optional(p.user_id) : std::nullopt;
  call.created_at = call.updated_at = now;

  auto tx = db_.BeginWrite();
  auto lead = errors.Has("parent_id") || errors.Has("parent_type") ? Result<leads::Lead>(Error::NotFound(""))
                                                                    : FindParent(*tx, p, call);
  if (!lead && lead.error().code == ErrorCode::kForbidden) return std::move(lead).error();
  if (!lead && lead.error().code != ErrorCode::kNotFound) errors.Merge(lead.error());
  if (auto ok = Checked(errors, call); !ok) return std::move(ok).error();
  if (auto owner = CheckOwner(*tx, p, *call.owner_id, *lead); !owner) return std::move(owner).error();
  if (lead->do_not_contact && !in.confirm_do_not_contact) {
    return Error::Conflict("this " + call.parent_type +
                               " must not be contacted; send \"confirm_do_not_contact\": true to log the call anyway",
                           "do_not_contact", {{"dnc_reason", lead->dnc_reason.value_or("")}});
  }
  call.id = repo::Insert(*tx, call);
  SyncReminders(*tx, call);
  audit::Record(*tx, audit::ActorOf(p), "call", call.id, {{"create", std::nullopt, std::nullopt, call.subject}}, now);
  Names names;
  CallView view = View(*tx, call, names);
  if (call.status == "completed") {
    auto next = StatusAfterCall(call, lead->status);
    Parent(call.parent_type)->RecordActivity(*tx, p, *lead, call.start_at, next, now);
    if (next) view.status_changed = std::pair(lead->status, *next);
  }
  tx->Commit();
  return view;
}

Result<CallView> CallService::Update(const Principal& p, std::int64_t id, const CallInput& in, FieldErrors errors) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto before = repo::Find(*tx, id);
  if (!before) return Error::NotFound("no call has id " + std::to_string(id));
  auto lead = FindParent(*tx, p, *before);
  if (!lead) return lead.error().code == ErrorCode::kForbidden ? std::move(lead).error()
                                                               : Error::NotFound("no call has id " + std::to_string(id));
  if (!MayChange(p, *before)) return Error::Forbidden("only the owner of a call or a manager changes it");
  if (in.parent_type || in.parent_id) errors.Add(in.parent_type ? "parent_type" : "parent_id", "cannot change", "read_only");
  Call call = *before;
  Apply(call, in, errors);
  if (in.owner_id) call.owner_id = *in.owner_id;
  if (auto ok = Checked(errors, call); !ok) return std::move(ok).error();
  if (call.owner_id && call.owner_id != before->owner_id) {
    if (auto owner = CheckOwner(*tx, p, *call.owner_id, *lead); !owner) return std::move(owner).error();
  }
  call.updated_at = now;
  repo::Update(*tx, call);
  SyncReminders(*tx, call);
  std::vector<audit::Change> changes;
  auto diff = [&](const char* field, const std::optional<std::string>& a, const std::optional<std::string>& b) {
    if (a != b) changes.push_back({"update", field, a, b});
  };
  diff("status", before->status, call.status);
  diff("result", before->result, call.result);
  diff("subject", before->subject, call.subject);
  diff("start_at", FormatRfc3339(before->start_at), FormatRfc3339(call.start_at));
  audit::Record(*tx, audit::ActorOf(p), "call", id, changes, now);
  Names names;
  CallView view = View(*tx, call, names);
  if (call.status == "completed" && before->status != "completed") {
    auto next = StatusAfterCall(call, lead->status);
    Parent(call.parent_type)->RecordActivity(*tx, p, *lead, call.start_at, next, now);
    if (next) view.status_changed = std::pair(lead->status, *next);
  }
  tx->Commit();
  return view;
}

Status CallService::Delete(const Principal& p, std::int64_t id) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto call = repo::Find(*tx, id);
  if (!call) return Error::NotFound("no call has id " + std::to_string(id));
  if (auto lead = FindParent(*tx, p, *call); !lead) {
    return lead.error().code == ErrorCode::kForbidden ? std::move(lead).error()
                                                      : Error::NotFound("no call has id " + std::to_string(id));
  }
  if (!MayChange(p, *call)) return Error::Forbidden("only the owner of a call or a manager deletes it");
  repo::Delete(*tx, id);
  audit::Record(*tx, audit::ActorOf(p), "call", id, {{"delete", std::nullopt, call->subject, std::nullopt}}, now);
  tx->Commit();
  return {};
}

Result<CallView> CallService::Get(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginRead();
  auto call = repo::Find(*tx, id);
  if (!call) return Error::NotFound("no call has id " + std::to_string(id));
  if (auto lead = FindParent(*tx, p, *call); !lead) {
    return lead.error().code == ErrorCode::kForbidden ? std::move(lead).error()
                                                      : Error::NotFound("no call has id " + std::to_string(id));
  }
  Names names;
  return View(*tx, *call, names);
}

Result<Page<CallView>> CallService::List(const Principal& p, const CallQuery& q, PageRequest page) {
  auto tx = db_.BeginRead();
  CallFilter f;
  f.status = q.status;
  f.result = q.result;
  f.ascending = q.ascending;
  if (q.parent_id) {
    f.parent_type = q.parent_type.value_or("lead");
    f.parent_id = q.parent_id;
    auto* parent = Parent(*f.parent_type);
    if (!parent) return Error::Field("parent_type", "must be lead or target", "unknown_value");
    // Everyone who may see the record sees all its calls.
    if (auto lead = parent->FindForActivity(*tx, p, *q.parent_id); !lead) {
      return lead.error().code == ErrorCode::kForbidden
                 ? std::move(lead).error()
                 : Error::Field("parent_id", "no " + *f.parent_type + " has this id", "not_found");
    }
  } else if (p.role == Role::kAgent) {
    f.only_owners = std::vector<std::int64_t>{p.user_id};
  } else if (p.role == Role::kManager) {
    auto members = p.team_id ? users_.TeamMembers(*tx, *p.team_id) : std::vector<std::int64_t>{};
    members.push_back(p.user_id);
    f.only_owners = std::move(members);
  }
  if (q.owner) f.owner_id = *q.owner == "me" ? p.user_id : std::stoll(*q.owner);
  if (q.due) {
    const Millis now = clock_.Now();
    f.status = "scheduled";
    if (*q.due == "today") {
      const Millis local_midnight = CompanyDayStart(now);
      f.from = local_midnight;
      f.to = local_midnight + kDay;
    } else {
      f.to = now;
    }
  }
  auto calls = repo::List(*tx, f, page);
  Page<CallView> out;
  out.total = calls.total;
  out.request = calls.request;
  Names names;
  for (auto& c : calls.items) out.items.push_back(View(*tx, std::move(c), names));
  return out;
}

std::vector<CallView> CallService::Latest(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id,
                                          std::int64_t limit) {
  std::vector<CallView> out;
  Names names;
  for (auto& c : repo::Latest(tx, parent_type, parent_id, limit)) out.push_back(View(tx, std::move(c), names));
  return out;
}

std::int64_t CallService::Count(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id) {
  return repo::Count(tx, parent_type, parent_id);
}

namespace {
// A run sends at most this many; the rest wait a minute for the next.
constexpr std::int64_t kRemindersPerRun = 1000;
// How long a run holds a reminder it is sending (an e-mail takes 40 s at worst); a run that died
// meanwhile gives it back when this runs out.
constexpr Millis kReminderClaim = 5LL * 60 * 1000;
}  // namespace

ReminderRun CallService::SendDueReminders(Millis now) {
  ReminderRun run;
  std::vector<repo::ReminderRow> due;
  {
    auto tx = db_.BeginRead();
    due = repo::DueReminders(*tx, now, kRemindersPerRun);
  }
  int mail_failures_in_a_row = 0;  // then the other e-mails wait for the next run
  for (const auto& reminder : due) {
    if (mail_failures_in_a_row >= kMailFailuresInARow && reminder.channel == "email") continue;
    std::optional<Call> call;
    std::optional<users::User> owner;
    std::string lead_name;
    std::optional<std::string> out_of_reach;  // why the owner may no longer act on the lead
    Millis claim = 0;
    {
      // Claimed first: two runs never send one reminder, and a call moved since the list was
      // read (another due time) is not claimed.
      auto tx = db_.BeginWrite();
      const Millis at = clock_.Now();
      claim = at + kReminderClaim;
      if (!repo::ClaimReminder(*tx, reminder, at, claim)) continue;
      call = repo::Find(*tx, reminder.call_id);
      if (call && call->owner_id) owner = users_.FindActive(*tx, *call->owner_id);
      if (call && owner) {
        auto lead = FindParent(*tx, users::PrincipalOf(*owner, Channel::kRule), *call);
        if (lead) {
          lead_name = lead->full_name;
        } else {
          const bool forbidden = lead.error().code == ErrorCode::kForbidden;
          out_of_reach = forbidden ? "the call's owner no longer has access to its lead" : "the call's lead is in the trash";
        }
      }
      tx->Commit();
    }
    std::optional<std::string> failure;
    bool give_up = false;
    bool popup = reminder.channel == "popup";
    if (!call || call->status != "scheduled" || !owner || out_of_reach || call->start_at + kReminderTooLate < now) {
      failure = !call || call->status != "scheduled" ? "the call is no longer planned"
                : !owner                               ? "the call's owner is not an active user"
                : out_of_reach                         ? *out_of_reach
                                                       : "the call was over before the reminder could go";
      give_up = true;
    } else if (reminder.channel == "email") {
      std::optional<std::string> unsendable;  // why no e-mail can go at all: no address, no e-mail set up
      Status sent;
      if (!owner->email) {
        unsendable = owner->full_name + " has no e-mail address";
      } else if (!mailer_) {
        unsendable = "e-mail is not set up";
      } else {
        auto text = ReminderMail(owner->language, owner->full_name, *call, lead_name);
        sent = mailer_->Send({*owner->email, text.subject, text.body});
        if (!sent && sent.error().extra.value("reason", "") == "smtp_not_set_up") unsendable = sent.error().message;
      }
      if (unsendable) {
        const auto& all = RemindersOf(*call);
        if (std::none_of(all.begin(), all.end(), [](const ReminderDue& r) { return r.channel == "popup"; })) {
          popup = true;  // the owner's page reminds them instead
        } else {
          failure = *unsendable;  // the call's own popup reminds them
          give_up = true;
        }
      } else if (sent) {
        mail_failures_in_a_row = 0;
      } else {
        failure = sent.error().message;
        ++mail_failures_in_a_row;
      }
    }  // a popup is kept and pushed below, in the transaction that marks it sent
    auto tx = db_.BeginWrite();
    if (failure) {
      const auto retry_at = clock_.Now() + ReminderRetryDelay(reminder.tries + 1);
      const auto retry = give_up ? std::nullopt : std::optional(retry_at);
      if (repo::MarkReminderFailed(*tx, reminder, claim, *failure, retry)) ++run.failed;
    } else if (repo::MarkReminderSent(*tx, reminder, claim, now)) {
      ++(popup ? run.popup : run.email);
      // A popup goes in the same transaction: none for a call cancelled or moved since the claim.
      if (popup && notifier_) {
        // The call's record: `parent_type` and `parent_id` (and `lead_id` for a lead); `lead_name`
        // names it whatever its type.
        nlohmann::json data{{"call_id", call->id}, {"parent_type", call->parent_type}, {"parent_id", call->parent_id},
                            {"lead_name", lead_name}, {"subject", call->subject},
                            {"start_at", FormatRfc3339(call->start_at)}};
        if (call->parent_type == "lead") data["lead_id"] = call->parent_id;
        if (reminder.channel == "email") data["instead_of_email"] = true;
        notifier_->Notify(*tx, owner->id, "reminder", std::move(data));
      }
    }
    tx->Commit();
  }
  return run;
}

void CallService::SyncReminders(db::Transaction& tx, const Call& call) {
  std::vector<std::pair<std::string, Millis>> due;
  for (const auto& r : RemindersOf(call)) due.emplace_back(std::string(r.channel), r.due_at);
  repo::SyncReminders(tx, call.id, due);
}

}  // namespace sen::calls
