// Lead rules: everything here is a pure function of its arguments.
#include "modules/leads/lead_rules.h"

#include <algorithm>

#include "text/email.h"
#include "text/fold.h"
#include "text/phone.h"

namespace sen::leads {

namespace {

constexpr std::size_t kTrigram = 3;

bool LooksLikePhone(std::string_view q) {
  std::size_t digits = 0;
  for (char c : q) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '.' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= kTrigram;
}

std::string Quote(std::string_view term) {
  std::string out = "\"";
  for (char c : term) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

Status NormaliseLead(Lead& lead, Millis now) {
  FieldErrors errors;
  lead.full_name = text::Tidy(lead.full_name);
  lead.name_fold = text::Fold(lead.full_name);
  if (lead.name_fold.empty()) errors.Add("full_name", "is required", "required");
  lead.company_fold = lead.company ? std::optional(text::Fold(*lead.company)) : std::nullopt;

  auto phone = [&](const std::optional<std::string>& typed, std::optional<std::string>& e164, const char* field) {
    e164.reset();
    if (!typed) return;
    e164 = text::NormalisePhone(*typed);
    if (!e164) errors.Add(field, "is not a valid phone number: " + *typed, "invalid_phone");
  };
  phone(lead.mobile, lead.mobile_e164, "mobile");
  phone(lead.phone, lead.phone_e164, "phone");

  if (lead.email) {
    auto email = text::NormaliseEmail(*lead.email);
    if (!email) {
      errors.Add("email", "is not an e-mail address: " + *lead.email, "invalid_email");
    } else {
      lead.email = std::move(email);
    }
  }
  if (lead.birthday && *lead.birthday > FormatDate(now)) {
    errors.Add("birthday", "cannot be in the future", "invalid_date");
  }
  if (lead.do_not_contact && !lead.dnc_reason) {
    errors.Add("dnc_reason", "is required when the lead must not be contacted", "required");
  }
  if (!lead.do_not_contact) lead.dnc_reason.reset();
  if (!errors.empty()) return errors.ToError();
  return {};
}

std::string SearchDocument(const Lead& lead) {
  std::string doc = lead.name_fold;
  auto add = [&doc](std::string_view part) {
    doc += " | ";
    doc += part;
  };
  if (lead.email) add(*lead.email);
  if (lead.company_fold && !lead.company_fold->empty()) add(*lead.company_fold);
  if (lead.mobile_e164) add(text::PhoneSearchDigits(*lead.mobile_e164));
  if (lead.phone_e164) add(text::PhoneSearchDigits(*lead.phone_e164));
  return doc;
}

std::optional<SearchPlan> PlanSearch(std::string_view q) {
  SearchPlan plan;
  if (LooksLikePhone(q)) {
    plan.match = Quote(text::DigitsOnly(q));
    return plan;
  }
  std::string folded = text::Fold(q);
  std::vector<std::string> long_terms;
  size_t start = 0;
  while (start < folded.size()) {
    size_t space = folded.find(' ', start);
    if (space == std::string::npos) space = folded.size();
    std::string term = folded.substr(start, space - start);
    if (text::Utf8Length(term) >= kTrigram) {
      long_terms.push_back(std::move(term));
    } else if (!term.empty() && std::find(plan.like_terms.begin(), plan.like_terms.end(), term) == plan.like_terms.end()) {
      plan.like_terms.push_back(std::move(term));
    }
    start = space + 1;
  }
  if (long_terms.empty()) {
    if (folded.empty()) return std::nullopt;
    plan.like_terms.clear();
    plan.name_prefix = folded;
    return plan;
  }
  for (const auto& t : long_terms) plan.match += (plan.match.empty() ? "" : " AND ") + Quote(t);
  return plan;
}

std::vector<DuplicateMatch> MatchDuplicates(const Lead& lead, const std::vector<DuplicateCandidate>& candidates,
                                            const Lead* before) {
  const bool mobile_changed = !before || before->mobile_e164 != lead.mobile_e164;
  const bool email_changed = !before || before->email != lead.email;
  const bool name_or_phone_changed = !before || before->name_fold != lead.name_fold || mobile_changed ||
                                     before->phone_e164 != lead.phone_e164;
  std::vector<DuplicateMatch> out;
  auto shares_phone = [&](const DuplicateCandidate& c) {
    for (const auto* mine : {&lead.mobile_e164, &lead.phone_e164}) {
      if (!*mine) continue;
      if (**mine == c.mobile_e164 || **mine == c.phone_e164) return true;
    }
    return false;
  };
  for (const auto& c : candidates) {
    if (c.id == lead.id || std::any_of(out.begin(), out.end(), [&](const DuplicateMatch& m) { return m.candidate.id == c.id; })) {
      continue;
    }
    DuplicateMatch m{c, {}};
    if (mobile_changed && lead.mobile_e164 && lead.mobile_e164 == c.mobile_e164) m.matched_on.emplace_back("mobile");
    if (email_changed && lead.email && lead.email == c.email) m.matched_on.emplace_back("email");
    if (name_or_phone_changed && !lead.name_fold.empty() && lead.name_fold == c.name_fold && shares_phone(c)) {
      m.matched_on.emplace_back("full_name");
      m.matched_on.emplace_back("phone");
    }
    if (!m.matched_on.empty()) out.push_back(std::move(m));
  }
  return out;
}

LeadScope ScopeOf(const Principal& p) {
  switch (p.role) {
    case Role::kAdmin:
    case Role::kMarketer:
      return {LeadScope::Kind::kAll, p.user_id, p.team_id};
    case Role::kManager:
      return {LeadScope::Kind::kTeam, p.user_id, p.team_id};
    case Role::kAgent:
      break;
  }
  return {LeadScope::Kind::kOwn, p.user_id, p.team_id};
}

bool SearchKeysChanged(const Lead& a, const Lead& b) {
  return a.name_fold != b.name_fold || a.email != b.email || a.company_fold != b.company_fold ||
         a.mobile_e164 != b.mobile_e164 || a.phone_e164 != b.phone_e164;
}

bool CanSee(const Principal& p, const Lead& lead) {
  auto scope = ScopeOf(p);
  switch (scope.kind) {
    case LeadScope::Kind::kAll:
      return true;
    case LeadScope::Kind::kTeam:
      // A manager sees the team's leads, their own, and the unassigned pool they hand out.
      return lead.owner_id == p.user_id || (p.team_id && lead.team_id == p.team_id) ||
             (!lead.owner_id && !lead.team_id);
    case LeadScope::Kind::kOwn:
      return lead.owner_id == p.user_id;
  }
  return false;
}

bool CanDelete(const Principal& p, const Lead& lead) {
  return p.Manages() && CanSee(p, lead);
}

Status CheckRestorable(const Principal& p, const Lead& record, std::string_view type, Millis window, Millis now) {
  const std::string what = std::string(type) + " " + std::to_string(record.id);
  if (!CanDelete(p, record)) return Error::Forbidden("only managers and admins restore " + std::string(type) + "s");
  if (!record.deleted_at) return Error::Conflict(what + " is not deleted", "not_deleted");
  if (*record.deleted_at + window < now) {
    return Error::Conflict(what + " was deleted more than 30 days ago", "trash_expired");
  }
  return {};
}

Status CheckOwnerChange(const Principal& p, const std::optional<OwnerInfo>& new_owner) {
  switch (p.role) {
    case Role::kAdmin:
    case Role::kMarketer:
      return {};
    case Role::kManager:
      if (!new_owner || new_owner->id == p.user_id || (p.team_id && new_owner->team_id == p.team_id)) return {};
      return Error::ForbiddenField(
          "owner_id", "managers can give leads only to members of their team", "other_team");
    case Role::kAgent:
      if (new_owner && new_owner->id == p.user_id) return {};
      return Error::ForbiddenField(
          "owner_id", "agents cannot hand leads to someone else; ask a manager", "forbidden");
  }
  return Error::Forbidden("not allowed");
}

void ApplyAssignmentStatus(Lead& lead) {
  if (lead.owner_id && lead.status == "new") lead.status = "assigned";
}

MailMessage StalledMail(std::string_view language, std::string to, const std::string& owner_name, std::int64_t days,
                        std::int64_t count, const std::vector<StalledLead>& oldest) {
  const bool en = language == "en";
  const std::string n = std::to_string(count);
  const std::string d = std::to_string(days);
  MailMessage m{std::move(to), "", ""};
  if (en) {
    const std::string leads = n + (count == 1 ? " of your leads has" : " of your leads have");
    const std::string for_days = " for " + d + (days == 1 ? " day" : " days");
    m.subject = leads + " had no activity" + for_days;
    m.body = "Hello " + owner_name + ",\n\n" + leads + " had no call or note" + for_days +
             " or more. The longest waiting:\n";
  } else {
    m.subject = n + " lead của bạn chưa được chăm sóc " + d + " ngày";
    m.body = "Xin chào " + owner_name + ",\n\nBạn có " + n + " lead đang mở chưa có cuộc gọi hay ghi chú nào từ " + d +
             " ngày trở lên. Chờ lâu nhất:\n";
  }
  for (const auto& lead : oldest) {
    m.body += "- " + lead.full_name + " (#" + std::to_string(lead.id) + "), " + (en ? "since " : "từ ") +
              FormatLocalTime(lead.since).substr(6) + "\n";
  }
  m.body += "\n-- Sen";
  return m;
}

}  // namespace sen::leads
