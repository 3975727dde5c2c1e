// The hub serialises an event once and calls each listener outside its lock.
#include "core/event_hub.h"

#include <vector>

namespace sen {

std::uint64_t EventHub::Subscribe(std::int64_t user_id, Send send, std::string credential,
                                  std::function<void()> close) {
  std::lock_guard lock(mutex_);
  const std::uint64_t token = ++next_token_;
  listeners_.emplace(token, Listener{user_id, std::move(send), std::move(credential), std::move(close)});
  by_user_.emplace(user_id, token);
  return token;
}

void EventHub::Unsubscribe(std::uint64_t token) {
  std::lock_guard lock(mutex_);
  auto it = listeners_.find(token);
  if (it == listeners_.end()) return;
  auto [first, last] = by_user_.equal_range(it->second.user_id);
  for (auto u = first; u != last; ++u) {
    if (u->second == token) {
      by_user_.erase(u);
      break;
    }
  }
  listeners_.erase(it);
}

void EventHub::Publish(std::int64_t user_id, std::string_view type, const nlohmann::json& data) {
  std::vector<Send> sends;
  {
    std::lock_guard lock(mutex_);
    auto [first, last] = by_user_.equal_range(user_id);
    for (auto u = first; u != last; ++u) sends.push_back(listeners_.at(u->second).send);
  }
  if (sends.empty()) return;
  const std::string text = nlohmann::json{{"type", type}, {"data", data}}.dump();
  for (const auto& send : sends) send(text);
}

void EventHub::EndWhere(const Ended& ended) {
  struct Open {
    std::int64_t user_id;
    std::string credential;
    std::function<void()> close;
  };
  std::vector<Open> open;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [token, l] : listeners_) {
      if (l.close) open.push_back({l.user_id, l.credential, l.close});
    }
  }
  for (const auto& o : open) {
    if (ended(o.user_id, o.credential)) o.close();
  }
}

std::size_t EventHub::ConnectionsOf(std::int64_t user_id) const {
  std::lock_guard lock(mutex_);
  return by_user_.count(user_id);
}

std::size_t EventHub::Connections() const {
  std::lock_guard lock(mutex_);
  return listeners_.size();
}

}  // namespace sen
