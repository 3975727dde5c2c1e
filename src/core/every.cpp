#include "core/every.h"

#include <spdlog/spdlog.h>

#include <exception>

namespace sen {

Every::Every(std::string name, std::chrono::milliseconds period, std::function<void()> work) {
  thread_ = std::thread([this, name = std::move(name), period, work = std::move(work)] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period, [this] { return stopping_; })) {
      lock.unlock();
      try {
        work();
      } catch (const std::exception& e) {
        spdlog::error("{}: {}", name, e.what());
      }
      lock.lock();
    }
  });
}

Every::~Every() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

}  // namespace sen
