// Process control with posix_spawn and a small synchronous Beast client.
#include <utility>  // before Asio: GCC 12 + Boost 1.74 need std::exchange declared

#include "harness.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace sen::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

std::filesystem::path MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "sen-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  if (!made) throw std::runtime_error("mkdtemp failed");
  return made;
}

struct Spawned {
  pid_t pid;
  int out_fd;
  int in_fd;
};

Spawned Spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
              const std::string& stderr_path) {
  int out_pipe[2], in_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(in_pipe) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, in_pipe[1]);
  posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string s = *e;
    if (s.rfind("SEN_", 0) != 0) env_strings.push_back(s);
  }
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_strings = args;
  argv_strings.insert(argv_strings.begin(), SEN_BINARY);
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  pid_t pid = -1;
  int rc = posix_spawn(&pid, SEN_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(in_pipe[0]);
  if (rc != 0) throw std::runtime_error("cannot start " + std::string(SEN_BINARY));
  return {pid, out_pipe[0], in_pipe[1]};
}

std::string ReadLine(int fd) {
  std::string line;
  char c;
  while (read(fd, &c, 1) == 1) {
    if (c == '\n') break;
    line.push_back(c);
  }
  return line;
}

}  // namespace

ServerProcess::ServerProcess(std::optional<std::filesystem::path> dir, std::map<std::string, std::string> env) {
  own_dir_ = !dir;
  dir_ = dir ? *dir : MakeTempDir();
  env.emplace("SEN_ADMIN_PASSWORD", kAdminPassword);
  env.emplace("SEN_LOG_LEVEL", "info");
  auto spawned = Spawn({"serve", "--listen", "127.0.0.1:0", "--db", db_url(), "--web-root", (dir_ / "no-web").string()},
                       env, (dir_ / "server.log").string());
  pid_ = spawned.pid;
  close(spawned.in_fd);
  // The server prints "listening on http://127.0.0.1:PORT" once it accepts connections.
  for (int i = 0; i < 5 && port_ == 0; ++i) {
    std::string line = ReadLine(spawned.out_fd);
    auto pos = line.rfind(':');
    if (line.rfind("listening on", 0) == 0 && pos != std::string::npos) port_ = static_cast<std::uint16_t>(std::stoi(line.substr(pos + 1)));
  }
  // Keep draining stdout so the server never blocks on a full pipe.
  std::thread([fd = spawned.out_fd] {
    char buf[256];
    while (read(fd, buf, sizeof buf) > 0) {
    }
    close(fd);
  }).detach();
  if (port_ == 0) {
    Stop();
    throw std::runtime_error("sen serve did not start; log:\n" + Log());
  }
}

