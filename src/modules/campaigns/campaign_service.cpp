// Campaigns, with their SQL in the anonymous namespace (the repository); the per-campaign counts
// are the leads repository's, in the viewer's scope as the lead list is.
#include "modules/campaigns/campaign_service.h"

#include <algorithm>
#include <array>

#include "core/clock.h"
#include "modules/audit/audit.h"
#include "modules/leads/lead_repository.h"
#include "text/fold.h"

namespace sen::campaigns {

namespace {

constexpr std::array<std::string_view, 7> kTypes = {"event", "online_ads", "email", "sms", "telesales", "referral",
                                                    "other"};
constexpr std::array<std::string_view, 4> kStatuses = {"planning", "active", "paused", "completed"};
constexpr std::int64_t kMaxBudget = 1'000'000'000'000'000;  // VND: a million billion

#define SEN_CAMPAIGN_SELECT                                                                                     \
  "SELECT c.id, c.name, c.type, c.status, c.start_date, c.end_date, c.budget, c.source, c.description, "         \
  "c.created_by, u.full_name, c.created_at, c.updated_at FROM campaigns c LEFT JOIN users u ON u.id = c.created_by"
constexpr std::string_view kSelectOne = SEN_CAMPAIGN_SELECT " WHERE c.id = ?";
constexpr std::string_view kNamed = "SELECT name FROM campaigns WHERE name_fold = ? AND id IS NOT ?";
constexpr std::string_view kInsert = R"~(
INSERT INTO campaigns (name, name_fold, type, status, start_date, end_date, budget, source, description, created_by,
                       created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)~";
constexpr std::string_view kUpdate = R"~(
UPDATE campaigns SET name = ?, name_fold = ?, type = ?, status = ?, start_date = ?, end_date = ?, budget = ?,
  source = ?, description = ?, updated_at = ?
WHERE id = ?)~";
constexpr std::string_view kDelete = "DELETE FROM campaigns WHERE id = ?";
constexpr std::string_view kUses = R"~(
SELECT (SELECT COUNT(*) FROM leads WHERE campaign_id = ?1),
       (SELECT COUNT(*) FROM assignment_rules WHERE campaign_id = ?1),
       (SELECT COUNT(*) FROM targets WHERE campaign_id = ?1))~";

Campaign Read(const db::Row& r) {
  Campaign c;
  c.id = r.Int(0);
  c.name = r.Str(1);
  c.type = r.Str(2);
  c.status = r.Str(3);
  c.start_date = r.OptStr(4);
  c.end_date = r.OptStr(5);
  c.budget = r.OptInt(6);
  c.source = r.OptStr(7);
  c.description = r.OptStr(8);
  c.created_by = r.OptInt(9);
  c.created_by_name = r.OptStr(10);
  c.created_at = r.Int(11);
  c.updated_at = r.Int(12);
  return c;
}

std::optional<Campaign> Load(db::Transaction& tx, std::int64_t id) {
  std::optional<Campaign> out;
  tx.Query(kSelectOne, {id}, [&](const db::Row& r) { out = Read(r); });
  return out;
}

Error NotFound(std::int64_t id) { return Error::NotFound("no campaign has id " + std::to_string(id)); }

bool MayMake(const Principal& p) { return p.role != Role::kAgent; }

bool MayChange(const Principal& p, const Campaign& c) { return p.role == Role::kAdmin || c.created_by == p.user_id; }

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

template <std::size_t N>
std::string Listed(const std::array<std::string_view, N>& values) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) out += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(values[i]);
  return out;
}

