// C4 over real HTTP and real SMTP: Debian's aiosmtpd listens on loopback and keeps what it is
// given in a Maildir; a scheduled call's e-mail reminder arrives there once, in the owner's
// language, and not again on later runs nor after a restart.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sodium.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <set>
#include <fstream>
#include <sstream>
#include <thread>
#include <tuple>

#include "db/database.h"
#include "harness.h"

extern char** environ;

namespace sen::testing {
namespace {

using json = nlohmann::json;

std::uint16_t FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool Accepts(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// aiosmtpd with its Maildir handler (Debian's python3-aiosmtpd, so /usr/bin/python3).
// aiosmtpd's Maildir handler, except that it refuses a recipient whose address starts with
// "bounce", as a server does a mailbox it does not have.
constexpr const char* kRejectingMailbox = R"(
import sys
from aiosmtpd.handlers import Mailbox
from aiosmtpd.main import main
class Rejecting(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('bounce'):
            return '550 5.1.1 no such mailbox'
        envelope.rcpt_tos.append(address)
        return '250 OK'
main(sys.argv[1:])
)";

class SmtpServer {
 public:
  explicit SmtpServer(std::filesystem::path maildir) : maildir_(std::move(maildir)), port_(FreePort()) {
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    std::vector<std::string> args = {"/usr/bin/python3", "-c", kRejectingMailbox, "-n", "-l", listen,
                                     "-c", "__main__.Rejecting", maildir_.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("could not start aiosmtpd");
    }
    for (int i = 0; i < 100 && !Accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~SmtpServer() { Stop(); }
  void Stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::uint16_t port() const { return port_; }

  // The messages received so far, as their raw text.
  std::vector<std::string> Messages() const {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(maildir_ / "new", ec)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      out.push_back(text.str());
    }
    return out;
  }
  // Waits (for the server's reminders job as well) until `count` messages are there.
  std::vector<std::string> AwaitMessages(std::size_t count) const {
    for (int i = 0; i < 100 && Messages().size() < count; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return Messages();
  }

 private:
  std::filesystem::path maildir_;
  std::uint16_t port_;
  pid_t pid_ = -1;
};

// The decoded body of a base64 message.
std::string Body(const std::string& message) {
  auto start = message.find("\n\n");
  std::string base64 = message.substr(start == std::string::npos ? message.find("\r\n\r\n") + 4 : start + 2);
  std::string out(base64.size(), '\0');
  std::size_t len = 0;
  sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), base64.data(), base64.size(), "\r\n",
                    &len, nullptr, sodium_base64_VARIANT_ORIGINAL);
  out.resize(len);
  return out;
}

// RFC 3339 (UTC) of `minutes` from now.
std::string InMinutes(int minutes) {
  const std::time_t t = std::time(nullptr) + minutes * 60;
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return text;
}

// The reminders job every database starts with, switched off so that only the test runs it.
std::int64_t RemindersJob(Client& admin) {
  auto jobs = admin.Get("/api/jobs");
  for (const auto& job : jobs.json["items"]) {
    if (job["type"] != "reminders") continue;
    const std::int64_t id = job["id"];
    EXPECT_EQ(admin.Patch("/api/jobs/" + std::to_string(id), {{"active", false}}).status, 200);
    return id;
  }
  ADD_FAILURE() << "no reminders job: " << jobs.body;
  return 0;
}

// A fresh server whose e-mail goes to a loopback SMTP server, the admin signed in; the folder
// of the messages goes with it.
struct MailedServer {
  explicit MailedServer(const std::string& name) : dir(EmptyDir(name)), smtp(dir / "maildir"), admin(server.port()) {
    admin.Login("admin", kAdminPassword);
    auto set = admin.Send("PUT", "/api/settings/smtp", json{{"host", "127.0.0.1"}, {"port", smtp.port()},
                                                            {"security", "none"}, {"from", "crm@truong.edu.vn"}});
    EXPECT_EQ(set.status, 200) << set.body;
  }
  static std::filesystem::path EmptyDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
  }
  ~MailedServer() {
    smtp.Stop();
    std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
  SmtpServer smtp;
  ServerProcess server;
  Client admin;
};

TEST(RemindersApi, AnEmailReminderArrivesOnceEvenAcrossARestart) {
  auto dir = std::filesystem::temp_directory_path() / ("sen-remind-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "db");
  SmtpServer smtp(dir / "maildir");
  std::int64_t job = 0;
  {
    ServerProcess server(dir / "db");
    Client admin(server.port());
    admin.Login("admin", kAdminPassword);
    job = RemindersJob(admin);
    auto bad = admin.Send("PUT", "/api/settings/smtp", json{{"host", "127.0.0.1"}, {"port", 0}, {"security", "ssl"}, {"from", "crm"}});
    ASSERT_EQ(bad.status, 422) << bad.body;
    std::set<std::string> fields;
    for (const auto& d : bad.json["error"]["details"]) fields.insert(d["field"].get<std::string>());
    EXPECT_EQ(fields, (std::set<std::string>{"port", "security", "from"}));
    auto set = admin.Send("PUT", "/api/settings/smtp",
                          json{{"host", "127.0.0.1"}, {"port", smtp.port()}, {"security", "none"},
                               {"from", "crm@truong.edu.vn"}, {"from_name", "Sen CRM"}, {"password", "bí mật"}});
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(set.json["has_password"], true);
    EXPECT_FALSE(set.json.contains("password"));
    auto test = admin.Post("/api/settings/smtp/test", {{"to", "admin@truong.edu.vn"}});
    ASSERT_EQ(test.status, 204) << test.body;
    ASSERT_EQ(smtp.AwaitMessages(1).size(), 1u);

    auto agent = admin.Post("/api/users", {{"username", "agent.nhac"}, {"password", "user-pass-123"},
                                           {"full_name", "Trần Văn Nhắc"}, {"email", "nhac@truong.edu.vn"}, {"role", "agent"}});
    ASSERT_EQ(agent.status, 201) << agent.body;
    auto lead = admin.Post("/api/leads", {{"full_name", "Nguyễn Thị Ánh Dương"}, {"mobile", UniqueMobile()},
                                          {"owner_id", agent.json["id"]}});
    ASSERT_EQ(lead.status, 201) << lead.body;
    Client an(server.port());
    an.Login("agent.nhac", "user-pass-123");
    // Three minutes ahead: the 5-minute reminders are due now.
    auto call = an.Post("/api/calls", {{"parent_type", "lead"}, {"parent_id", lead.json["id"]},
                                  {"subject", "Tư vấn khoá IELTS"}, {"status", "scheduled"}, {"start_at", InMinutes(3)},
                                  {"remind_email_min", 5}, {"remind_popup_min", 5}});
    ASSERT_EQ(call.status, 201) << call.body;

    auto ran = RunJob(admin, job);
    ASSERT_EQ(ran.status, 200) << ran.body;
    EXPECT_EQ(ran.json["last_status"], "ok") << ran.body;
    auto messages = smtp.AwaitMessages(2);
    ASSERT_EQ(messages.size(), 2u);
    const std::string& reminder = messages[0].find("nhac@truong.edu.vn") != std::string::npos ? messages[0] : messages[1];
    EXPECT_NE(reminder.find("To: <nhac@truong.edu.vn>"), std::string::npos) << reminder;
    EXPECT_NE(Body(reminder).find("Xin chào Trần Văn Nhắc"), std::string::npos) << Body(reminder);
    EXPECT_NE(Body(reminder).find("Bạn có lịch gọi cho Nguyễn Thị Ánh Dương"), std::string::npos);

    EXPECT_EQ(RunJob(admin, job).json["last_result"]["email"], 0);
    // Done: the call is logged as made, and its reminders go with its plan.
    auto made = an.Patch("/api/calls/" + std::to_string(call.json["id"].get<std::int64_t>()),
                         {{"status", "completed"}, {"result", "interested"}});
    ASSERT_EQ(made.status, 200) << made.body;
    EXPECT_TRUE(made.json["remind_email_min"].is_null()) << made.body;
    EXPECT_TRUE(made.json["remind_popup_min"].is_null());
    EXPECT_EQ(server.Stop(), 0);
  }
  {
    ServerProcess server(dir / "db");
    Client admin(server.port());
    admin.Login("admin", kAdminPassword);
    auto ran = RunJob(admin, job);
    EXPECT_EQ(ran.json["last_result"], (json{{"popup", 0}, {"email", 0}, {"failed", 0}})) << ran.body;
    EXPECT_EQ(smtp.Messages().size(), 2u);

    // With the SMTP server gone a reminder fails and waits a minute, then longer, to be tried
    // again; after three failures in a row the run leaves the other e-mails for the next run
    // rather than wait on a dead server for each.
    smtp.Stop();
    auto down = admin.Post("/api/settings/smtp/test", {{"to", "admin@truong.edu.vn"}});
    EXPECT_EQ(down.status, 409) << down.body;
    EXPECT_EQ(down.json["error"]["reason"], "smtp_refused") << down.body;
    EXPECT_NE(down.json["error"].value("detail", ""), "") << "what the SMTP client said: " << down.body;
    auto users = admin.Get("/api/users?q=agent.nhac");
    auto lead = admin.Post("/api/leads", {{"full_name", "Lê Văn Lỗi"}, {"mobile", UniqueMobile()},
                                          {"owner_id", users.json["items"][0]["id"]}});
    for (const char* subject : {"Gọi lại", "Gọi lại lần nữa", "Gọi lần ba", "Gọi lần bốn"}) {
      auto call = admin.Post("/api/calls", {{"parent_type", "lead"}, {"parent_id", lead.json["id"]},
                                            {"subject", subject}, {"status", "scheduled"},
                                            {"owner_id", users.json["items"][0]["id"]}, {"start_at", InMinutes(3)},
                                            {"remind_email_min", 5}});
      ASSERT_EQ(call.status, 201) << call.body;
    }
    for (int failed : {3, 1, 0}) {
      ran = RunJob(admin, job);
      EXPECT_EQ(ran.json["last_result"]["failed"], failed) << ran.body;
    }
    EXPECT_EQ(admin.Get("/api/settings/smtp").json["host"], "127.0.0.1");
    Client agent(server.port());
    agent.Login("agent.nhac", "user-pass-123");
    EXPECT_EQ(agent.Get("/api/settings/smtp").status, 403);
    // Every team's reminders hang on that job: a manager sees and runs it, only admins change it.
    CreateUser(admin, "manager.nhac", "manager");
    Client manager(server.port());
    manager.Login("manager.nhac", "user-pass-123");
    EXPECT_EQ(manager.Get("/api/jobs/" + std::to_string(job)).status, 200);
    EXPECT_EQ(manager.Patch("/api/jobs/" + std::to_string(job), {{"interval_min", 5}}).status, 403);
    EXPECT_EQ(manager.Delete("/api/jobs/" + std::to_string(job)).status, 403);
    // A stalled-lead alert tells the owners of every team: the admins' too (QA: two managers'
    // alerts mailed every team twice within the hour).
    auto alert = manager.Post("/api/jobs", {{"name", "Lead chưa chăm sóc"}, {"type", "stalled_alert"},
                                            {"interval_min", 1440}, {"starts_at", "2030-01-01T08:00:00+07:00"}});
    EXPECT_EQ(alert.status, 403) << alert.body;
    auto admins = admin.Post("/api/jobs", {{"name", "Lead chưa chăm sóc"}, {"type", "stalled_alert"}, {"active", false},
                                           {"interval_min", 1440}, {"starts_at", "2030-01-01T08:00:00+07:00"}});
    ASSERT_EQ(admins.status, 201) << admins.body;
    const std::string admins_path = "/api/jobs/" + std::to_string(admins.json["id"].get<std::int64_t>());
    EXPECT_EQ(manager.Post(admins_path + "/run", json::object()).status, 403);
    EXPECT_EQ(manager.Patch(admins_path, {{"active", true}}).status, 403);
  }
  std::filesystem::remove_all(dir);
}

// C4: an address the mail server refuses fails its own reminder only; the next owner's e-mail
// still goes in the same run (only failures in a row mean the server is down).
// The saved SMTP password is the old server's: a new host gets it only when it is entered again,
// and a host nobody signs in to (no username) keeps none.
TEST(RemindersApi, TheSavedPasswordDoesNotGoToANewHost) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const json first{{"host", "smtp.truong.edu.vn"}, {"port", 587}, {"security", "starttls"}, {"username", "crm"},
                   {"password", "mật khẩu cũ"}, {"from", "crm@truong.edu.vn"}};
  ASSERT_EQ(admin.Send("PUT", "/api/settings/smtp", first).status, 200);
  EXPECT_EQ(admin.Send("PUT", "/api/settings/smtp", json{{"port", 465}, {"security", "tls"}}).json["has_password"], true);

  auto moved = admin.Send("PUT", "/api/settings/smtp", json{{"host", "mail.nha-cung-cap.vn"}});
  ASSERT_EQ(moved.status, 422) << moved.body;
  EXPECT_EQ(moved.json["error"]["details"][0]["field"], "password");
  EXPECT_EQ(moved.json["error"]["details"][0]["reason"], "reenter");
  EXPECT_EQ(admin.Get("/api/settings/smtp").json["host"], "smtp.truong.edu.vn");
  auto entered = admin.Send("PUT", "/api/settings/smtp", json{{"host", "mail.nha-cung-cap.vn"}, {"password", "mới"}});
  ASSERT_EQ(entered.status, 200) << entered.body;
  EXPECT_EQ(entered.json["has_password"], true);

  auto relay = admin.Send("PUT", "/api/settings/smtp", json{{"host", "127.0.0.1"}, {"username", ""}});
  ASSERT_EQ(relay.status, 200) << relay.body;
  EXPECT_EQ(relay.json["has_password"], false);
}

TEST(RemindersApi, ARefusedAddressHoldsUpNoOtherReminder) {
  MailedServer mailed("sen-bounce");
  auto& admin = mailed.admin;
  auto& smtp = mailed.smtp;
  const std::int64_t job = RemindersJob(admin);
  // The refused address's reminder is due first (5 minutes before a call in 3, against 2 in 1).
  for (const auto& [username, email, minutes] : {std::tuple{"agent.sai", "bounce@truong.edu.vn", 3},
                                                 std::tuple{"agent.dung", "dung@truong.edu.vn", 1}}) {
    auto agent = admin.Post("/api/users", {{"username", username}, {"password", "user-pass-123"},
                                           {"full_name", username}, {"email", email}, {"role", "agent"}});
    ASSERT_EQ(agent.status, 201) << agent.body;
    auto lead = admin.Post("/api/leads", {{"full_name", "Khách của " + std::string(username)},
                                          {"mobile", UniqueMobile()}, {"owner_id", agent.json["id"]}});
    ASSERT_EQ(lead.status, 201) << lead.body;
    auto call = admin.Post("/api/calls", {{"parent_type", "lead"}, {"parent_id", lead.json["id"]},
                                          {"subject", "Gọi tư vấn"}, {"status", "scheduled"},
                                          {"owner_id", agent.json["id"]}, {"start_at", InMinutes(minutes)},
                                          {"remind_email_min", minutes == 3 ? 5 : 2}});
    ASSERT_EQ(call.status, 201) << call.body;
  }
  auto ran = RunJob(admin, job);
  EXPECT_EQ(ran.json["last_result"], (json{{"popup", 0}, {"email", 1}, {"failed", 1}})) << ran.body;
  auto messages = smtp.AwaitMessages(1);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("To: <dung@truong.edu.vn>"), std::string::npos) << messages[0];
}

// C4: a reminder goes only where its owner may still act on the call: not for a lead in the trash
// (the owner could not open or cancel the call) nor for one put back in the pool (the call waits
// there for whoever takes the lead).
TEST(RemindersApi, NoReminderForALeadItsOwnerCanNoLongerOpen) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const std::int64_t job = RemindersJob(admin);
  const std::int64_t agent_id = CreateUser(admin, "agent.bo", "agent");
  Client agent(server.port());
  agent.Login("agent.bo", "user-pass-123");
  std::vector<std::int64_t> leads;
  for (const char* name : {"Khách vào thùng rác", "Khách về kho chung", "Khách vẫn của tôi"}) {
    auto lead = admin.Post("/api/leads", {{"full_name", name}, {"mobile", UniqueMobile()}, {"owner_id", agent_id}});
    ASSERT_EQ(lead.status, 201) << lead.body;
    leads.push_back(lead.json["id"]);
    auto call = agent.Post("/api/calls", {{"parent_type", "lead"}, {"parent_id", leads.back()}, {"subject", name},
                                          {"status", "scheduled"}, {"start_at", InMinutes(3)}, {"remind_popup_min", 5}});
    ASSERT_EQ(call.status, 201) << call.body;
  }
  ASSERT_EQ(admin.Delete("/api/leads/" + std::to_string(leads[0])).status, 204);
  auto pooled = admin.Patch("/api/leads/" + std::to_string(leads[1]), {{"owner_id", nullptr}});
  ASSERT_EQ(pooled.status, 200) << pooled.body;
  ASSERT_EQ(agent.Get("/api/leads/" + std::to_string(leads[1])).status, 403);