ServerProcess::~ServerProcess() {
  // A clean exit also means no sanitizer report: ASan and UBSan make the server exit non-zero.
  if (pid_ > 0) {
    EXPECT_EQ(Stop(), 0) << "the server did not shut down cleanly; log:\n" << Log();
  }
  if (own_dir_) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

int ServerProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string ServerProcess::Log() const {
  std::ifstream in(dir_ / "server.log");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

SenCommand::SenCommand(const std::vector<std::string>& args, const std::string& input) {
  auto spawned = Spawn(args, {}, "/dev/null");
  pid_ = spawned.pid;
  out_fd_ = spawned.out_fd;
  if (!input.empty()) {
    ssize_t n = write(spawned.in_fd, input.data(), input.size());
    (void)n;
  }
  close(spawned.in_fd);
}

SenCommand::~SenCommand() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  Wait();
}

void SenCommand::Signal(int signal) {
  if (pid_ > 0) kill(pid_, signal);  // never kill(-1): that would signal every process of the user
}

CommandResult SenCommand::Wait() {
  if (pid_ <= 0) throw std::logic_error("the command was waited for already");
  CommandResult result;
  char buf[512];
  ssize_t n;
  while ((n = read(out_fd_, buf, sizeof buf)) > 0) result.out.append(buf, static_cast<size_t>(n));
  close(out_fd_);
  out_fd_ = -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

CommandResult RunSen(const std::vector<std::string>& args, const std::string& input) {
  return SenCommand(args, input).Wait();
}

HttpResponse Client::SendRaw(const std::string& method, const std::string& target, const std::string& body,
                             const std::map<std::string, std::string>& headers) {
  net::io_context ioc;
  net::ip::tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  stream.connect(resolver.resolve("127.0.0.1", std::to_string(port_)));
  bhttp::request<bhttp::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(bhttp::field::host, "127.0.0.1");
  if (!session_cookie.empty()) req.set(bhttp::field::cookie, "sen_session=" + session_cookie);
  if (!bearer_.empty()) req.set(bhttp::field::authorization, "Bearer " + bearer_);
  if (send_csrf_ && !csrf_token.empty() && method != "GET") req.set("X-CSRF-Token", csrf_token);
  for (const auto& [k, v] : headers) req.set(k, v);
  if (!body.empty()) {
    req.body() = body;
    if (req[bhttp::field::content_type].empty()) req.set(bhttp::field::content_type, "application/json");
  }
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  bhttp::read(stream, buffer, parser);
  auto& res = parser.get();
  HttpResponse out;
  out.status = static_cast<int>(res.result_int());
  out.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(f.value());
  }
  out.json = nlohmann::json::parse(out.body, nullptr, false);
  if (out.json.is_discarded()) out.json = nullptr;
  beast::error_code ec;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  return out;
}

HttpResponse Client::Send(const std::string& method, const std::string& target,
                          const std::optional<nlohmann::json>& body, const std::map<std::string, std::string>& headers) {
  return SendRaw(method, target, body ? body->dump() : "", headers);
}

void Client::Login(const std::string& username, const std::string& password) {
  auto res = Post("/api/auth/login", {{"username", username}, {"password", password}});
  ASSERT_EQ(res.status, 200) << res.body;
  const std::string& cookie = res.headers["set-cookie"];
  auto start = cookie.find('=') + 1;
  session_cookie = cookie.substr(start, cookie.find(';') - start);
  csrf_token = res.json["csrf_token"].get<std::string>();
}

std::int64_t CreateUser(Client& admin, const std::string& username, const std::string& role,
                        std::optional<std::int64_t> team_id, const std::string& password) {
  nlohmann::json body = {{"username", username}, {"password", password}, {"full_name", "User " + username}, {"role", role}};
  if (team_id) body["team_id"] = *team_id;
  auto res = admin.Post("/api/users", body);
  EXPECT_EQ(res.status, 201) << res.body;
  return res.json.value("id", std::int64_t{0});
}

Client SignedIn(std::uint16_t port, const std::string& username) {
  Client c(port);
  c.Login(username, "user-pass-123");
  return c;
}

std::int64_t CreateTeam(Client& admin, const std::string& name) {
  auto res = admin.Post("/api/teams", {{"name", name}});
  EXPECT_EQ(res.status, 201) << res.body;
  return res.json.value("id", std::int64_t{0});
}

HttpResponse Upload(Client& c, const std::string& filename, const std::string& content, const std::string& entity) {
  const std::string body = "--sen-boundary\r\nContent-Disposition: form-data; name=\"entity\"\r\n\r\n" + entity +
                           "\r\n--sen-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
                           filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content +
                           "\r\n--sen-boundary--\r\n";
  return c.SendRaw("POST", "/api/imports", body, {{"Content-Type", "multipart/form-data; boundary=sen-boundary"}});
}

std::string Path(const nlohmann::json& imp, const std::string& rest) {
  return "/api/imports/" + std::to_string(imp["id"].get<std::int64_t>()) + rest;
}

nlohmann::json WaitUntilFinished(Client& c, const nlohmann::json& imp, int seconds) {
  for (int i = 0; i < seconds * 20; ++i) {
    auto res = c.Get(Path(imp));
    if (res.json["status"] != "running") return res.json;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ADD_FAILURE() << "import " << imp["id"] << " still running after " << seconds << " s";
  return {};
}

std::string UniqueMobile() {
  static std::atomic<int> counter{0};
  static const int base = std::random_device{}() % 900000;
  int n = (base + counter++) % 1000000;
  char buf[16];
  std::snprintf(buf, sizeof buf, "0912%06d", n);
  return buf;
}

HttpResponse RunJob(Client& c, std::int64_t id) {
  const std::string path = "/api/jobs/" + std::to_string(id);
  HttpResponse res;
  for (int i = 0; i < 50; ++i) {
    res = c.Post(path + "/run", nlohmann::json::object());
    if (res.status != 409) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (int i = 0; i < 600 && res.status == 202; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto job = c.Get(path);
    if (job.status == 200 && job.json["running"] == false) res = job;
  }
  return res;
}

}  // namespace sen::testing
