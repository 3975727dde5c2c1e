// Routes by method and path pattern, and runs the middleware: who is it, may they, CSRF.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace boost::asio {
class thread_pool;
}

namespace sen::http {

enum class Access {
  kPublic,    // no sign-in needed
  kSignedIn,  // a session cookie or an API token
};

enum class Execution {
  kInline,        // on the I/O thread that read the request
  kBatchedWrite,  // on the write batcher's thread, committed together with other writes
  // On the slow lane: requests that may take seconds (reading a whole uploaded file, waiting on
  // a background run, talking to a mail server). Inline, such a request would hold up every
  // other connection of its I/O thread, and new connections too when that thread listens.
  kSlow,
};

class WriteBatcher;

class Router {
 public:
  using Handler = std::function<Response(Request&)>;
  using Authenticator = std::function<Result<Principal>(const Request&)>;
  using Respond = std::function<void(Response)>;

  // `pattern` is a path whose segments may be "{name}", e.g. "/api/leads/{id}/timeline".
  void Add(std::string_view method, std::string_view pattern, Handler handler,
           Access access = Access::kSignedIn, Execution execution = Execution::kInline);
  // Without a batcher, batched writes run inline.
  void SetWriteBatcher(WriteBatcher* batcher) { batcher_ = batcher; }
  // Without a slow lane, slow requests run inline.
  void SetSlowLane(boost::asio::thread_pool* lane) { slow_lane_ = lane; }
  void SetAuthenticator(Authenticator authenticate) { authenticate_ = std::move(authenticate); }
  // Answers GET requests that match no route (the web app).
  void SetFallback(Handler fallback) { fallback_ = std::move(fallback); }

  // Answers through `respond`, at once or from the write batcher's thread. Never throws:
  // unexpected exceptions become a logged 500.
  void Handle(Request request, Respond respond) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
    Access access;
    Execution execution;
  };
  // The route for the request (filling its path parameters), or the answer when there is none.
  const Route* Match(Request& request, Response& no_route) const;
  Response Run(const Route& route, Request& request) const;

  std::vector<Route> routes_;
  Authenticator authenticate_;
  Handler fallback_;
  WriteBatcher* batcher_ = nullptr;
  boost::asio::thread_pool* slow_lane_ = nullptr;
};

// Parses a JSON object body; a 400 naming the problem otherwise.
Result<nlohmann::json> ParseJsonObject(const Request& request);

}  // namespace sen::http
