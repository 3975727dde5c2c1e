// A mutex that serves its waiters in the order they came (a ticket lock). std::mutex lets the
// thread that has just unlocked take the lock straight back, so a writer committing chunk after
// chunk (an import) kept every other writer waiting until it was all done.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace sen {

class FairMutex {
 public:
  void lock();
  bool try_lock();
  void unlock();
  // How many threads wait for it (besides the one holding it).
  int Waiting();

 private:
  std::mutex mutex_;
  std::condition_variable turn_;
  std::uint64_t next_ticket_ = 0;
  std::uint64_t serving_ = 0;
};

}  // namespace sen
