// The `sen` command line: serve, migrate, user, token, demo, backup.
#include <CLI/CLI.hpp>
#include <curl/curl.h>
#include <signal.h>
#include <sys/stat.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "core/chunk_pipe.h"
#include "core/every.h"
#include "core/secrets.h"
#include "db/database.h"
#include "db/migrator.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "http/write_batcher.h"
#include "modules/assignment/assignment_handlers.h"
#include "modules/calls/calls_handlers.h"
#include "modules/campaigns/campaigns_handlers.h"
#include "modules/events/events_handlers.h"
#include "modules/customfields/custom_fields_handlers.h"
#include "modules/demo/demo_file.h"
#include "modules/demo/demo_seeder.h"
#include "modules/imports/import_service.h"
#include "modules/imports/imports_handlers.h"
#include "modules/jobs/jobs_handlers.h"
#include "modules/leads/lead_service.h"
#include "modules/leads/leads_handlers.h"
#include "modules/notes/notes_handlers.h"
#include "modules/notifications/notifications_handlers.h"
#include "modules/settings/settings_handlers.h"
#include "modules/targetlists/target_lists_handlers.h"
#include "modules/targets/targets_handlers.h"
#include "modules/timeline/timeline_handlers.h"
#include "modules/users/user_service.h"
#include "modules/users/users_handlers.h"
#include "modules/views/views_handlers.h"
#include "text/fold.h"

namespace {

using namespace sen;

std::string Env(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : std::move(fallback);
}

std::filesystem::path DefaultWebRoot() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // build/<preset>/sen -> web/dist of the same checkout
    auto candidate = exe.parent_path().parent_path().parent_path() / "web" / "dist";
    if (std::filesystem::is_directory(candidate, ec)) return candidate;
  }
  return "web/dist";
}

// Where Sen keeps what is not in the database: uploaded files, and the key that seals the
// secrets inside it (so that a copy of the database alone does not give them away).
struct Places {
  std::filesystem::path files;
  std::filesystem::path secret_key;
};

// Both beside an SQLite database unless told otherwise.
Places PlacesOf(const std::string& db_url, const std::string& files, const std::string& secret_key) {
  const auto beside = std::filesystem::path(db_url.rfind("sqlite:", 0) == 0 ? db_url.substr(7) : db_url).parent_path();
  return {files.empty() ? beside / "files" : std::filesystem::path(files),
          secret_key.empty() ? beside / "secret.key" : std::filesystem::path(secret_key)};
}

// The database with its schema up to date, and the services on top of it.
struct Core {
  std::unique_ptr<db::Database> db;
  SystemClock clock;
  EventHub events;
  SecretBox box;
  std::unique_ptr<users::UserService> users;
  std::unique_ptr<notifications::NotificationService> notifications;
  std::unique_ptr<settings::SettingsService> settings;
  // Before the leads and imports that pick owners through it, so that it outlives them.
  std::unique_ptr<assignment::AssignmentService> assignment;
  std::unique_ptr<customfields::CustomFieldService> custom_fields;
  std::unique_ptr<leads::LeadService> leads;
  std::unique_ptr<targets::TargetService> targets;
  std::unique_ptr<calls::CallService> calls;
  std::unique_ptr<notes::NoteService> notes;
  std::unique_ptr<timeline::TimelineService> timeline;
  std::unique_ptr<views::ViewService> views;
  std::unique_ptr<targetlists::TargetListService> target_lists;
  std::unique_ptr<campaigns::CampaignService> campaigns;
  std::unique_ptr<imports::ImportService> imports;
  std::unique_ptr<jobs::JobService> jobs;

