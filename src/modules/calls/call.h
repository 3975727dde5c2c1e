// A call logged on a record (C1): done, planned or cancelled, with its result.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"

namespace sen::calls {

struct Call {
  std::int64_t id = 0;
  std::string parent_type = "lead";
  std::int64_t parent_id = 0;
  std::string subject;
  std::string direction = "outbound";
  std::string status;
  std::optional<std::string> result;
  Millis start_at = 0;
  std::optional<std::int64_t> duration_s;
  std::optional<std::string> description;
  std::optional<std::int64_t> remind_popup_min;
  std::optional<std::int64_t> remind_email_min;
  std::optional<std::int64_t> owner_id;
  std::optional<std::int64_t> created_by;
  Millis created_at = 0;
  Millis updated_at = 0;
};

// With the names the list and the timeline show next to the ids.
nlohmann::json ToJson(const Call& call, const std::optional<std::string>& parent_name,
                      const std::optional<std::string>& owner_name);

}  // namespace sen::calls
