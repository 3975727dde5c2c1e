// Hashed assets are cached for a year; index.html is always revalidated so deploys show at once.
#include "http/static_files.h"

#include <fstream>
#include <sstream>

namespace sen::http {

namespace {

std::string ContentType(const std::filesystem::path& path) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".json", "application/json"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},
      {".ico", "image/x-icon"},              {".woff2", "font/woff2"},
      {".woff", "font/woff"},                {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}};
  auto it = kTypes.find(path.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    std::string url = "/";
    url += std::filesystem::relative(entry.path(), root).generic_string();
    files_[url] = {content.str(), ContentType(entry.path())};
  }
}

Response StaticFiles::Serve(const Request& request) const {
  Response r;
  auto it = files_.find(request.path);
  bool asset = it != files_.end() && request.path.rfind("/assets/", 0) == 0;
  if (it == files_.end() || request.path == "/") {
    // The app's own routes (/leads/12) get the app, which routes on the client.
    it = files_.find("/index.html");
  }
  if (it == files_.end()) {
    r.status = request.path == "/" ? 200 : 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Sen's web app is not built: run `make run` (or `npm run build` in web/). The API is at /api.\n";
    return r;
  }
  r.content_type = it->second.content_type;
  r.body = it->second.content;
  r.headers.emplace_back("Cache-Control", asset ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace sen::http
