// JSON shape of custom field definitions.
#include "modules/customfields/custom_field.h"

namespace sen::customfields {

nlohmann::json OptionsJson(const std::vector<Option>& options) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : options) out.push_back({{"value", o.value}, {"label", {{"vi", o.label_vi}, {"en", o.label_en}}}});
  return out;
}

nlohmann::json ToJson(const CustomField& f) {
  return {{"id", f.id},
          {"entity", f.entity},
          {"name", f.name},
          {"type", f.type},
          {"label", {{"vi", f.label_vi}, {"en", f.label_en}}},
          {"options", OptionsJson(f.options)},
          {"required", f.required},
          {"active", f.active},
          {"position", f.position},
          {"created_at", FormatRfc3339(f.created_at)}};
}

}  // namespace sen::customfields
