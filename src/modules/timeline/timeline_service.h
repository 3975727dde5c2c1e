// One feed per record (L5): its calls, notes and changes, newest first, paged.
#pragma once

#include <nlohmann/json.hpp>

#include "core/paging.h"
#include "modules/calls/call_service.h"
#include "modules/leads/lead_service.h"
#include "modules/notes/note_service.h"
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

  Result<Page<Item>> ForLead(const Principal& p, std::int64_t lead_id, PageRequest page);

 private:
  db::Database& db_;
  users::UserService& users_;
  leads::LeadService& leads_;
  calls::CallService& calls_;
  notes::NoteService& notes_;
};

}  // namespace sen::timeline