  Core(const std::string& url, int readers, const Places& places) : box(SecretBox::AtPath(places.secret_key)) {
    db = db::OpenDatabase(url, readers);
    auto report = db::Migrate(*db);
    if (!report.applied.empty()) {
      spdlog::info("database schema migrated from version {} to {}", report.from_version, report.to_version);
    }
    users = std::make_unique<users::UserService>(*db, clock);
    notifications = std::make_unique<notifications::NotificationService>(*db, clock, events);
    settings = std::make_unique<settings::SettingsService>(*db, clock, box);
    if (settings->SealClearPassword()) {
      spdlog::info("the saved SMTP password is now sealed with the key in {}", places.secret_key.string());
    }
    custom_fields = std::make_unique<customfields::CustomFieldService>(*db, clock);
    leads = std::make_unique<leads::LeadService>(*db, clock, *users, *custom_fields);
    users->OnTeamChange([this](db::Transaction& tx, const Principal& by, std::int64_t user_id,
                               std::optional<std::int64_t> team_id, Millis now) {
      leads->MoveOpenLeadsToTeam(tx, by, user_id, team_id, now);
    });
    targets = std::make_unique<targets::TargetService>(*db, clock, *users, *custom_fields, *leads);
    targets->SetNotifier(notifications.get());
    leads->SetOtherDuplicates([this](db::Transaction& tx, const leads::Lead& lead, const leads::Lead* before) {
      return targets->DuplicatesOfLead(tx, lead, before);
    });
    calls = std::make_unique<calls::CallService>(*db, clock, *users, *leads);
    calls->SetNotifiers(notifications.get(), settings.get());
    calls->SetTargets(targets.get());
    notes = std::make_unique<notes::NoteService>(*db, clock, *users, *leads);
    notes->SetTargets(targets.get());
    timeline = std::make_unique<timeline::TimelineService>(*db, *users, *leads, *calls, *notes);
    timeline->SetTargets(targets.get());
    views = std::make_unique<views::ViewService>(*db, clock, *users, *leads);
    leads->SetViewResolver([this](const Principal& p, std::int64_t id) { return views->Resolve(p, id); });
    assignment = std::make_unique<assignment::AssignmentService>(*db, clock, *users);
    leads->SetAssigner(assignment.get());
    leads->SetNotifier(notifications.get());
    leads->SetMailer(settings.get());
    imports = std::make_unique<imports::ImportService>(*db, clock, *users, *leads, places.files / "imports", files::ReadLimits{});
    imports->SetEvents(&events);
    imports->SetTargets(targets.get());
    target_lists = std::make_unique<targetlists::TargetListService>(*db, clock, *leads);
    imports->SetTargetLists(target_lists.get());
    campaigns = std::make_unique<campaigns::CampaignService>(*db, clock);
    users->SetEvents(&events);
    jobs = std::make_unique<jobs::JobService>(*db, clock, RandomToken(8));
    jobs->SetRuleCheck([this](db::Transaction& tx, const Principal& p, std::int64_t rule_id) {
      return assignment->CheckMayHandOut(tx, p, rule_id, "rule_id");
    });
    jobs->SetRunner("auto_assign", [this](const jobs::Job& job, Millis now) -> Result<nlohmann::json> {
      if (!job.rule_id) return Error::Conflict("the job's assignment rule was deleted", "rule_deleted");
      auto done = leads->DistributeQueued(*job.rule_id, job.batch_size, now);
      if (!done) return std::move(done).error();
      return nlohmann::json{{"assigned", done->assigned}, {"left", done->left}};
    });
    jobs->SetRunner("reminders", [this](const jobs::Job&, Millis now) -> Result<nlohmann::json> {
      auto run = calls->SendDueReminders(now);
      return nlohmann::json{{"popup", run.popup}, {"email", run.email}, {"failed", run.failed}};
    });
    jobs->SetRunner("stalled_alert", [this](const jobs::Job& job, Millis now) -> Result<nlohmann::json> {
      // The last message starts early enough to end inside the job's lease.
      auto run = leads->AlertStalled(job.days.value_or(jobs::kDefaultStaleDays), now, now + jobs::kLease - kMailTimeout);
      nlohmann::json result{{"owners", run.owners}, {"leads", run.leads}, {"email", run.email},
                            {"email_failed", run.email_failed}};
      if (run.email_error) {  // its message, and its reason and values for the jobs page to word it
        result["email_error"] = run.email_error->message;
        result["email_error_info"] = run.email_error->extra;
      }
      return result;
    });
  }

