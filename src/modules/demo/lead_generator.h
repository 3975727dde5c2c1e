// Realistic Vietnamese leads for demo data and benchmarks: names with diacritics, phones in the
// formats people type (and Excel mangles), e-mails, companies, sources, some duplicates.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/clock.h"

namespace sen::demo {

// One generated lead, as a person would type it.
struct LeadSeed {
  std::string full_name;
  std::string mobile;
  std::optional<std::string> email;
  std::optional<std::string> company;
  std::optional<std::string> title;
  std::optional<std::string> gender;
  std::optional<std::string> province;
  std::string source;
  std::string medium;
  std::string product_interest;
  std::string status;
  Millis created_at = 0;
  bool duplicate = false;  // reuses an earlier lead's mobile, typed differently
};

class LeadGenerator {
 public:
  // The `total` leads it will be asked for arrive over the year before `now`, in order, as real
  // leads do (so the newest leads also have the highest ids).
  LeadGenerator(std::uint64_t seed, Millis now, std::int64_t total, double duplicate_share = 0.05);
  LeadSeed Next();

 private:
  std::string Mobile10();  // "0912345678"
  std::string Typed(const std::string& national);

  std::mt19937_64 rng_;
  Millis now_;
  std::int64_t total_;
  std::int64_t count_ = 0;
  double duplicate_share_;
  std::vector<std::string> recent_mobiles_;
};

}  // namespace sen::demo
