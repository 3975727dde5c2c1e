// Micro-benchmarks of the per-lead normalisation work (L2): folding names, parsing phones.
#include <benchmark/benchmark.h>

#include "modules/demo/lead_generator.h"
#include "text/email.h"
#include "text/fold.h"
#include "text/phone.h"

namespace {

std::vector<sen::demo::LeadSeed> Seeds() {
  sen::demo::LeadGenerator generator(7, 1'795'000'000'000, 4096);
  std::vector<sen::demo::LeadSeed> seeds;
  for (int i = 0; i < 4096; ++i) seeds.push_back(generator.Next());
  return seeds;
}

void BM_FoldName(benchmark::State& state) {
  auto seeds = Seeds();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sen::text::Fold(seeds[i++ % seeds.size()].full_name));
}
BENCHMARK(BM_FoldName);

void BM_NormalisePhone(benchmark::State& state) {
  auto seeds = Seeds();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sen::text::NormalisePhone(seeds[i++ % seeds.size()].mobile));
}
BENCHMARK(BM_NormalisePhone);

void BM_NormaliseEmail(benchmark::State& state) {
  auto seeds = Seeds();
  size_t i = 0;
  for (auto _ : state) {
    const auto& s = seeds[i++ % seeds.size()];
    if (s.email) benchmark::DoNotOptimize(sen::text::NormaliseEmail(*s.email));
  }
}
BENCHMARK(BM_NormaliseEmail);

}  // namespace

BENCHMARK_MAIN();