  auto ran = RunJob(admin, job);
  ASSERT_EQ(ran.status, 200) << ran.body;
  EXPECT_EQ(ran.json["last_result"], (json{{"popup", 1}, {"email", 0}, {"failed", 2}})) << ran.body;
  std::vector<std::string> reminded;
  auto inbox = agent.Get("/api/notifications");
  for (const auto& n : inbox.json["items"]) {
    if (n["type"] == "reminder") reminded.push_back(n["data"]["lead_name"]);
  }
  EXPECT_EQ(reminded, std::vector<std::string>{"Khách vẫn của tôi"}) << inbox.body;
}

// T2: a call on a target reminds as one on a lead does, naming the target (QA: its id went out
// as a lead's, and the popup opened another person).
TEST(RemindersApi, ACallOnATargetRemindsWithTheTarget) {
  ServerProcess server;
  Client admin(server.port());
  admin.Login("admin", kAdminPassword);
  const std::int64_t job = RemindersJob(admin);
  auto target = admin.Post("/api/targets", {{"full_name", "Data mua Hà Nam"}, {"mobile", UniqueMobile()}});
  ASSERT_EQ(target.status, 201) << target.body;
  auto call = admin.Post("/api/calls", {{"parent_type", "target"},
                                        {"parent_id", target.json["id"]},
                                        {"subject", "Xác thực"},
                                        {"status", "scheduled"},
                                        {"start_at", InMinutes(3)},
                                        {"remind_popup_min", 5}});
  ASSERT_EQ(call.status, 201) << call.body;
  ASSERT_EQ(RunJob(admin, job).json["last_result"]["popup"], 1);
  const auto inbox = admin.Get("/api/notifications").json;
  ASSERT_EQ(inbox["items"][0]["type"], "reminder") << inbox;
  const json data = inbox["items"][0]["data"];
  EXPECT_EQ(data["parent_type"], "target");
  EXPECT_EQ(data["parent_id"], target.json["id"]);
  EXPECT_EQ(data["lead_name"], "Data mua Hà Nam");
  EXPECT_FALSE(data.contains("lead_id")) << data;
}

// R6 over P3: a stalled-lead alert job tells an owner of their open leads with no activity for
// its days, by e-mail through the real SMTP server (the days pass in the database: the lead's
// creation is moved back, as the server's clock cannot be).
TEST(RemindersApi, TheStalledLeadAlertTellsTheOwnerByEmail) {
  MailedServer mailed("sen-stalled");
  auto& admin = mailed.admin;
  auto& smtp = mailed.smtp;
  auto& server = mailed.server;
  auto agent = admin.Post("/api/users", {{"username", "agent.lau"}, {"password", "user-pass-123"},
                                         {"full_name", "Phan Thị Lâu"}, {"email", "lau@truong.edu.vn"}, {"role", "agent"}});
  ASSERT_EQ(agent.status, 201) << agent.body;
  auto lead = admin.Post("/api/leads", {{"full_name", "Đinh Công Chờ"}, {"mobile", UniqueMobile()},
                                        {"owner_id", agent.json["id"]}});
  ASSERT_EQ(lead.status, 201) << lead.body;

  auto bad = admin.Post("/api/jobs", {{"name", "x"}, {"type", "stalled_alert"}, {"interval_min", 1440}, {"days", 0},
                                      {"batch_size", 10}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  for (const auto& d : bad.json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"days", "batch_size"}));
  auto made = admin.Post("/api/jobs", {{"name", "Lead chưa chăm sóc"}, {"type", "stalled_alert"},
                                       {"interval_min", 1440}, {"days", 2}, {"active", false}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json["days"], 2);
  const std::int64_t job = made.json["id"];

  auto ran = RunJob(admin, job);
  ASSERT_EQ(ran.status, 200) << ran.body;
  EXPECT_EQ(ran.json["last_result"], (json{{"owners", 0}, {"leads", 0}, {"email", 0}, {"email_failed", 0}}))
      << ran.body;  // a new lead is not stalled
  // Every run tells every owner again: not twice within the hour, "run now" or not.
  auto again = admin.Post("/api/jobs/" + std::to_string(job) + "/run", json::object());
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json["error"]["reason"], "alert_ran_lately") << again.body;

  // The lead made and given three days ago, the job's last run an hour ago.
  auto stall = [&](std::int64_t id) {
    auto db = db::OpenDatabase(server.db_url(), 1);
    auto tx = db->BeginWrite();
    tx->Execute("UPDATE leads SET created_at = created_at - 3 * 86400000 WHERE id = ?", {id});
    tx->Execute("UPDATE lead_assignments SET at = at - 3 * 86400000 WHERE lead_id = ?", {id});
    tx->Execute("UPDATE jobs SET last_run_at = last_run_at - 3600000 WHERE id = ?", {job});
    tx->Commit();
  };
  stall(lead.json["id"]);
  ran = RunJob(admin, job);
  EXPECT_EQ(ran.json["last_result"], (json{{"owners", 1}, {"leads", 1}, {"email", 1}, {"email_failed", 0}})) << ran.body;
  auto messages = smtp.AwaitMessages(1);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("To: <lau@truong.edu.vn>"), std::string::npos) << messages[0];
  EXPECT_NE(Body(messages[0]).find("Bạn có 1 lead đang mở chưa có cuộc gọi hay ghi chú nào từ 2 ngày"), std::string::npos)
      << Body(messages[0]);
  EXPECT_NE(Body(messages[0]).find("- Đinh Công Chờ (#" + std::to_string(lead.json["id"].get<std::int64_t>())),
            std::string::npos);

