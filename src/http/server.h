// The HTTP/1.1 server (Boost.Beast): keep-alive, body limits, request ids, graceful shutdown.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"

namespace sen::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  int threads = 2;
  std::size_t body_limit = 1 << 20;
  // A larger limit for a POST to this path (uploads; empty for none), when `may_upload` says yes
  // to its header (signed in) before the body is read; otherwise it is answered 401 at once.
  std::string upload_path;
  std::size_t upload_limit = 0;
  std::function<bool(const Request& head)> may_upload;
  // A download's client that takes longer than this to take one piece is cut off: its maker
  // holds one of the few download slots (and a database reader) meanwhile.
  std::chrono::seconds stream_stall{60};
  // Runs `work`, which may block for seconds, on a thread that is not an I/O thread: waiting for
  // a streamed body's next piece. Unset, it runs inline.
  std::function<void(std::function<void()> work)> wait;
  // Answers a request by calling the callback, at once or later from another thread.
  std::function<void(Request, std::function<void(Response)>)> handler;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port (useful with port 0).
  std::uint16_t Listen();
  // Serves until SIGINT/SIGTERM or Stop(); in-flight requests finish before it returns.
  void Run();
  void Stop();

  struct Impl;  // public so that the connections in server.cpp can reach it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace sen::http