  // The active user `username` acting through `channel`.
  std::optional<Principal> PrincipalOf(const std::string& username, Channel channel) {
    users::repo::UserFilter filter;
    filter.q = username;
    filter.active = true;
    auto found = users->List(users::UserService::System(), filter, {1, 50});
    for (const auto& u : found.items) {
      if (u.username == username) return users::PrincipalOf(u, channel);
    }
    return std::nullopt;
  }

  // First start: an admin with SEN_ADMIN_PASSWORD, or a random password printed once.
  void EnsureAdmin() {
    std::string password = Env("SEN_ADMIN_PASSWORD", "");
    const bool generated = password.empty();
    if (generated) password = RandomToken(12);
    if (users->EnsureAdmin(password) && generated) {
      std::cout << "created user admin with password: " << password << " (shown once)" << std::endl;
    }
  }
};

int Fail(const std::string& reason) {
  std::cerr << "sen: " << reason << std::endl;
  return 1;
}


int Serve(const std::string& db_url, const Places& places, const std::string& listen,
          const std::string& web_root, int threads, std::size_t max_body) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "sen: --listen must be HOST:PORT, e.g. 127.0.0.1:8080" << std::endl;
    return 2;
  }
  http::ServerOptions options;
  options.host = listen.substr(0, colon);
  try {
    int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    options.port = static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
    std::cerr << "sen: --listen has no valid port: " << listen << std::endl;
    return 2;
  }
  options.threads = threads;
  options.body_limit = max_body;
  const files::ReadLimits limits;
  options.upload_path = "/api/imports";
  options.upload_limit = limits.max_file_bytes + (64 << 10);  // the file and its multipart envelope

  // Four: a PATCH that changes no sheet waits behind at most a few previews or SMTP tests.
  constexpr int kSlowLaneThreads = 4;
  // Readers: one per I/O and slow-lane thread and per download being made (kMaxPipes), the
  // write batcher (which signs its requests in), the import and job workers and job runs.
  Core core(db_url, threads + kSlowLaneThreads + kMaxPipes + 6, places);
  core.imports->StartWorker();
  core.jobs->StartWorker();
  core.EnsureAdmin();

  http::Router router;
  router.SetAuthenticator(users::MakeAuthenticator(*core.users));
  // Only a signed-in user's upload is read up to the large limit.
  options.may_upload = [authenticate = users::MakeAuthenticator(*core.users)](const http::Request& head) {
    try {
      return static_cast<bool>(authenticate(head));
    } catch (const std::exception& e) {  // on an I/O thread: nothing may escape it
      spdlog::warn("upload refused: signing in failed: {}", e.what());
      return false;
    }
  };
  router.Add("GET", "/healthz", [&core](http::Request&) {
    auto tx = core.db->BeginRead();
    tx->QueryInt("SELECT 1", {});
    return http::Response::Json(200, {{"status", "ok"}});
  }, http::Access::kPublic);
  users::RegisterRoutes(router, *core.users);
  imports::RegisterRoutes(router, *core.imports);
  leads::RegisterRoutes(router, *core.leads);
  targets::RegisterRoutes(router, *core.targets);
  customfields::RegisterRoutes(router, *core.custom_fields);
  calls::RegisterRoutes(router, *core.calls);
  notes::RegisterRoutes(router, *core.notes);
  notifications::RegisterRoutes(router, *core.notifications);
  timeline::RegisterRoutes(router, *core.timeline);
  views::RegisterRoutes(router, *core.views);
  targetlists::RegisterRoutes(router, *core.target_lists);
  campaigns::RegisterRoutes(router, *core.campaigns);
  assignment::RegisterRoutes(router, *core.assignment);
  jobs::RegisterRoutes(router, *core.jobs);
  settings::RegisterRoutes(router, *core.settings);
  events::RegisterRoutes(router, core.events);
  http::StaticFiles web(web_root.empty() ? DefaultWebRoot() : std::filesystem::path(web_root));
  router.SetFallback([&web](http::Request& req) { return web.Serve(req); });
  if (web.file_count() == 0) spdlog::warn("no web app found; serving the API only");

  http::WriteBatcher batcher(*core.db);
  router.SetWriteBatcher(&batcher);
  boost::asio::thread_pool slow_lane(kSlowLaneThreads);
  router.SetSlowLane(&slow_lane);
  options.handler = [&router](http::Request req, std::function<void(http::Response)> respond) {
    router.Handle(std::move(req), std::move(respond));
  };
  // One thread per download being made: a wait for a piece never waits for a thread.
  boost::asio::thread_pool downloads(kMaxPipes);
  options.wait = [&downloads](std::function<void()> work) { boost::asio::post(downloads, std::move(work)); };
  {
    // A sign-in that simply expires is reported by no request: its pages' sockets are closed here.
    Every end_expired("live connections", std::chrono::minutes(1),
                      [&core] { core.users->EndLiveConnections(); });
    http::Server server(options);
    std::uint16_t port = server.Listen();
    std::cout << "listening on http://" << options.host << ":" << port << std::endl;
    server.Run();
    // The server waited for every answer, so nothing is left in the batcher or the slow lane.
    batcher.Stop();
    slow_lane.join();
    downloads.join();
  }  // after a forced stop, what the connections left (a download's maker) ends here, not later
  core.imports.reset();  // a run stops after its current chunk; the next start takes it back
  core.jobs.reset();     // after the run in progress; a killed run is taken again when its lease ends
  core.db.reset();
  spdlog::info("database closed");
  return 0;
}