// The input over `c`, checked: the values, then (422 first) the name no other campaign has (409).
Status Apply(db::Transaction& tx, Campaign& c, const CampaignInput& in, FieldErrors errors) {
  if (in.name) c.name = *in.name;
  if (in.type) c.type = *in.type;
  if (in.status) c.status = *in.status;
  if (in.start_date) c.start_date = *in.start_date;
  if (in.end_date) c.end_date = *in.end_date;
  if (in.budget) c.budget = *in.budget;
  if (in.source) c.source = *in.source;
  if (in.description) c.description = *in.description;
  if (c.name.empty() && !errors.Has("name")) errors.Add("name", "is required", "required");
  if (!OneOf(kTypes, c.type)) errors.Add("type", "must be " + Listed(kTypes), "unknown_value");
  if (!OneOf(kStatuses, c.status)) errors.Add("status", "must be " + Listed(kStatuses), "unknown_value");
  for (const auto& [key, date] : {std::pair{"start_date", c.start_date}, std::pair{"end_date", c.end_date}}) {
    if (date && !ParseDate(*date) && !errors.Has(key)) errors.Add(key, "must be a date (YYYY-MM-DD)", "invalid_date");
  }
  if (c.start_date && c.end_date && *c.end_date < *c.start_date && errors.empty()) {
    errors.Add("end_date", "is before the start date " + *c.start_date, "before_start_date");
  }
  if (c.budget && (*c.budget < 0 || *c.budget > kMaxBudget) && !errors.Has("budget")) {
    errors.Add("budget", "must be an amount of VND from 0", "out_of_range");
  }
  if (!errors.empty()) return errors.ToError();
  std::optional<std::string> holder;
  tx.Query(kNamed, {text::Fold(c.name), c.id ? std::optional(c.id) : std::nullopt},
           [&](const db::Row& r) { holder = r.Str(0); });
  if (holder) return Error::Conflict("a campaign named " + *holder + " exists", "campaign_name_taken", {{"name", *holder}});
  return {};
}

void Count(db::Transaction& tx, const Principal& p, std::vector<Campaign>& campaigns) {
  std::vector<std::int64_t> ids;
  for (const auto& c : campaigns) ids.push_back(c.id);
  const auto counts = leads::repo::CountByCampaign(tx, ids, leads::ScopeOf(p));
  for (auto& c : campaigns) {
    const auto it = counts.find(c.id);
    c.leads = it == counts.end() ? 0 : it->second.leads;
    c.customers = it == counts.end() ? 0 : it->second.customers;
  }
}

// Params hold views: `fold` (the folded name) outlives them.
db::Params Values(const Campaign& c, const std::string& fold) {
  return {c.name, fold, c.type, c.status, c.start_date, c.end_date, c.budget, c.source, c.description};
}

}  // namespace

nlohmann::json ToJson(const Campaign& c, const Principal& viewer) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  nlohmann::json out = {{"id", c.id},
          {"name", c.name},
          {"type", c.type},
          {"status", c.status},
          {"start_date", opt(c.start_date)},
          {"end_date", opt(c.end_date)},
          {"budget", opt(c.budget)},
          {"source", opt(c.source)},
          {"description", opt(c.description)},
          {"created_by", opt(c.created_by)},
          {"created_by_name", opt(c.created_by_name)},
          {"mine", c.created_by == viewer.user_id},
          {"created_at", FormatRfc3339(c.created_at)},
          {"updated_at", FormatRfc3339(c.updated_at)}};
  if (c.leads) out["leads"] = *c.leads;
  if (c.customers) out["customers"] = *c.customers;
  return out;
}

Result<Page<Campaign>> CampaignService::List(const Principal& p, const CampaignFilter& filter, PageRequest page) {
  FieldErrors errors;
  if (filter.status && !OneOf(kStatuses, *filter.status)) {
    errors.Add("status", "must be " + Listed(kStatuses), "unknown_value");
  }
  if (!errors.empty()) return errors.ToError();
  std::string where = " WHERE 1 = 1";
  db::Params params;
  // Folded, so "hoi thao" finds "Hội thảo"; LIKE's own wildcards in the query are taken literally.
  std::string pattern;
  if (filter.q) {
    pattern = "%";
    for (char ch : text::Fold(*filter.q)) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += ch;
    }
    pattern += '%';
    where += " AND c.name_fold LIKE ? ESCAPE '\\'";
    params.emplace_back(pattern);
  }
  if (filter.status) {
    where += " AND c.status = ?";
    params.emplace_back(*filter.status);
  }
  auto tx = db_.BeginRead();
  Page<Campaign> out;
  out.request = page;
  out.total = tx->QueryInt("SELECT COUNT(*) FROM campaigns c" + where, params).value_or(0);
  params.emplace_back(static_cast<std::int64_t>(page.page_size));
  params.emplace_back(page.offset());
  tx->Query(SEN_CAMPAIGN_SELECT + where + " ORDER BY c.name_fold, c.id LIMIT ? OFFSET ?", params,
            [&](const db::Row& r) { out.items.push_back(Read(r)); });
  if (filter.counts) Count(*tx, p, out.items);
  return out;
}

