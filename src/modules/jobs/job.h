// Scheduled jobs (R6) as the rest of Sen sees them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"

namespace sen::jobs {

// A stalled-lead alert's days when its job does not say.
constexpr std::int64_t kDefaultStaleDays = 3;

struct Job {
  std::int64_t id = 0;
  std::string name;
  std::string type = "auto_assign";  // or "reminders" (C4), "stalled_alert" (P3's leads to their owners)
  bool active = true;
  std::int64_t interval_min = 5;
  Millis starts_at = 0;
  std::optional<Millis> ends_at;
  std::optional<std::int64_t> rule_id;     // auto_assign: the rule whose queue it hands out
  std::optional<std::int64_t> batch_size;  // auto_assign: leads per run (none: one per member)
  std::optional<std::int64_t> days;        // stalled_alert: days without activity that make a lead stalled
  Millis next_run_at = 0;
  // Shown, not set: the last run, and whether an instance holds the lease now.
  std::optional<Millis> last_run_at;
  std::optional<std::string> last_status;  // "ok" or "failed"
  nlohmann::json last_result;              // what the run reported, or {"error": "..."}
  bool running = false;
  Millis created_at = 0;
  Millis updated_at = 0;
};

nlohmann::json ToJson(const Job& job);

}  // namespace sen::jobs
