// Pure scheduling rules of jobs (R6): when a job is due and when it runs next. A job runs at
// its start and every interval after it, until its end; runs missed while no instance was up
// are not made up one after another, the next one is the first slot after now.
#pragma once

#include <optional>

#include "core/clock.h"

namespace sen::jobs {

// The first of starts_at, starts_at + interval, ... that is later than `after` (starts_at itself
// when `after` is before it).
Millis NextRun(Millis starts_at, Millis interval, Millis after);

// The first slot at or after `now`: where a job created or rescheduled at `now` starts.
inline Millis FirstRun(Millis starts_at, Millis interval, Millis now) { return NextRun(starts_at, interval, now - 1); }

// Whether a job should run at `now`: active, its time has come, not past its end.
bool IsDue(bool active, Millis next_run_at, std::optional<Millis> ends_at, Millis now);

}  // namespace sen::jobs
