// Parse, validate the shape, call one service method, render JSON.
#include "modules/users/users_handlers.h"

#include "http/json_reader.h"
#include "http/params.h"

namespace sen::users {

namespace {

constexpr std::string_view kSessionCookie = "sen_session";

using http::Request;
using http::Response;

template <typename T, typename Render>
Response Answer(Result<T> result, int status, Render render) {
  if (!result) return Response::FromError(result.error());
  return Response::Json(status, render(result.value()));
}

std::string SessionCookie(const Request& req, std::string_view token, Millis max_age_ms) {
  std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) +
                       "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_ms / 1000);
  if (req.Header("x-forwarded-proto") == "https") cookie += "; Secure";
  return cookie;
}

nlohmann::json TokenJson(const repo::ApiToken& t) {
  return {{"id", t.id},
          {"user_id", t.user_id},
          {"name", t.name},
          {"created_at", FormatRfc3339(t.created_at)},
          {"revoked_at", t.revoked_at ? nlohmann::json(FormatRfc3339(*t.revoked_at)) : nlohmann::json()}};
}

nlohmann::json UserJsonOf(const User& u) { return ToJson(u); }

// A short list answered whole, in the shape of a page.
template <typename T, typename Render>
nlohmann::json WholeList(const std::vector<T>& all, Render render) {
  Page<T> page{all, static_cast<std::int64_t>(all.size()), {1, kMaxPageSize}};
  return http::PageJson(page, render);
}

}  // namespace

http::Router::Authenticator MakeAuthenticator(UserService& service) {
  return [&service](const Request& req) {
    std::string_view auth = req.Header("authorization");
    std::string_view bearer;
    if (auth.size() > 7 && (auth.substr(0, 7) == "Bearer " || auth.substr(0, 7) == "bearer ")) bearer = auth.substr(7);
    return service.Authenticate(bearer, req.Cookie(kSessionCookie));
  };
}

