// Runs write requests on one thread, several in one database transaction (each request in its
// own savepoint), and answers them once that transaction has committed.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "db/database.h"
#include "http/message.h"

namespace sen::http {

// Why: in SQLite every commit writes each page it touched to the WAL. Lead writes touch a dozen
// index pages, the search index and the audit trail; committing 30 of them together writes the
// shared pages once and more than doubles the rate of creates on the same two cores.
class WriteBatcher {
 public:
  using Work = std::function<Response()>;
  using Respond = std::function<void(Response)>;

  explicit WriteBatcher(db::Database& db, std::size_t max_batch = 64);
  ~WriteBatcher();
  WriteBatcher(const WriteBatcher&) = delete;
  WriteBatcher& operator=(const WriteBatcher&) = delete;

  // `work` runs on the batcher's thread; `respond` gets its answer after the commit.
  void Submit(Work work, Respond respond);
  // Finishes what was submitted, then stops the thread.
  void Stop();

 private:
  struct Item {
    Work work;
    Respond respond;
  };
  void Loop();
  void RunBatch(std::vector<Item>& items);

  db::Database& db_;
  const std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sen::http