Result<Campaign> CampaignService::Get(const Principal& p, std::int64_t id) {
  auto tx = db_.BeginRead();
  auto campaign = Load(*tx, id);
  if (!campaign) return NotFound(id);
  std::vector<Campaign> one{std::move(*campaign)};
  Count(*tx, p, one);
  return std::move(one[0]);
}

Result<Campaign> CampaignService::Create(const Principal& p, const CampaignInput& in, FieldErrors errors) {
  if (!MayMake(p)) return Error::Forbidden("agents do not make campaigns; ask a marketer or a manager");
  const Millis now = clock_.Now();
  Campaign c;
  c.created_by = p.user_id > 0 ? std::optional(p.user_id) : std::nullopt;
  c.created_at = c.updated_at = now;
  auto tx = db_.BeginWrite();
  if (auto ok = Apply(*tx, c, in, std::move(errors)); !ok) return std::move(ok).error();
  const std::string fold = text::Fold(c.name);
  db::Params params = Values(c, fold);
  for (db::Param v : {db::Param(c.created_by), db::Param(now), db::Param(now)}) params.push_back(v);
  c.id = tx->QueryInt(kInsert, params).value();
  audit::Record(*tx, audit::ActorOf(p), "campaign", c.id, {{"create", std::nullopt, std::nullopt, c.name}}, now);
  tx->Commit();
  c.created_by_name = p.full_name;
  c.leads = c.customers = 0;  // a new campaign, named by no lead yet
  return c;
}

Result<Campaign> CampaignService::Update(const Principal& p, std::int64_t id, const CampaignInput& in,
                                         FieldErrors errors) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto c = Load(*tx, id);
  if (!c) return NotFound(id);
  if (!MayMake(p) || !MayChange(p, *c)) return Error::Forbidden("only who made a campaign, or an admin, changes it");
  const Campaign before = *c;
  if (auto ok = Apply(*tx, *c, in, std::move(errors)); !ok) return std::move(ok).error();
  c->updated_at = now;
  const std::string fold = text::Fold(c->name);
  db::Params params = Values(*c, fold);
  params.emplace_back(now);
  params.emplace_back(id);
  tx->Execute(kUpdate, params);
  std::vector<audit::Change> changes;
  auto diff = [&](const char* field, const auto& old_value, const auto& new_value) {
    if (old_value != new_value) changes.push_back({"update", field, old_value, new_value});
  };
  diff("name", std::optional(before.name), std::optional(c->name));
  diff("status", std::optional(before.status), std::optional(c->status));
  if (!changes.empty()) audit::Record(*tx, audit::ActorOf(p), "campaign", id, changes, now);
  std::vector<Campaign> one{std::move(*c)};
  Count(*tx, p, one);
  tx->Commit();
  return std::move(one[0]);
}

Status CampaignService::Delete(const Principal& p, std::int64_t id) {
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  auto c = Load(*tx, id);
  if (!c) return NotFound(id);
  if (!MayMake(p) || !MayChange(p, *c)) return Error::Forbidden("only who made a campaign, or an admin, deletes it");
  std::int64_t leads = 0, rules = 0, targets = 0;
  tx->Query(kUses, {id}, [&](const db::Row& r) {
    leads = r.Int(0);
    rules = r.Int(1);
    targets = r.Int(2);
  });
  if (leads > 0 || rules > 0 || targets > 0) {
    return Error::Conflict(c->name + " is the campaign of " + std::to_string(leads) + " leads, " +
                               std::to_string(targets) + " targets and " + std::to_string(rules) +
                               " assignment rules: set its status to completed instead",
                           "campaign_in_use", {{"leads", leads}, {"rules", rules}, {"targets", targets}});
  }
  tx->Execute(kDelete, {id});
  audit::Record(*tx, audit::ActorOf(p), "campaign", id, {{"delete", std::nullopt, c->name, std::nullopt}}, now);
  tx->Commit();
  return {};
}

}  // namespace sen::campaigns
