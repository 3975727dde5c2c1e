#include "core/fair_mutex.h"

namespace sen {

void FairMutex::lock() {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  turn_.wait(lock, [&] { return serving_ == ticket; });
}

bool FairMutex::try_lock() {
  std::lock_guard lock(mutex_);
  if (serving_ != next_ticket_) return false;
  ++next_ticket_;
  return true;
}

void FairMutex::unlock() {
  {
    std::lock_guard lock(mutex_);
    ++serving_;
  }
  turn_.notify_all();
}

int FairMutex::Waiting() {
  std::lock_guard lock(mutex_);
  return next_ticket_ == serving_ ? 0 : static_cast<int>(next_ticket_ - serving_ - 1);
}

}  // namespace sen