// `sen import`'s run. Ctrl-C (SIGINT), a kill's SIGTERM or a closed terminal's SIGHUP cancels
// it: the run stops after its chunk in progress and takes back what it did, rather than the
// process ending and leaving the import "running" until a server starts. A second signal ends
// the process at once, leaving the rest of the take-back to the next server start.
Result<imports::Import> RunStoppably(Core& core, const Principal& p, std::int64_t id) {
  // Only the watcher thread takes the signals: one delivered to the importing thread would
  // interrupt its reads of the file.
  boost::asio::io_context signals_io;
  boost::asio::signal_set signals(signals_io, SIGINT, SIGTERM, SIGHUP);
  sigset_t stops, before;
  sigemptyset(&stops);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&stops, s);
  pthread_sigmask(SIG_BLOCK, &stops, &before);
  signals.async_wait([&](const boost::system::error_code& ec, int) {
    if (ec) return;
    std::cerr << "stopping after the rows in progress; what the import did is then taken back" << std::endl;
    core.imports->Cancel();
    signals.async_wait([](const boost::system::error_code& again, int) {
      if (again) return;
      std::cerr << "stopped; a start of the server takes back the rest" << std::endl;
      std::_Exit(130);
    });
  });
  std::thread watcher([&signals_io, &stops] {
    pthread_sigmask(SIG_UNBLOCK, &stops, nullptr);
    signals_io.run();
  });
  struct Joined {  // whatever the run throws: a joinable thread's destructor would abort
    boost::asio::signal_set& signals;
    std::thread& watcher;
    const sigset_t& mask;
    ~Joined() {
      signals.cancel();
      watcher.join();
      pthread_sigmask(SIG_SETMASK, &mask, nullptr);
    }
  } joined{signals, watcher, before};
  return core.imports->RunHere(p, id);
}

