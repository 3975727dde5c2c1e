// Scheduling arithmetic of jobs.
#include "modules/jobs/job_rules.h"

namespace sen::jobs {

Millis NextRun(Millis starts_at, Millis interval, Millis after) {
  if (after < starts_at) return starts_at;
  return starts_at + ((after - starts_at) / interval + 1) * interval;
}

bool IsDue(bool active, Millis next_run_at, std::optional<Millis> ends_at, Millis now) {
  return active && next_run_at <= now && (!ends_at || now < *ends_at);
}

}  // namespace sen::jobs
