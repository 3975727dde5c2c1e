// LeadService::AlertStalled: the stalled-lead alert job (R6 over P3's leads).
#include "modules/leads/lead_repository.h"
#include "modules/leads/lead_service.h"

namespace sen::leads {

namespace {
constexpr std::int64_t kListedInEvent = 5;
constexpr std::int64_t kListedInMail = 20;
}  // namespace

LeadService::StalledRun LeadService::AlertStalled(std::int64_t days, Millis now, Millis send_until) {
  struct Alert {
    users::User owner;
    std::int64_t count = 0;
    std::vector<StalledLead> oldest;
  };
  const Millis cutoff = now - days * kDay;
  std::vector<Alert> alerts;
  {
    auto tx = db_.BeginRead();
    for (const auto& [owner_id, count] : repo::StalledByOwner(*tx, cutoff)) {
      auto owner = users_.FindActive(*tx, owner_id);  // nobody to tell: the stalled-leads report shows them
      if (!owner) continue;
      alerts.push_back({std::move(*owner), count, repo::OldestStalled(*tx, owner_id, cutoff, kListedInMail)});
    }
  }
  if (notifier_ && !alerts.empty()) {
    auto tx = db_.BeginWrite();
    for (const auto& a : alerts) {
      nlohmann::json listed = nlohmann::json::array();
      for (std::size_t i = 0; i < a.oldest.size() && static_cast<std::int64_t>(i) < kListedInEvent; ++i) {
        listed.push_back({{"id", a.oldest[i].id}, {"full_name", a.oldest[i].full_name},
                          {"since", FormatRfc3339(a.oldest[i].since)}});
      }
      notifier_->Notify(*tx, a.owner.id, "stalled_leads", {{"count", a.count}, {"days", days}, {"leads", listed}});
    }
    tx->Commit();
  }
  StalledRun run;
  int failures_in_a_row = 0;
  for (const auto& a : alerts) {
    ++run.owners;
    run.leads += a.count;
    if (!a.owner.email) continue;
    if (failures_in_a_row >= kMailFailuresInARow) {
      ++run.email_failed;
      continue;
    }
    if (clock_.Now() >= send_until) {
      ++run.email_failed;
      run.email_error = Error::Conflict("the run's time ran out before every e-mail could go", "alert_out_of_time");
      continue;
    }
    auto sent = mailer_ ? mailer_->Send(StalledMail(a.owner.language, *a.owner.email, a.owner.full_name, days,
                                                    a.count, a.oldest))
                        : Status(Error::Conflict("e-mail is not set up", "smtp_not_set_up"));
    if (sent) {
      ++run.email;
      failures_in_a_row = 0;
    } else {
      ++run.email_failed;
      ++failures_in_a_row;
      run.email_error = sent.error();  // the last one: the others are likely the same
    }
  }
  return run;
}

}  // namespace sen::leads
