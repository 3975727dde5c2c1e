// Pure lead rules, no I/O: normalisation (L2), duplicates (L3), search plans (L6), access (A2),
// status on assignment (L10).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/mail.h"
#include "core/principal.h"
#include "modules/leads/lead.h"

namespace sen::leads {

// Fills the derived fields (folded name and company, E.164 phones, lower-case e-mail) and checks
// what only the whole record can tell. `today` bounds the birthday.
Status NormaliseLead(Lead& lead, Millis now);

// The text the search index keeps for a lead: folded name, e-mail, folded company, phone digits.
std::string SearchDocument(const Lead& lead);
// Whether a change touches what SearchDocument is made of.
bool SearchKeysChanged(const Lead& a, const Lead& b);

// How a search box query runs against the index.
struct SearchPlan {
  std::string match;                    // FTS5 trigram query; empty when `name_prefix` is used
  std::vector<std::string> like_terms;  // terms too short for trigrams, checked on the matches
  std::optional<std::string> name_prefix;  // one- or two-letter queries: start of the folded name
};
// nullopt when the query has nothing searchable (only spaces or punctuation).
std::optional<SearchPlan> PlanSearch(std::string_view q);

struct DuplicateCandidate {
  std::int64_t id = 0;
  std::string full_name;
  std::string name_fold;
  std::optional<std::string> mobile;
  std::optional<std::string> mobile_e164;
  std::optional<std::string> phone_e164;
  std::optional<std::string> email;
  std::optional<std::int64_t> owner_id;
};

struct DuplicateMatch {
  DuplicateCandidate candidate;
  std::vector<std::string> matched_on;  // "mobile", "email", "full_name" + "phone"
};

// L3: the same normalised mobile, or e-mail, or the same folded name with a phone in common.
// On an edit (`before` given) only keys the edit changed count: a duplicate the user already
// accepted with "Save anyway" does not come back on every later edit.
std::vector<DuplicateMatch> MatchDuplicates(const Lead& lead, const std::vector<DuplicateCandidate>& candidates,
                                            const Lead* before = nullptr);

// Which leads a caller may see and change (A2).
struct LeadScope {
  enum class Kind { kAll, kTeam, kOwn } kind = Kind::kOwn;
  std::int64_t user_id = 0;
  std::optional<std::int64_t> team_id;
};
LeadScope ScopeOf(const Principal& p);
bool CanSee(const Principal& p, const Lead& lead);
bool CanDelete(const Principal& p, const Lead& lead);

// L14: whether `p` may take `record` (of `type`, "lead" or "target") out of the trash now: 403 for
// who may not delete it, 409 when it is not deleted (not_deleted) or was deleted longer ago than
// `window` (trash_expired).
Status CheckRestorable(const Principal& p, const Lead& record, std::string_view type, Millis window, Millis now);

struct OwnerInfo {
  std::int64_t id = 0;
  std::optional<std::int64_t> team_id;
};
// May `p` give the lead to `new_owner` (nullopt: take it from its owner)?
Status CheckOwnerChange(const Principal& p, const std::optional<OwnerInfo>& new_owner);

// L10: a lead that gets an owner while New becomes Assigned.
void ApplyAssignmentStatus(Lead& lead);
// Converted or dead: nothing more is done with the lead (it leaves the assignment queue).
inline bool IsClosedStatus(std::string_view status) { return status == "converted" || status == "dead"; }
// R3, R4: rules give a lead only when someone is to call it (open, not do-not-contact).
inline bool MayHandOn(const Lead& lead) { return !lead.do_not_contact && !IsClosedStatus(lead.status); }

// P3: an open lead (not converted, not dead, may be called) with no activity since `since`.
struct StalledLead {
  std::int64_t id = 0;
  std::string full_name;
  Millis since = 0;  // its last activity, or its creation when it has none
};
// The stalled-lead alert to an owner, in their language: how many of their leads have had no
// activity for `days` days, the oldest of them listed with the date, in the company's zone.
MailMessage StalledMail(std::string_view language, std::string to, const std::string& owner_name, std::int64_t days,
                        std::int64_t count, const std::vector<StalledLead>& oldest);

}  // namespace sen::leads
