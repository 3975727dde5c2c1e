// Pages of results: what the caller asked for and what a list answers.
#pragma once

#include <cstdint>
#include <vector>

namespace sen {

constexpr int kMaxPageSize = 500;

struct PageRequest {
  int page = 1;
  int page_size = 50;
  std::int64_t offset() const { return static_cast<std::int64_t>(page - 1) * page_size; }
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  PageRequest request;
  bool total_capped = false;  // there are more than `total`
};

}  // namespace sen
