// Routes by method and path pattern, and runs the middleware: who is it, may they, CSRF.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace sen::http {

enum class Access {
  kPublic,    // no sign-in needed
  kSignedIn,  // a session cookie or an API token
};

class Router {
 public:
  using Handler = std::function<Response(Request&)>;
  using Authenticator = std::function<Result<Principal>(const Request&)>;

  // `pattern` is a path whose segments may be "{name}", e.g. "/api/leads/{id}/timeline".
  void Add(std::string_view method, std::string_view pattern, Handler handler,
           Access access = Access::kSignedIn);
  void SetAuthenticator(Authenticator authenticate) { authenticate_ = std::move(authenticate); }
  // Answers GET requests that match no route (the web app).
  void SetFallback(Handler fallback) { fallback_ = std::move(fallback); }

  // Never throws: unexpected exceptions become a logged 500.
  Response Dispatch(Request& request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
    Access access;
  };
  Response Run(const Route& route, Request& request) const;

  std::vector<Route> routes_;
  Authenticator authenticate_;
  Handler fallback_;
};

// Parses a JSON object body; a 400 naming the problem otherwise.
Result<nlohmann::json> ParseJsonObject(const Request& request);

}  // namespace sen::http
