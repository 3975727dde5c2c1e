#include "core/every.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>

namespace sen {
namespace {

TEST(Every, RunsAgainAfterAFailedRound) {
  std::mutex mutex;
  std::condition_variable ran;
  int rounds = 0;
  {
    Every every("test", std::chrono::milliseconds(1), [&] {
      {
        std::lock_guard lock(mutex);
        ++rounds;
      }
      ran.notify_all();
      throw std::runtime_error("the first rounds fail");
    });
    std::unique_lock lock(mutex);
    ASSERT_TRUE(ran.wait_for(lock, std::chrono::seconds(10), [&] { return rounds >= 3; }))
        << "only " << rounds << " rounds";
  }  // the destructor waits for the round in progress: a round after it would use freed locals
}

}  // namespace
}  // namespace sen
