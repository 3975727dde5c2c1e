// The only code that runs SQL on custom field definitions.
#pragma once

#include <optional>
#include <vector>

#include "db/database.h"
#include "modules/customfields/custom_field.h"

namespace sen::customfields::repo {

std::vector<CustomField> List(db::Transaction& tx, std::string_view entity, bool active_only);
std::optional<CustomField> Find(db::Transaction& tx, std::int64_t id);
bool NameTaken(db::Transaction& tx, std::string_view entity, std::string_view name);
std::int64_t Insert(db::Transaction& tx, const CustomField& field);
void Update(db::Transaction& tx, const CustomField& field);

}  // namespace sen::customfields::repo