void RegisterRoutes(http::Router& router, UserService& service) {
  router.Add("POST", "/api/auth/login", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    auto username = in.Raw("username", 100, true);
    auto password = in.Raw("password", 200, true);
    if (!errors.empty()) return Response::FromError(errors.ToError());
    auto result = service.Login(*username, *password, req.remote_ip, req.Header("user-agent"));
    if (!result) return Response::FromError(result.error());
    auto res = Response::Json(200, {{"user", ToJson(result->user)}, {"csrf_token", result->csrf_token}});
    res.headers.emplace_back("Set-Cookie", SessionCookie(req, result->session_token, kSessionLifetime));
    return res;
  }, http::Access::kPublic);

  router.Add("POST", "/api/auth/logout", [&service](Request& req) {
    service.Logout(req.Cookie(kSessionCookie));
    auto res = Response::NoContent();
    res.headers.emplace_back("Set-Cookie", SessionCookie(req, "", 0));
    return res;
  });

  router.Add("GET", "/api/auth/me", [&service](Request& req) {
    auto user = service.Get(*req.principal, req.principal->user_id);
    return Answer(std::move(user), 200, [&](const User& u) {
      return nlohmann::json{{"user", ToJson(u)}, {"csrf_token", req.principal->csrf_token}};
    });
  });

  router.Add("PATCH", "/api/auth/me", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"full_name", "language", "password", "current_password"});
    SelfPatch patch;
    if (auto v = in.Text("full_name", 200)) patch.full_name = v->value_or("");
    if (auto v = in.Text("language", 2)) patch.language = v->value_or("");
    patch.password = in.Raw("password", 200);
    patch.current_password = in.Raw("current_password", 200);
    if (!errors.empty()) return Response::FromError(errors.ToError());
    return Answer(service.UpdateSelf(*req.principal, patch), 200,
                  [](const User& u) { return nlohmann::json{{"user", ToJson(u)}}; });
  });

  router.Add("GET", "/api/users", [&service](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return Response::FromError(page.error());
    repo::UserFilter filter;
    if (auto q = req.Query("q"); q && !q->empty()) filter.q = std::string(*q);
    if (auto role = req.Query("role")) {
      filter.role = ParseRole(*role);
      if (!filter.role) return Response::FromError(Error::Field("role", "must be admin, manager, marketer or agent", "unknown_value"));
    }
    auto team = http::QueryId(req, "team_id");
    if (!team) return Response::FromError(team.error());
    filter.team_id = *team;
    if (auto active = req.Query("active")) {
      if (*active != "true" && *active != "false") {
        return Response::FromError(Error::Field("active", "must be true or false", "unknown_value"));
      }
      filter.active = *active == "true";
    }
    return Response::Json(200, http::PageJson(service.List(*req.principal, filter, *page), UserJsonOf));
  });

  router.Add("POST", "/api/users", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"username", "password", "full_name", "email", "role", "team_id", "extension", "language"});
    NewUser u;
    u.username = in.Raw("username", 50, true).value_or("");
    u.password = in.Raw("password", 200, true).value_or("");
    u.full_name = in.Text("full_name", 200, true).value_or(std::nullopt).value_or("");
    u.email = in.Text("email", 254).value_or(std::nullopt);
    u.role = in.Raw("role", 20, true).value_or("");
    u.team_id = in.Id("team_id").value_or(std::nullopt);
    u.extension = in.Text("extension", 20).value_or(std::nullopt);
    u.language = in.Text("language", 2).value_or(std::nullopt).value_or("vi");
    return Answer(service.Create(*req.principal, u, std::move(errors)), 201, UserJsonOf);
  });

  router.Add("GET", "/api/users/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such user"));
    return Answer(service.Get(*req.principal, *id), 200, UserJsonOf);
  });

  router.Add("PATCH", "/api/users/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such user"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"full_name", "email", "role", "team_id", "active", "password", "extension", "language"});
    UserPatch p;
    if (auto v = in.Text("full_name", 200)) p.full_name = v->value_or("");
    p.email = in.Text("email", 254);
    p.role = in.Raw("role", 20);
    p.team_id = in.Id("team_id");
    p.active = in.Bool("active");
    p.password = in.Raw("password", 200);
    p.extension = in.Text("extension", 20);
    if (auto v = in.Text("language", 2)) p.language = v->value_or("");
    if (!errors.empty()) return Response::FromError(errors.ToError());
    return Answer(service.Update(*req.principal, *id, p), 200, UserJsonOf);
  });

  router.Add("PUT", "/api/users/{id}/presence", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such user"));
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"online"});
    auto online = in.Bool("online");
    if (!online && errors.empty()) errors.Add("online", "is required", "required");
    if (!errors.empty()) return Response::FromError(errors.ToError());
    return Answer(service.SetPresence(*req.principal, *id, *online), 200, UserJsonOf);
  });

  router.Add("GET", "/api/teams", [&service](Request&) {
    return Response::Json(200, WholeList(service.ListTeams(), [](const Team& t) { return ToJson(t); }));
  });

  auto team_name = [](Request& req) -> Result<std::string> {
    auto body = http::ParseJsonObject(req);
    if (!body) return body.error();
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"name"});
    auto name = in.Text("name", 100, true);
    if (!errors.empty()) return errors.ToError();
    return name->value();
  };

  router.Add("POST", "/api/teams", [&service, team_name](Request& req) {
    auto name = team_name(req);
    if (!name) return Response::FromError(name.error());
    return Answer(service.CreateTeam(*req.principal, *name), 201, [](const Team& t) { return ToJson(t); });
  });

  router.Add("PATCH", "/api/teams/{id}", [&service, team_name](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such team"));
    auto name = team_name(req);
    if (!name) return Response::FromError(name.error());
    return Answer(service.RenameTeam(*req.principal, *id, *name), 200, [](const Team& t) { return ToJson(t); });
  });

  router.Add("GET", "/api/api-tokens", [&service](Request& req) {
    return Response::Json(200, WholeList(service.ListApiTokens(*req.principal), TokenJson));
  });

  router.Add("POST", "/api/api-tokens", [&service](Request& req) {
    auto body = http::ParseJsonObject(req);
    if (!body) return Response::FromError(body.error());
    FieldErrors errors;
    http::JsonReader in(*body, errors);
    in.AllowOnly({"name"});
    auto name = in.Text("name", 100, true);
    if (!errors.empty()) return Response::FromError(errors.ToError());
    return Answer(service.CreateApiToken(*req.principal, **name), 201, [](const CreatedToken& t) {
      auto j = TokenJson(t.token);
      j["token"] = t.secret;
      return j;
    });
  });

  router.Add("DELETE", "/api/api-tokens/{id}", [&service](Request& req) {
    auto id = req.PathId();
    if (!id) return Response::FromError(Error::NotFound("no such API token"));
    auto status = service.RevokeApiToken(*req.principal, *id);
    if (!status) return Response::FromError(status.error());
    return Response::NoContent();
  });
}

}  // namespace sen::users
