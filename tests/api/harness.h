// API test harness: starts the real `sen` binary on a free port against a fresh database and
// speaks HTTP to it.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace sen::testing {

inline constexpr const char* kAdminPassword = "admin-pass-123";

class ServerProcess {
 public:
  // Starts `sen serve` in a new temporary directory (or `dir`, reusing its database).
  explicit ServerProcess(std::optional<std::filesystem::path> dir = std::nullopt,
                         std::map<std::string, std::string> env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::string db_url() const { return "sqlite:" + (dir_ / "sen.db").string(); }
  // SIGTERM, then waits; returns the exit status (or -1 when it did not exit normally).
  int Stop();
  // SIGKILL, as a crash or an out-of-memory kill would end it; the directory stays.
  void Kill();
  std::string Log() const;

 private:
  std::filesystem::path dir_;
  bool own_dir_ = false;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// Runs the `sen` binary with arguments and stdin; returns exit status and stdout.
struct CommandResult {
  int status = -1;
  std::string out;
};
CommandResult RunSen(const std::vector<std::string>& args, const std::string& input = "");

// A `sen` command running beside the test, to be signalled (as Ctrl-C would) and waited for.
class SenCommand {
 public:
  explicit SenCommand(const std::vector<std::string>& args, const std::string& input = "");
  ~SenCommand();
  SenCommand(const SenCommand&) = delete;
  SenCommand& operator=(const SenCommand&) = delete;

  void Signal(int signal);
  // Its exit status (-1 when a signal ended it) and all it printed to stdout; once only.
  CommandResult Wait();

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
};

struct HttpResponse {
  int status = 0;
  std::string body;
  nlohmann::json json;  // parsed body, or null
  std::map<std::string, std::string> headers;  // lower-case names
};

class Client {
 public:
  explicit Client(std::uint16_t port) : port_(port) {}

  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::optional<nlohmann::json>& body = std::nullopt,
                    const std::map<std::string, std::string>& headers = {});
  HttpResponse SendRaw(const std::string& method, const std::string& target, const std::string& body,
                       const std::map<std::string, std::string>& headers);
  HttpResponse Get(const std::string& target) { return Send("GET", target); }
  HttpResponse Post(const std::string& target, const nlohmann::json& body) { return Send("POST", target, body); }
  HttpResponse Patch(const std::string& target, const nlohmann::json& body) { return Send("PATCH", target, body); }
  HttpResponse Delete(const std::string& target) { return Send("DELETE", target); }

  // Signs in with a session cookie and keeps its CSRF token; fails the test if it cannot.
  void Login(const std::string& username, const std::string& password);
  void UseToken(const std::string& token) { bearer_ = token; }
  void set_send_csrf(bool send) { send_csrf_ = send; }

  std::string session_cookie;
  std::string csrf_token;

 private:
  std::uint16_t port_;
  std::string bearer_;
  bool send_csrf_ = true;
};

// Creates a user through the admin API and returns its id.
std::int64_t CreateUser(Client& admin, const std::string& username, const std::string& role,
                        std::optional<std::int64_t> team_id = std::nullopt,
                        const std::string& password = "user-pass-123");
std::int64_t CreateTeam(Client& admin, const std::string& name);
// A client of the server on `port` signed in as a user CreateUser made (its default password).
Client SignedIn(std::uint16_t port, const std::string& username);

// A unique Vietnamese mobile number per call, so tests do not collide on duplicates.
std::string UniqueMobile();

// I2: POST /api/imports of one file as the wizard sends it, for `entity` (leads or targets).
HttpResponse Upload(Client& c, const std::string& filename, const std::string& content,
                    const std::string& entity = "leads");
// /api/imports/{id} followed by `rest`.
std::string Path(const nlohmann::json& imp, const std::string& rest = "");
// The import once it is no longer running. `seconds`: 30 is ample for a small file; the
// 200,000-row ones wait longer, for a slow day under the sanitizers.
nlohmann::json WaitUntilFinished(Client& c, const nlohmann::json& imp, int seconds = 30);

// POST /api/jobs/{id}/run, again while another run (the worker's) holds the job (409); when the
// run goes on in the background (202, a slow machine), the job once the run is over.
HttpResponse RunJob(Client& c, std::int64_t id);

}  // namespace sen::testing
