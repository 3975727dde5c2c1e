// JSON shape of a call.
#include "modules/calls/call.h"

namespace sen::calls {

namespace {

template <typename T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

}  // namespace

nlohmann::json ToJson(const Call& c, const std::optional<std::string>& parent_name,
                      const std::optional<std::string>& owner_name) {
  return {{"id", c.id},
          {"parent_type", c.parent_type},
          {"parent_id", c.parent_id},
          {"parent_name", Opt(parent_name)},
          {"subject", c.subject},
          {"direction", c.direction},
          {"status", c.status},
          {"result", Opt(c.result)},
          {"start_at", FormatRfc3339(c.start_at)},
          {"duration_s", Opt(c.duration_s)},
          {"description", Opt(c.description)},
          {"remind_popup_min", Opt(c.remind_popup_min)},
          {"remind_email_min", Opt(c.remind_email_min)},
          {"owner_id", Opt(c.owner_id)},
          {"owner_name", Opt(owner_name)},
          {"created_by", Opt(c.created_by)},
          {"created_at", FormatRfc3339(c.created_at)},
          {"updated_at", FormatRfc3339(c.updated_at)}};
}

}  // namespace sen::calls
