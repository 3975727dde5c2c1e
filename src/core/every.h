// Upkeep on a thread of its own: `work` runs every `period` (the first time one period after the
// start) until the object is destroyed, which waits for the round in progress. An exception from
// `work` is logged under `name`, and the next round goes on.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace sen {

class Every {
 public:
  Every(std::string name, std::chrono::milliseconds period, std::function<void()> work);
  ~Every();
  Every(const Every&) = delete;
  Every& operator=(const Every&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sen
