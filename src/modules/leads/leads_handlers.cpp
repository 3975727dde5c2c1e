// Parse, call one service method, render JSON.
#include "modules/leads/leads_handlers.h"

#include <charconv>

#include "http/params.h"
#include "modules/leads/lead_fields.h"
#include "text/fold.h"

namespace sen::leads {

namespace {

using http::Request;
using http::Response;

constexpr std::size_t kMaxQueryLength = 200;

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    std::string item = text::Tidy(s.substr(start, comma - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = comma + 1;
  }
  return out;
}

std::optional<std::int64_t> ToId(std::string_view s) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 1) return std::nullopt;
  return v;
}

// A date is a whole day of the company's time zone; a full RFC 3339 time is taken as is.
std::optional<Millis> ParseBound(std::string_view s, bool end_of_range) {
  if (auto day = ParseDate(s)) return *day - kCompanyUtcOffset + (end_of_range ? 24LL * 3600 * 1000 : 0);
  return ParseRfc3339(s);
}

template <typename T, typename Render>
Response Answer(Result<T> result, int status, Render render) {
  if (!result) return Response::FromError(result.error());
  return Response::Json(status, render(result.value()));
}

nlohmann::json TimelineJson(const TimelineEntry& t) {
  const auto& e = t.entry;
  auto opt = [](const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(); };
  nlohmann::json user;
  if (e.user_id) user = {{"id", *e.user_id}, {"full_name", opt(t.user_name)}};
  return {{"id", e.id},
          {"kind", "audit"},
          {"action", e.change.action},
          {"field", opt(e.change.field)},
          {"old_value", opt(e.change.old_value)},
          {"new_value", opt(e.change.new_value)},
          {"user", user},
          {"via", e.via},
          {"at", FormatRfc3339(e.at)}};
}

struct WriteBody {
  nlohmann::json body;
  bool allow_duplicate = false;
};

Result<WriteBody> ParseWriteBody(const Request& req) {
  auto body = http::ParseJsonObject(req);
  if (!body) return body.error();
  WriteBody out{std::move(body.value())};
  if (auto it = out.body.find("allow_duplicate"); it != out.body.end()) {
    if (!it->is_boolean()) return Error::Field("allow_duplicate", "must be true or false", "wrong_type");
    out.allow_duplicate = it->get<bool>();
  }
  return out;
}

}  // namespace

Result<LeadFilter> ParseFilter(const Request& req, const Principal& principal) {
  LeadFilter f;
  FieldErrors errors;
  auto options = [&](std::string_view key, std::vector<std::string>& out) {
    auto v = req.Query(key);
    if (!v) return;
    const FieldDef* field = FindLeadField(key);
    for (auto& item : SplitList(*v)) {
      if (!IsOption(*field, item)) {
        errors.Add(std::string(key), "has no value '" + item + "'", "unknown_value");
      } else {
        out.push_back(std::move(item));
      }
    }
  };
  auto id = [&](std::string_view key, std::optional<std::int64_t>& out) {
    if (auto v = req.Query(key)) {
      out = ToId(*v);
      if (!out) errors.Add(std::string(key), "must be a positive whole number", "unknown_value");
    }
  };
  auto text = [&](std::string_view key, std::optional<std::string>& out) {
    if (auto v = req.Query(key)) {
      std::string t = text::Tidy(*v);
      if (text::Utf8Length(t) > kMaxQueryLength) {
        errors.Add(std::string(key), "must have at most 200 characters", "too_long");
      } else if (!t.empty()) {
        out = std::move(t);
      }
    }
  };
  auto bound = [&](std::string_view key, bool end, std::optional<Millis>& out) {
    if (auto v = req.Query(key)) {
      out = ParseBound(*v, end);
      if (!out) errors.Add(std::string(key), "must be a date YYYY-MM-DD or an RFC 3339 time", "invalid_date");
    }
  };
  auto flag = [&](std::string_view key, std::optional<bool>& out) {
    if (auto v = req.Query(key)) {
      if (*v == "true" || *v == "false") {
        out = *v == "true";
      } else {
        errors.Add(std::string(key), "must be true or false", "unknown_value");
      }
    }
  };

  for (const auto& [key, value] : req.query) {
    static const std::vector<std::string_view> kKnown = {
        "q",           "status",   "stage",        "owner_id",     "team_id",        "source",  "medium",
        "campaign_id", "province", "created_from", "created_to",   "do_not_contact", "deleted", "page",
        "page_size",   "sort"};
    if (std::find(kKnown.begin(), kKnown.end(), key) == kKnown.end()) {
      errors.Add(key, "is not a filter of the lead list", "unknown_field");
    }
  }
  text("q", f.q);
  options("status", f.status);
  options("stage", f.stage);
  if (auto owner = req.Query("owner_id")) {
    if (*owner == "none") {
      f.unassigned = true;
    } else if (*owner == "me") {
      f.owner_id = principal.user_id;
    } else {
      id("owner_id", f.owner_id);
    }
  }
  id("team_id", f.team_id);
  id("campaign_id", f.campaign_id);
  if (auto v = req.Query("source")) f.source = SplitList(*v);
  text("medium", f.medium);
  text("province", f.province);
  bound("created_from", false, f.created_from);
  bound("created_to", true, f.created_to);
  flag("do_not_contact", f.do_not_contact);
  std::optional<bool> deleted;
  flag("deleted", deleted);
  f.deleted = deleted.value_or(false);
  if (!errors.empty()) return errors.ToError();
  return f;
}

