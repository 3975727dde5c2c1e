// Demo users, campaigns and the target list are created once (skipped when their names exist);
// leads are added each run.
#include "modules/demo/demo_seeder.h"

#include <map>

#include "modules/demo/lead_generator.h"

namespace sen::demo {

namespace {

struct DemoUser {
  const char* username;
  const char* full_name;
  const char* role;
  int team;  // index into kTeams
};

constexpr const char* kTeams[] = {"Tư vấn Hà Nội", "Tư vấn TP HCM"};
constexpr DemoUser kUsers[] = {
    {"manager.hn", "Trần Thu Hà", "manager", 0},      {"manager.hcm", "Lê Minh Quân", "manager", 1},
    {"marketer", "Phạm Ngọc Anh", "marketer", 0},     {"agent.an", "Nguyễn Văn An", "agent", 0},
    {"agent.binh", "Đỗ Thị Bình", "agent", 0},        {"agent.cuong", "Hoàng Mạnh Cường", "agent", 0},
    {"agent.dung", "Võ Thị Dung", "agent", 1},        {"agent.giang", "Bùi Trường Giang", "agent", 1},
    {"agent.hanh", "Huỳnh Mỹ Hạnh", "agent", 1},
};
constexpr std::int64_t kBatch = 20'000;
// K2: the event sign-ups, to be invited to the next course opening.
constexpr const char* kListName = "Khách dự sự kiện - mời lễ khai giảng";
constexpr const char* kListSource = "Sự kiện";
constexpr std::int64_t kTargets = 60;
constexpr const char* kTargetSource = "Data mua T11";
// K1: the campaigns that bring the leads of a source in.
struct DemoCampaign {
  const char* name;
  const char* type;
  const char* status;
  const char* source;  // its leads are those of this source
  std::int64_t budget;
  int from_day, to_day;  // its dates, in days from today
};
constexpr DemoCampaign kCampaigns[] = {
    {"Ngày hội tư vấn du học & khai giảng", "event", "active", "Sự kiện", 45'000'000, -30, 14},
    {"Quảng cáo Facebook - Tiếng Anh trẻ em", "online_ads", "active", "Facebook", 30'000'000, -90, 30},
    {"Google Ads - Luyện thi IELTS", "online_ads", "paused", "Google Ads", 20'000'000, -120, -10},
};

// The campaign of each source, made when no campaign has its name.
Result<std::map<std::string, std::int64_t>> DemoCampaigns(campaigns::CampaignService& service, Millis now) {
  constexpr Millis kDay = 24LL * 3600 * 1000;
  const Principal system = users::UserService::System();
  std::map<std::string, std::int64_t> out;
  for (const auto& d : kCampaigns) {
    campaigns::CampaignFilter filter;
    filter.q = d.name;
    auto found = service.List(system, filter, {1, 10});
    if (!found) return std::move(found).error();
    auto it = std::find_if(found->items.begin(), found->items.end(),
                           [&](const campaigns::Campaign& c) { return c.name == d.name; });
    std::int64_t id = it != found->items.end() ? it->id : 0;
    if (!id) {
      campaigns::CampaignInput in;
      in.name = d.name;
      in.type = d.type;
      in.status = d.status;
      in.source = std::optional<std::string>(d.source);
      in.budget = std::optional<std::int64_t>(d.budget);
      in.start_date = std::optional(FormatDate(now + d.from_day * kDay));
      in.end_date = std::optional(FormatDate(now + d.to_day * kDay));
      auto made = service.Create(system, in, {});
      if (!made) return std::move(made).error();
      id = made->id;
    }
    out.emplace(d.source, id);
  }
  return out;
}

}  // namespace

Result<DemoReport> SeedDemo(const DemoServices& services, const Clock& clock, const DemoOptions& options) {
  auto& [users, leads, lists, campaigns, targets] = services;
  const Principal system = users::UserService::System();
  DemoReport report;

  std::vector<std::int64_t> team_ids;
  for (const char* name : kTeams) {
    auto existing = users.ListTeams();
    auto it = std::find_if(existing.begin(), existing.end(), [&](const users::Team& t) { return t.name == name; });
    if (it != existing.end()) {
      team_ids.push_back(it->id);
      continue;
    }
    auto team = users.CreateTeam(system, name);
    if (!team) return std::move(team).error();
    team_ids.push_back(team->id);
  }

  struct Owner {
    std::int64_t id;
    std::optional<std::int64_t> team_id;
  };
  std::vector<Owner> agents;
  for (const auto& d : kUsers) {
    users::repo::UserFilter filter;
    filter.q = d.username;
    auto found = users.List(system, filter, {1, 10});
    auto it = std::find_if(found.items.begin(), found.items.end(),
                           [&](const users::User& u) { return u.username == d.username; });
    std::optional<users::User> user;
    if (it != found.items.end()) {
      user = *it;
    } else {
      auto created = users.Create(system, {d.username, options.user_password, d.full_name, std::nullopt, d.role,
                                           team_ids[static_cast<std::size_t>(d.team)], std::nullopt, "vi"});
      if (!created) return std::move(created).error();
      user = *created;
      ++report.users_created;
    }
    if (user->role == Role::kAgent) agents.push_back({user->id, user->team_id});
  }

  const auto campaign_of = DemoCampaigns(campaigns, clock.Now());
  if (!campaign_of) return std::move(campaign_of).error();

  LeadGenerator generator(options.seed, clock.Now(), options.leads);
  std::mt19937_64 rng(options.seed + 1);
  for (std::int64_t done = 0; done < options.leads;) {
    std::vector<leads::Lead> batch;
    for (std::int64_t i = 0; i < kBatch && done + i < options.leads; ++i) {
      LeadSeed s = generator.Next();
      leads::Lead l;
      l.full_name = s.full_name;
      l.mobile = s.mobile;
      l.email = s.email;
      l.company = s.company;
      l.title = s.title;
      l.gender = s.gender;
      l.province = s.province;
      l.source = s.source;
      l.medium = s.medium;
      if (auto c = campaign_of->find(s.source); c != campaign_of->end()) l.campaign_id = c->second;
      l.product_interest = s.product_interest;
      l.status = s.status;
      if (s.status != "new") {
        const auto& owner = agents[std::uniform_int_distribution<std::size_t>(0, agents.size() - 1)(rng)];
        l.owner_id = owner.id;
        l.team_id = owner.team_id;
      }
      l.created_at = l.updated_at = s.created_at;
      batch.push_back(std::move(l));
    }
    if (auto ok = leads.CreateBatch(system, batch); !ok) return std::move(ok).error();
    done += static_cast<std::int64_t>(batch.size());
    report.leads_created = done;
  }

  // T1-T3: a bought list being verified by phone: most not called yet, some verified and waiting
  // for a consultant, a few not worth a call. A tenth of the leads, at most 60.
  LeadGenerator bought(options.seed + 2, clock.Now(), kTargets);
  const std::int64_t target_count = std::min<std::int64_t>(kTargets, std::max<std::int64_t>(options.leads / 10, 1));
  for (std::int64_t i = 0; i < target_count; ++i) {
    LeadSeed s = bought.Next();
    const char* status = i % 5 == 1 ? "wait_for_deliver" : i % 10 == 3 ? "invalid" : "raw";
    const auto& owner = agents[static_cast<std::size_t>(i) % agents.size()];
    nlohmann::json input{{"full_name", s.full_name}, {"mobile", s.mobile}, {"source", kTargetSource},
                         {"province", s.province.value_or("Hà Nội")}, {"product_interest", s.product_interest},
                         {"status", status}, {"owner_id", owner.id}};
    if (s.email) input["email"] = *s.email;
    if (auto made = targets.Create(system, input, true); !made) return std::move(made).error();
    ++report.targets_created;
  }

  auto existing = lists.List(system);
  if (!existing) return std::move(existing).error();
  auto it = std::find_if(existing->begin(), existing->end(),
                         [](const targetlists::TargetList& t) { return t.name == kListName; });
  std::int64_t list_id = it != existing->end() ? it->id : 0;
  if (!list_id) {
    auto made = lists.Create(system, {kListName, std::nullopt}, {});
    if (!made) return std::move(made).error();
    list_id = made->id;
  }
  leads::Selection events;
  events.filter = leads::QueryParams{{"source", kListSource}};
  if (auto added = lists.AddLeads(system, list_id, events); !added) return std::move(added).error();
  return report;
}

}  // namespace sen::demo