int RunImport(Core& core, const std::string& file, const std::string& entity, const std::string& mode,
              const std::string& match_on, const std::string& username) {
  auto p = core.PrincipalOf(username, Channel::kImport);
  if (!p) return Fail("no user named " + username);
  auto opened = core.imports->OpenFile(*p, entity, file);
  if (!opened) return Fail(Describe(opened.error()));
  auto configured =
      core.imports->Configure(*p, opened->id, {{"mode", mode}, {"match_on", text::SplitList(match_on)}});
  if (!configured) return Fail(Describe(configured.error()));
  auto done = RunStoppably(core, *p, opened->id);
  if (!done) return Fail(Describe(done.error()));
  if (done->status != "done") {
    std::string why = done->failure.value_or("the import failed");
    why += " Nothing of it was kept";
    if (done->in_trash > 0) why += " but " + std::to_string(done->in_trash) + " leads it created, now in the Trash";
    return Fail(why + '.');
  }
  if (core.imports->cancelled()) std::cerr << "the import had finished before the stop: it is kept" << std::endl;
  std::cout << "import " << done->id << ": " << done->processed << " rows, created " << done->created << ", updated "
            << done->updated << ", duplicate " << done->duplicate << ", error " << done->error << ", unchanged "
            << done->unchanged << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // The database, uploads, exports on their way out and the key hold people's names and phones:
  // whatever umask Sen is started with, no other account of the machine reads what it writes.
  umask(S_IRWXG | S_IRWXO);
  CLI::App app{"Sen: lead management for sales and admissions teams"};
  app.require_subcommand(1);
  app.fallthrough();  // "sen demo --db X" as well as "sen --db X demo"
  std::string db_url = Env("SEN_DB", "sqlite:data/sen.db");
  std::string log_level = Env("SEN_LOG_LEVEL", "info");
  std::string files_dir = Env("SEN_FILES", "");
  app.add_option("--files", files_dir, "folder for uploaded files (env SEN_FILES; default: beside the database)");
  std::string secret_key = Env("SEN_SECRET_KEY_FILE", "");
  app.add_option("--secret-key-file", secret_key,
                 "key that seals the SMTP password in the database, made when missing; keep it with your "
                 "backups (env SEN_SECRET_KEY_FILE; default: secret.key beside the database)");
  app.add_option("--db", db_url, "database URL: sqlite:PATH (env SEN_DB)");
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off (env SEN_LOG_LEVEL)");

  auto* serve = app.add_subcommand("serve", "serve the API and the web app");
  std::string listen = Env("SEN_LISTEN", "127.0.0.1:8080");
  std::string web_root = Env("SEN_WEB_ROOT", "");
  int threads = 2;
  std::size_t max_body = 1 << 20;
  serve->add_option("--listen", listen, "HOST:PORT; port 0 picks a free one (env SEN_LISTEN)");
  serve->add_option("--web-root", web_root, "folder of the built web app (env SEN_WEB_ROOT)");
  serve->add_option("--threads", threads, "I/O threads")->check(CLI::Range(1, 64));
  serve->add_option("--max-body", max_body, "largest request body in bytes")->check(CLI::Range(1024, 1 << 30));

  auto* migrate = app.add_subcommand("migrate", "bring the database schema up to date");

  auto* user = app.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "add a user; the password is read from stdin");
  std::string username, role, full_name, email;
  std::int64_t team_id = 0;
  bool password_stdin = false;
  user_add->add_option("--username", username, "login name")->required();
  user_add->add_option("--role", role, "admin, manager, marketer or agent")->required();
  user_add->add_option("--full-name", full_name, "display name (defaults to the username)");
  user_add->add_option("--email", email, "e-mail address");
  user_add->add_option("--team-id", team_id, "team id");
  user_add->add_flag("--password-stdin", password_stdin, "read the password from standard input")->required();

  auto* token = app.add_subcommand("token", "manage API tokens");
  token->require_subcommand(1);
  auto* token_add = token->add_subcommand("add", "create an API token for a user and print it");
  std::string token_user, token_name = "cli";
  token_add->add_option("--username", token_user, "owner of the token")->required();
  token_add->add_option("--name", token_name, "what the token is for");

  auto* demo = app.add_subcommand("demo", "fill the database with realistic Vietnamese demo data");
  demo::DemoOptions demo_options;
  demo_options.user_password = Env("SEN_DEMO_PASSWORD", Env("SEN_ADMIN_PASSWORD", ""));
  demo->add_option("--leads", demo_options.leads, "number of leads to add")->check(CLI::Range(0, 100'000'000));
  demo->add_option("--seed", demo_options.seed, "random seed");
  demo->add_option("--password", demo_options.user_password, "password of the demo users (env SEN_DEMO_PASSWORD)");
  std::string demo_file;
  demo->add_option("--file", demo_file, "write the leads to this .csv or .xlsx file instead (an import to try)");

  auto* import_cmd = app.add_subcommand("import", "import a .csv or .xlsx file and print what it did");
  std::string import_file, import_entity = "leads", import_mode = "create", import_match = "mobile,email";
  std::string import_user = "admin";
  import_cmd->add_option("FILE", import_file, "the file")->required()->check(CLI::ExistingFile);
  import_cmd->add_option("--entity", import_entity, "what the rows are")->check(CLI::IsMember({"leads", "targets"}));
  import_cmd->add_option("--mode", import_mode, "create, or create_update to update the matching leads")
      ->check(CLI::IsMember({"create", "create_update"}));
  import_cmd->add_option("--match-on", import_match, "fields that find existing leads: id, mobile, email, full_name");
  import_cmd->add_option("--user", import_user, "who imports (the owner of the rows' audit trail)");

  auto* backup = app.add_subcommand("backup", "take a consistent copy of the database while it runs");
  std::string backup_out;
  backup->add_option("OUT", backup_out, "file to write")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  // Logs go to stderr; stdout carries what commands print (the URL, created passwords, tokens).
  spdlog::set_default_logger(spdlog::stderr_logger_mt("sen"));
  spdlog::set_level(spdlog::level::from_str(log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  curl_global_init(CURL_GLOBAL_DEFAULT);  // before any thread: SMTP for reminders (C4)
  try {
    InitSecrets();
    if (serve->parsed()) return Serve(db_url, PlacesOf(db_url, files_dir, secret_key), listen, web_root, threads, max_body);

    if (demo->parsed() && !demo_file.empty()) {  // a file, no database
      demo::WriteDemoFile(demo_file, demo_options.leads, demo_options.seed, SystemClock().Now());
      std::cout << "wrote " << demo_options.leads << " leads to " << demo_file << std::endl;
      return 0;
    }
    Core core(db_url, 2, PlacesOf(db_url, files_dir, secret_key));
    if (migrate->parsed()) {
      std::cout << "schema is at version " << db::sqlite_migrations().back().version << std::endl;
      return 0;
    }
    if (user_add->parsed()) {
      std::string password;
      std::getline(std::cin, password);
      auto created = core.users->Create(users::UserService::System(),
                                        {username, password, full_name.empty() ? username : full_name,
                                         email.empty() ? std::nullopt : std::optional(email), role,
                                         team_id > 0 ? std::optional(team_id) : std::nullopt, std::nullopt, "vi"});
      if (!created) return Fail(created.error().message);
      std::cout << "created user " << created->username << " (id " << created->id << ")" << std::endl;
      return 0;
    }
    if (token_add->parsed()) {
      auto owner = core.PrincipalOf(token_user, Channel::kCli);
      if (!owner) return Fail("no user named " + token_user);
      auto created = core.users->CreateApiToken(*owner, token_name);
      if (!created) return Fail(created.error().message);
      std::cout << created->secret << std::endl;
      return 0;
    }
    if (demo->parsed()) {
      core.EnsureAdmin();
      if (demo_options.user_password.empty()) demo_options.user_password = RandomToken(12);
      auto report = demo::SeedDemo({*core.users, *core.leads, *core.target_lists, *core.campaigns, *core.targets},
                                   core.clock, demo_options);
      if (!report) return Fail(report.error().message);
      std::cout << "demo data: " << report->users_created << " users, " << report->leads_created << " leads and "
                << report->targets_created << " targets added" << std::endl;
      return 0;
    }
    if (import_cmd->parsed()) return RunImport(core, import_file, import_entity, import_mode, import_match, import_user);
    if (backup->parsed()) {
      core.db->Backup(backup_out);
      std::cout << "backup written to " << backup_out << std::endl;
      return 0;
    }
  } catch (const std::exception& e) {
    return Fail(e.what());
  }
  return 0;
}
