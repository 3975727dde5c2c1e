// Notes on records (C5): written by anyone who may see the record, changed by their author.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/principal.h"
#include "db/database.h"
#include "modules/leads/lead_service.h"
#include "modules/users/user_service.h"

namespace sen::notes {

struct Note {
  std::int64_t id = 0;
  std::string parent_type = "lead";
  std::int64_t parent_id = 0;
  std::string body;
  std::optional<std::int64_t> created_by;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::optional<std::string> author_name;  // for display
};

nlohmann::json ToJson(const Note& note);

class NoteService {
 public:
  NoteService(db::Database& db, const Clock& clock, users::UserService& users, leads::LeadService& leads)
      : db_(db), clock_(clock), users_(users), leads_(leads) {}
  // T2: notes on targets.
  void SetTargets(leads::ActivityParent* targets) { targets_ = targets; }

  Result<Note> Create(const Principal& p, std::string_view parent_type, std::int64_t parent_id, std::string body);
  Result<Note> Update(const Principal& p, std::int64_t id, std::string body);
  Status Delete(const Principal& p, std::int64_t id);
  Result<std::vector<Note>> ForRecord(const Principal& p, std::string_view parent_type, std::int64_t parent_id);

  // For a record's timeline, inside the caller's transaction.
  std::vector<Note> Latest(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id, std::int64_t limit);
  std::int64_t Count(db::Transaction& tx, std::string_view parent_type, std::int64_t parent_id);

 private:
  Result<Note> FindOwn(db::Transaction& tx, const Principal& p, std::int64_t id);
  // The record type `parent_type` names, if notes hang on it.
  leads::ActivityParent* Parent(std::string_view parent_type);
  // Fills the author's name, looking each user up once per request.
  void Name(db::Transaction& tx, Note& note, std::map<std::int64_t, std::optional<std::string>>& names);

  db::Database& db_;
  const Clock& clock_;
  users::UserService& users_;
  leads::LeadService& leads_;
  leads::ActivityParent* targets_ = nullptr;
};

}  // namespace sen::notes
