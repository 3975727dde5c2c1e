#include "core/chunk_pipe.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <vector>

namespace sen {
namespace {

TEST(ChunkPipe, HandsOverEveryPieceInOrder) {
  auto next = *StartPipe([](const EmitPiece& emit) {
    for (int i = 0; i < 1000; ++i) emit(std::to_string(i) + ",");
  }, 4);
  std::string all, piece;
  while (next(piece)) all += piece;
  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += std::to_string(i) + ",";
  EXPECT_EQ(all, expected);
  EXPECT_FALSE(next(piece));
}

TEST(ChunkPipe, AReaderThatLeavesStopsTheMaker) {
  std::atomic<int> made{0};
  std::atomic<bool> told_to_stop{false};
  {
    auto next = *StartPipe([&](const EmitPiece& emit) {
      for (int i = 0; i < 1'000'000; ++i) {
        if (!emit("x")) {
          told_to_stop = true;
          return;
        }
        ++made;
      }
    }, 2);
    std::string piece;
    ASSERT_TRUE(next(piece));
  }  // dropped: joins the maker
  EXPECT_TRUE(told_to_stop);
  EXPECT_LT(made.load(), 10);  // it never ran far ahead
}

TEST(ChunkPipe, AMakerThatThrowsMakesTheReaderThrow) {
  auto next = *StartPipe([](const EmitPiece& emit) {
    emit("a");
    throw std::runtime_error("disk gone");
  });
  std::string piece;
  EXPECT_TRUE(next(piece));
  EXPECT_EQ(piece, "a");
  EXPECT_THROW(next(piece), std::runtime_error);
}

// Each maker holds a database reader until its body is made: a fifth at once is refused, and
// the slot comes back when a maker ends.
TEST(ChunkPipe, AtMostFourBodiesAreMadeAtOnce) {
  std::vector<NextPiece> running;  // dropped after the promise: a failed assertion does not hang
  std::promise<void> release;
  auto released = release.get_future().share();
  for (int i = 0; i < kMaxPipes; ++i) {
    auto next = StartPipe([released](const EmitPiece& emit) {
      released.wait();
      emit("done");
    });
    ASSERT_TRUE(next);
    running.push_back(std::move(*next));
  }
  EXPECT_FALSE(StartPipe([](const EmitPiece&) {}));
  release.set_value();
  std::string piece;
  while (running.front()(piece)) {
  }
  running.erase(running.begin());  // joins its maker
  auto again = StartPipe([](const EmitPiece& emit) { emit("again"); });
  ASSERT_TRUE(again);
  EXPECT_TRUE((*again)(piece));
  EXPECT_EQ(piece, "again");
}

}  // namespace
}  // namespace sen
