// One feed per record (L5): its calls, notes and changes, newest first, paged.
#pragma once

#include <nlohmann/json.hpp>

#include "core/paging.h"
#include "modules/calls/call_service.h"
#include "modules/leads/lead_service.h"
#include "modules/notes/note_service.h"
#include "modules/targets/target_service.h"
#include "modules/users/user_service.h"

namespace sen::timeline {

struct Item {
  std::string kind;  // audit | call | note | assignment
  Millis at = 0;
  std::int64_t id = 0;
  nlohmann::json json;
  bool creation = false;  // the lead's creation: the oldest entry of its instant
};

class TimelineService {
 public:
  TimelineService(db::Database& db, users::UserService& users, leads::LeadService& leads, calls::CallService& calls,
                  notes::NoteService& notes)
      : db_(db), users_(users), leads_(leads), calls_(calls), notes_(notes) {}

  // T2: targets have a feed too (calls, notes, changes).
  void SetTargets(targets::TargetService* targets) { targets_ = targets; }

  Result<Page<Item>> ForLead(const Principal& p, std::int64_t lead_id, PageRequest page);
  Result<Page<Item>> ForTarget(const Principal& p, std::int64_t target_id, PageRequest page);

 private:
  // The feed of a record `p` may see; a lead's has its owner changes too.
  Page<Item> Feed(std::string_view type, std::int64_t id, PageRequest page);

  db::Database& db_;
  users::UserService& users_;
  leads::LeadService& leads_;
  calls::CallService& calls_;
  notes::NoteService& notes_;
  targets::TargetService* targets_ = nullptr;
};

}  // namespace sen::timeline
