// Pure rules of custom fields: what a definition may be, and what values fit it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "modules/customfields/custom_field.h"

namespace sen::customfields {

bool IsType(std::string_view type);
// Names are keys in JSON and parts of query parameters: [a-z][a-z0-9_]{1,39}.
bool IsValidName(std::string_view name);
Status CheckDefinition(const CustomField& field);

// The stored form of `value` for `field`, or nullopt with an error added under "custom.<name>".
// Null is accepted (it clears the value).
std::optional<nlohmann::json> CheckValue(const CustomField& field, const nlohmann::json& value, FieldErrors& errors);

// Applies `input` (an object of name -> value; null removes) onto the record's `custom` object,
// checking each key against the active definitions. With `require_all`, required fields must
// end up with a value (creation).
void ApplyCustomInput(nlohmann::json& custom, const nlohmann::json& input, const std::vector<CustomField>& fields,
                      bool require_all, FieldErrors& errors);

// Parses a filter value typed in a query string into what the stored JSON holds.
std::optional<nlohmann::json> ParseFilterValue(const CustomField& field, std::string_view text);

}  // namespace sen::customfields
