// A custom field (A1): a field admins add to a record type, with labels in both languages.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"

namespace sen::customfields {

struct Option {
  std::string value;
  std::string label_vi;
  std::string label_en;
};

struct CustomField {
  std::int64_t id = 0;
  std::string entity = "leads";
  std::string name;  // snake_case key inside the record's "custom" object
  std::string type;  // text | number | date | select | multi_select | boolean
  std::string label_vi;
  std::string label_en;
  std::vector<Option> options;  // select and multi_select
  bool required = false;
  bool active = true;
  int position = 0;
  Millis created_at = 0;
};

nlohmann::json ToJson(const CustomField& field);
nlohmann::json OptionsJson(const std::vector<Option>& options);

}  // namespace sen::customfields
