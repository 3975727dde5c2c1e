// A bounded queue between a maker thread and one reader.
#include "core/chunk_pipe.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace sen {

namespace {

std::atomic<int> pipes_running{0};

struct PipeState {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::string> pieces;
  std::size_t capacity = 8;
  bool finished = false;  // the maker is done
  bool abandoned = false;  // the reader is gone
  std::string failure;     // what the maker threw
};

// Owned by the reader's function: its end stops and joins the maker.
struct PipeReader {
  std::shared_ptr<PipeState> state;
  std::thread maker;
  ~PipeReader() {
    {
      std::lock_guard lock(state->mutex);
      state->abandoned = true;
    }
    state->changed.notify_all();
    if (maker.joinable()) maker.join();
  }
};

}  // namespace

Result<StreamedFile> StartFile(StreamedFile file, std::function<void(const EmitPiece& emit)> maker) {
  auto body = StartPipe(std::move(maker));
  if (!body) {
    return Error{ErrorCode::kUnavailable,
                 "Sen is making " + std::to_string(kMaxPipes) + " downloads already; try again in a moment"};
  }
  file.body = std::move(*body);
  return file;
}

void EmitWhenFull(std::string& piece, const EmitPiece& emit) {
  if (piece.size() < kPieceBytes) return;
  if (!emit(piece)) throw std::runtime_error("the client went away");
  piece.clear();
}

std::optional<NextPiece> StartPipe(std::function<void(const EmitPiece& emit)> maker, std::size_t max_pieces_ahead) {
  if (pipes_running.fetch_add(1) >= kMaxPipes) {
    --pipes_running;
    return std::nullopt;
  }
  auto state = std::make_shared<PipeState>();
  state->capacity = std::max<std::size_t>(1, max_pieces_ahead);
  auto reader = std::make_shared<PipeReader>();
  reader->state = state;
  try {
    reader->maker = std::thread([state, maker = std::move(maker)] {
      EmitPiece emit = [&state](std::string piece) {
        std::unique_lock lock(state->mutex);
        state->changed.wait(lock, [&] { return state->abandoned || state->pieces.size() < state->capacity; });
        if (state->abandoned) return false;
        state->pieces.push_back(std::move(piece));
        state->changed.notify_all();
        return true;
      };
      std::string failure;
      try {
        maker(emit);
      } catch (const std::exception& e) {
        spdlog::error("a streamed body stopped early: {}", e.what());
        failure = e.what();
      }
      {
        std::lock_guard lock(state->mutex);
        state->failure = std::move(failure);
        state->finished = true;
        state->changed.notify_all();
      }
      --pipes_running;
    });
  } catch (...) {  // no thread: no body
    --pipes_running;
    throw;
  }
  return [reader](std::string& piece) {
    auto& s = *reader->state;
    std::unique_lock lock(s.mutex);
    s.changed.wait(lock, [&] { return s.finished || !s.pieces.empty(); });
    if (s.pieces.empty()) {
      if (!s.failure.empty()) throw std::runtime_error(s.failure);
      return false;
    }
    piece = std::move(s.pieces.front());
    s.pieces.pop_front();
    s.changed.notify_all();
    return true;
  };
}

}  // namespace sen
