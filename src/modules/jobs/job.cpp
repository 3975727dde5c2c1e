// JSON shape of scheduled jobs.
#include "modules/jobs/job.h"

namespace sen::jobs {

namespace {

nlohmann::json Time(const std::optional<Millis>& t) { return t ? nlohmann::json(FormatRfc3339(*t)) : nlohmann::json(); }

template <typename T>
nlohmann::json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

}  // namespace

nlohmann::json ToJson(const Job& job) {
  return {{"id", job.id},
          {"name", job.name},
          {"type", job.type},
          {"active", job.active},
          {"interval_min", job.interval_min},
          {"starts_at", FormatRfc3339(job.starts_at)},
          {"ends_at", Time(job.ends_at)},
          {"rule_id", OrNull(job.rule_id)},
          {"batch_size", OrNull(job.batch_size)},
          {"days", OrNull(job.days)},
          {"next_run_at", FormatRfc3339(job.next_run_at)},
          {"last_run_at", Time(job.last_run_at)},
          {"last_status", OrNull(job.last_status)},
          {"last_result", job.last_result},
          {"running", job.running},
          {"created_at", FormatRfc3339(job.created_at)},
          {"updated_at", FormatRfc3339(job.updated_at)}};
}

}  // namespace sen::jobs
