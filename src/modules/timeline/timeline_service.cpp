// Each source gives its newest offset + page_size entries; merged by time, the page is cut out.
#include "modules/timeline/timeline_service.h"

#include <algorithm>
#include <map>

#include "modules/audit/audit.h"

namespace sen::timeline {

Result<Page<Item>> TimelineService::ForLead(const Principal& p, std::int64_t lead_id, PageRequest page) {
  // Same visibility as the lead itself (deleted leads only for who may restore them).
  if (auto lead = leads_.Get(p, lead_id); !lead) return std::move(lead).error();
  return Feed("lead", lead_id, page);
}

Result<Page<Item>> TimelineService::ForTarget(const Principal& p, std::int64_t target_id, PageRequest page) {
  if (!targets_) return Error::NotFound("no target has id " + std::to_string(target_id));
  if (auto target = targets_->Get(p, target_id); !target) return std::move(target).error();
  return Feed("target", target_id, page);
}

Page<Item> TimelineService::Feed(std::string_view type, std::int64_t lead_id, PageRequest page) {
  auto tx = db_.BeginRead();
  const std::int64_t wanted = page.offset() + page.page_size;

  std::map<std::int64_t, nlohmann::json> users;
  auto user = [&](std::optional<std::int64_t> id) -> nlohmann::json {
    if (!id) return nullptr;
    auto [it, inserted] = users.try_emplace(*id);
    if (inserted) {
      auto u = users_.Find(*tx, *id);
      it->second = {{"id", *id}, {"full_name", u ? nlohmann::json(u->full_name) : nlohmann::json()}};
    }
    return it->second;
  };
  auto opt = [](const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(); };

  std::vector<Item> items;
  auto history = audit::History(*tx, type, lead_id, {1, static_cast<int>(wanted)});
  for (const auto& e : history.items) {
    items.push_back({"audit", e.at, e.id,
                     {{"id", e.id},
                      {"kind", "audit"},
                      {"action", e.change.action},
                      {"field", opt(e.change.field)},
                      {"old_value", opt(e.change.old_value)},
                      {"new_value", opt(e.change.new_value)},
                      {"user", user(e.user_id)},
                      {"via", e.via},
                      {"at", FormatRfc3339(e.at)}},
                     e.change.action == "create"});
  }
  for (const auto& v : calls_.Latest(*tx, type, lead_id, wanted)) {
    items.push_back({"call", v.call.start_at, v.call.id,
                     {{"id", v.call.id},
                      {"kind", "call"},
                      {"at", FormatRfc3339(v.call.start_at)},
                      {"user", user(v.call.owner_id)},
                      {"call", calls::ToJson(v.call, v.parent_name, v.owner_name)}}});
  }
  for (const auto& n : notes_.Latest(*tx, type, lead_id, wanted)) {
    items.push_back({"note", n.created_at, n.id,
                     {{"id", n.id},
                      {"kind", "note"},
                      {"at", FormatRfc3339(n.created_at)},
                      {"user", user(n.created_by)},
                      {"note", notes::ToJson(n)}}});
  }
  const bool lead = type == "lead";
  const auto owner_changes =
      lead ? leads_.OwnerChanges(*tx, lead_id, wanted) : std::vector<leads::repo::OwnerChangeEntry>{};
  for (const auto& a : owner_changes) {
    items.push_back({"assignment", a.change.at, a.id,
                     {{"id", a.id},
                      {"kind", "assignment"},
                      {"at", FormatRfc3339(a.change.at)},
                      {"user", user(a.change.by)},
                      {"assignment", leads::ToJson(a)}}});
  }
  // Newest first; within one instant the lead's creation is the oldest of all (a rule hands a
  // new lead out in the same transaction).
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.at != b.at) return a.at > b.at;
    if (a.creation != b.creation) return b.creation;
    return a.kind != b.kind ? a.kind > b.kind : a.id > b.id;
  });
  Page<Item> out;
  out.request = page;
  out.total = history.total + calls_.Count(*tx, type, lead_id) + notes_.Count(*tx, type, lead_id) +
              (lead ? leads_.CountOwnerChanges(*tx, lead_id) : 0);
  const auto begin = std::min<std::size_t>(items.size(), static_cast<std::size_t>(page.offset()));
  const auto end = std::min<std::size_t>(items.size(), static_cast<std::size_t>(wanted));
  out.items.assign(std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(begin)),
                   std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(end)));
  return out;
}

}  // namespace sen::timeline