  Client lau(server.port());
  lau.Login("agent.lau", "user-pass-123");
  EXPECT_EQ(lau.Post("/api/jobs", {{"name", "x"}, {"type", "stalled_alert"}, {"interval_min", 5}}).status, 403);

  // An address the SMTP server refuses: the run says how many failed, the server's words, and
  // the reason and values the jobs page words the failure with in the user's language.
  auto bounced = admin.Post("/api/users", {{"username", "agent.doi"}, {"password", "user-pass-123"},
                                           {"full_name", "Mai Văn Đợi"}, {"email", "bounce.doi@truong.edu.vn"},
                                           {"role", "agent"}});
  ASSERT_EQ(bounced.status, 201) << bounced.body;
  auto waiting = admin.Post("/api/leads", {{"full_name", "Hồ Thị Đợi"}, {"mobile", UniqueMobile()},
                                           {"owner_id", bounced.json["id"]}});
  ASSERT_EQ(waiting.status, 201) << waiting.body;
  stall(waiting.json["id"]);
  ran = RunJob(admin, job);
  const json result = ran.json["last_result"];
  EXPECT_EQ(result["owners"], 2) << ran.body;
  EXPECT_EQ(result["email"], 1) << ran.body;
  EXPECT_EQ(result["email_failed"], 1) << ran.body;
  EXPECT_NE(result.value("email_error", "").find("550"), std::string::npos) << ran.body;
  EXPECT_EQ(result["email_error_info"]["reason"], "smtp_refused") << ran.body;
  EXPECT_NE(result["email_error_info"].value("detail", ""), "") << ran.body;
}

}  // namespace
}  // namespace sen::testing
