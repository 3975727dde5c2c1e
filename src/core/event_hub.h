// Live events for signed-in users (GET /api/ws): who listens, and handing an event to every
// connection of its user. Thread-safe; sending is the connection's business (it queues).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

namespace sen {

class EventHub {
 public:
  using Send = std::function<void(std::string)>;
  using Ended = std::function<bool(std::int64_t user_id, const std::string& credential)>;

  // Returns the token that ends the subscription. `credential` names the sign-in that opened the
  // connection (Principal::credential) and `close` ends the connection (EndWhere).
  std::uint64_t Subscribe(std::int64_t user_id, Send send, std::string credential = {},
                          std::function<void()> close = {});
  void Unsubscribe(std::uint64_t token);
  // Closes every connection whose sign-in `ended` says is over (signed out, revoked, the user
  // deactivated). `ended` is called outside the hub's lock.
  void EndWhere(const Ended& ended);
  std::size_t ConnectionsOf(std::int64_t user_id) const;
  // Sends {"type": type, "data": data} to each connection of the user.
  void Publish(std::int64_t user_id, std::string_view type, const nlohmann::json& data);
  std::size_t Connections() const;

 private:
  struct Listener {
    std::int64_t user_id = 0;
    Send send;
    std::string credential;
    std::function<void()> close;
  };
  mutable std::mutex mutex_;
  std::uint64_t next_token_ = 0;
  std::unordered_map<std::uint64_t, Listener> listeners_;
  std::unordered_multimap<std::int64_t, std::uint64_t> by_user_;
};

}  // namespace sen
