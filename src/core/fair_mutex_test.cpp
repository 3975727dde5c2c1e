#include "core/fair_mutex.h"

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <thread>

namespace sen {
namespace {

// A writer that takes the lock again the moment it lets go (an import committing chunk after
// chunk) must not starve one that was already waiting (an agent saving a call).
TEST(FairMutex, AWaiterGoesBeforeTheHolderTakesItAgain) {
  FairMutex m;
  std::string order;
  m.lock();
  std::thread other([&] {
    std::lock_guard lock(m);
    order += 'B';
  });
  while (m.Waiting() == 0) std::this_thread::yield();
  m.unlock();
  m.lock();  // the holder at once again
  order += 'A';
  m.unlock();
  other.join();
  EXPECT_EQ(order, "BA");
}

TEST(FairMutex, TryLockTakesOnlyAFreeLock) {
  FairMutex m;
  ASSERT_TRUE(m.try_lock());
  EXPECT_FALSE(m.try_lock());
  m.unlock();
  EXPECT_TRUE(m.try_lock());
  m.unlock();
  EXPECT_EQ(m.Waiting(), 0);
}

}  // namespace
}  // namespace sen