Result<LeadSort> ParseSort(const Request& req) {
  LeadSort sort;
  auto v = req.Query("sort");
  if (!v || v->empty()) return sort;
  std::string_view name = *v;
  sort.descending = name.front() == '-';
  if (sort.descending) name.remove_prefix(1);
  const FieldDef* field = FindLeadField(name);
  if (!field || field->sort_column.empty()) {
    std::string sortable;
    for (const auto& f : LeadFields()) {
      if (!f.sort_column.empty()) sortable += (sortable.empty() ? "" : ", ") + std::string(f.name);
    }
    return Error::Field("sort", "cannot sort by '" + std::string(name) + "'; sortable: " + sortable, "unknown_value");
  }
  sort.column = field->sort_column;
  return sort;
}

void RegisterRoutes(http::Router& router, LeadService& service) {
  router.Add("GET", "/api/meta/leads", [](Request&) { return Response::Json(200, FieldsMetaJson()); });

  router.Add("GET", "/api/leads", [&service](Request& req) {
    auto page = http::ParsePage(req);
    auto filter = ParseFilter(req, *req.principal);
    auto sort = ParseSort(req);
    for (const Error* e : {page ? nullptr : &page.error(), filter ? nullptr : &filter.error(),
                           sort ? nullptr : &sort.error()}) {
      if (e) return Response::FromError(*e);
    }
    return Answer(service.List(*req.principal, *filter, *sort, *page), 200,
                  [](const Page<Lead>& p) { return http::PageJson(p, [](const Lead& l) { return ToJson(l); }); });
  });

  router.Add("POST", "/api/leads", [&service](Request& req) {
    auto body = ParseWriteBody(req);
    if (!body) return Response::FromError(body.error());
    return Answer(service.Create(*req.principal, body->body, body->allow_duplicate), 201,
                  [](const Lead& l) { return ToJson(l); });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("GET", "/api/leads/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    return Answer(service.Get(*req.principal, *id), 200, [](const Lead& l) { return ToJson(l); });
  });

  router.Add("PATCH", "/api/leads/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    auto body = ParseWriteBody(req);
    if (!body) return Response::FromError(body.error());
    return Answer(service.Update(*req.principal, *id, body->body, body->allow_duplicate), 200,
                  [](const Lead& l) { return ToJson(l); });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("DELETE", "/api/leads/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    auto status = service.Delete(*req.principal, *id);
    return status ? Response::NoContent() : Response::FromError(status.error());
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("POST", "/api/leads/{id}/restore", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    return Answer(service.Restore(*req.principal, *id), 200, [](const Lead& l) { return ToJson(l); });
  }, http::Access::kSignedIn, http::Execution::kBatchedWrite);

  router.Add("GET", "/api/leads/{id}/timeline", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such lead"));
    auto page = http::ParsePage(req);
    if (!page) return Response::FromError(page.error());
    return Answer(service.Timeline(*req.principal, *id, *page), 200,
                  [](const Page<TimelineEntry>& p) { return http::PageJson(p, TimelineJson); });
  });
}

}  // namespace sen::leads
