// An import (I2-I8): an uploaded file, the user's settings for it, and what running it did.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/error.h"

namespace sen::imports {

struct Import {
  std::int64_t id = 0;
  std::string entity = "leads";
  std::string filename;   // as uploaded
  std::string file_path;  // where it is kept; not shown
  std::string format;     // csv | xlsx
  std::optional<std::string> sheet;
  nlohmann::json sheets = nlohmann::json::array();
  nlohmann::json columns = nlohmann::json::array();
  nlohmann::json sample = nlohmann::json::array();
  nlohmann::json suggested_mapping = nlohmann::json::object();
  nlohmann::json mapping = nlohmann::json::object();
  std::string mode = "create";  // create | create_update
  nlohmann::json match_on = nlohmann::json::array({"mobile", "email"});
  nlohmann::json defaults = nlohmann::json::object();
  bool auto_assign = false;
  std::string status = "pending";  // pending | running | done | failed | undoing | undone
  std::int64_t rows_estimate = 0;  // data rows in the file (counted on upload)
  std::int64_t processed = 0;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;  // matched a lead and changed nothing
  std::int64_t duplicate = 0;
  std::int64_t error = 0;
  std::optional<std::string> failure;         // why it failed, in English
  std::optional<std::string> failure_reason;  // the same as a key: restarted | expired | file | settings | internal
  std::int64_t in_trash = 0;  // created leads taking it back kept in the trash: someone worked on them
  std::optional<std::int64_t> created_by;
  Millis created_at = 0;
  std::optional<Millis> started_at;
  std::optional<Millis> finished_at;
};

nlohmann::json ToJson(const Import& import);

// One rejected row: where it is in the file, why, and its cells (for errors.csv).
struct RowProblem {
  std::int64_t row = 0;
  std::string field;
  std::string message;
  std::string reason;  // the API's reason key ("invalid_phone"), for wording in the user's language
  std::vector<std::string> cells;
  // A row wrong in several fields: the problems after the first, each with its own reason.
  std::vector<FieldError> more;
  std::string detail;  // a duplicate's: the row it repeats, or the id of the lead it matches
};

}  // namespace sen::imports
