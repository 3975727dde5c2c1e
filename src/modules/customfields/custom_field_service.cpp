// Access check, rules, storage, audit for custom field definitions.
#include "modules/customfields/custom_field_service.h"

#include "db/list_cache.h"
#include "modules/audit/audit.h"
#include "modules/customfields/custom_field_repository.h"
#include "modules/customfields/custom_field_rules.h"

namespace sen::customfields {

namespace {

constexpr std::string_view kEntities[] = {"leads"};

bool KnownEntity(std::string_view e) {
  for (auto k : kEntities) {
    if (k == e) return true;
  }
  return false;
}

}  // namespace

std::vector<CustomField> CustomFieldService::List(std::string_view entity, bool include_inactive) {
  auto tx = db_.BeginRead();
  return repo::List(*tx, entity, !include_inactive);
}

Result<CustomField> CustomFieldService::Create(const Principal& p, CustomField f, FieldErrors errors) {
  if (p.role != Role::kAdmin) return Error::Forbidden("only admins manage custom fields");
  if (!KnownEntity(f.entity)) errors.Add("entity", "must be leads", "unknown_value");
  if (auto ok = CheckDefinition(f); !ok) errors.Merge(ok.error());
  if (!errors.empty()) return errors.ToError();
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  if (repo::NameTaken(*tx, f.entity, f.name)) {
    return Error::Conflict("a custom field named " + f.name + " exists", "field_name_taken", {{"name", f.name}});
  }
  f.created_at = now;
  f.active = true;
  f.id = repo::Insert(*tx, f);
  audit::Record(*tx, audit::ActorOf(p), "custom_field", f.id, {{"create", std::nullopt, std::nullopt, f.name}}, now);
  tx->Commit();
  return f;
}

Result<CustomField> CustomFieldService::Update(const Principal& p, std::int64_t id, const FieldPatch& patch) {
  if (p.role != Role::kAdmin) return Error::Forbidden("only admins manage custom fields");
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto before = repo::Find(*tx, id);
  if (!before) return Error::NotFound("no custom field has id " + std::to_string(id));
  CustomField f = *before;
  if (patch.label_vi) f.label_vi = *patch.label_vi;
  if (patch.label_en) f.label_en = *patch.label_en;
  if (patch.options) f.options = *patch.options;
  if (patch.required) f.required = *patch.required;
  if (patch.active) f.active = *patch.active;
  if (patch.position) f.position = *patch.position;
  if (auto ok = CheckDefinition(f); !ok) return std::move(ok).error();
  repo::Update(*tx, f);
  std::vector<audit::Change> changes;
  if (f.active != before->active) {
    changes.push_back({"update", "active", before->active ? "true" : "false", f.active ? "true" : "false"});
  }
  if (f.label_vi != before->label_vi || f.label_en != before->label_en || patch.options || f.required != before->required) {
    changes.push_back({"update", "definition", std::nullopt, ToJson(f).dump()});
  }
  audit::Record(*tx, audit::ActorOf(p), "custom_field", id, changes, now);
  tx->Commit();
  return f;
}

std::vector<CustomField> CustomFieldService::Active(db::Transaction& tx, std::string_view entity) {
  const std::int64_t generation = db::ChangeCounter(tx, "custom_fields");
  std::lock_guard lock(cache_mutex_);
  if (generation != cache_generation_) {
    cache_.clear();
    for (auto e : kEntities) {
      auto fields = repo::List(tx, e, true);
      cache_.insert(cache_.end(), fields.begin(), fields.end());
    }
    cache_generation_ = generation;
  }
  std::vector<CustomField> out;
  for (const auto& f : cache_) {
    if (f.entity == entity) out.push_back(f);
  }
  return out;
}

}  // namespace sen::customfields
