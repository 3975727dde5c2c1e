// The batch loop: take what is queued, run it inside one WriteBatch, commit, answer.
#include "http/write_batcher.h"

#include <spdlog/spdlog.h>

namespace sen::http {

WriteBatcher::WriteBatcher(db::Database& db, std::size_t max_batch)
    : db_(db), max_batch_(max_batch), thread_([this] { Loop(); }) {}

WriteBatcher::~WriteBatcher() { Stop(); }

void WriteBatcher::Submit(Work work, Respond respond) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({std::move(work), std::move(respond)});
  }
  wake_.notify_one();
}

void WriteBatcher::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void WriteBatcher::Loop() {
  std::vector<Item> items;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything submitted has been answered
      while (!queue_.empty() && items.size() < max_batch_) {
        items.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    RunBatch(items);
    items.clear();
  }
}

void WriteBatcher::RunBatch(std::vector<Item>& items) {
  std::vector<Response> responses;
  responses.reserve(items.size());
  try {
    auto batch = db_.BeginBatch();
    for (auto& item : items) responses.push_back(item.work());
    batch->Commit();
  } catch (const std::exception& e) {
    // Nothing of this batch was saved: every request of it fails, and says so.
    spdlog::error("write batch of {} requests rolled back: {}", items.size(), e.what());
    responses.assign(items.size(), Response::FromError({ErrorCode::kUnavailable, "the change could not be saved; try again"}));
  }
  for (std::size_t i = 0; i < items.size(); ++i) items[i].respond(std::move(responses[i]));
}

}  // namespace sen::http
