// Serves the built web app (web/dist) from memory, with index.html for the app's own routes.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

#include "http/message.h"

namespace sen::http {

class StaticFiles {
 public:
  // Reads every file under `root` once; a missing root serves a short explanatory page.
  explicit StaticFiles(const std::filesystem::path& root);

  Response Serve(const Request& request) const;
  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
  };
  std::unordered_map<std::string, File> files_;
};

}  // namespace sen::http
