// Custom field definitions: admins change them, every module that has records reads them.
#pragma once

#include <mutex>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/customfields/custom_field.h"

namespace sen::customfields {

struct FieldPatch {
  std::optional<std::string> label_vi;
  std::optional<std::string> label_en;
  std::optional<std::vector<Option>> options;
  std::optional<bool> required;
  std::optional<bool> active;
  std::optional<int> position;
};

class CustomFieldService {
 public:
  CustomFieldService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  std::vector<CustomField> List(std::string_view entity, bool include_inactive);
  Result<CustomField> Create(const Principal& p, CustomField field, FieldErrors shape_errors = {});
  Result<CustomField> Update(const Principal& p, std::int64_t id, const FieldPatch& patch);

  // The active definitions, inside the caller's transaction; cached until a definition changes.
  std::vector<CustomField> Active(db::Transaction& tx, std::string_view entity);

 private:
  db::Database& db_;
  const Clock& clock_;
  std::mutex cache_mutex_;
  std::int64_t cache_generation_ = -1;
  std::vector<CustomField> cache_;  // all entities' active fields
};

}  // namespace sen::customfields
