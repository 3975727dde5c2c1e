#!/usr/bin/env bash
# The whole test suite: unit, API and browser tests on the Release build, then unit and API tests
# again on an AddressSanitizer + UndefinedBehaviorSanitizer build, then 20 s of libFuzzer on each
# spreadsheet reader. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh || exit 1
jobs=$(nproc)

build() {
  cmake --preset "$1" >/dev/null && cmake --build --preset "$1" -j "$jobs"
}

build release || { echo "0 passed, 1 failed (release build)"; exit 1; }
(cd web && npm run --silent build) || { echo "0 passed, 1 failed (web build)"; exit 1; }
build asan || { echo "0 passed, 1 failed (sanitizer build)"; exit 1; }
build fuzz || { echo "0 passed, 1 failed (fuzz build)"; exit 1; }

passed=0
failed=0
run_ctest() {
  local dir=$1 log
  log=$(mktemp)
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$dir" --output-on-failure -j "$jobs" 2>&1 | tee "$log"
  local total fails
  total=$(sed -nE 's/.* tests passed, ([0-9]+) tests failed out of ([0-9]+).*/\2/p' "$log" | tail -1)
  fails=$(sed -nE 's/.* tests passed, ([0-9]+) tests failed out of ([0-9]+).*/\1/p' "$log" | tail -1)
  if [ -z "$total" ]; then total=1; fails=1; fi
  passed=$((passed + total - fails))
  failed=$((failed + fails))
  rm -f "$log"
}

echo "== Release: unit, API and browser tests"
run_ctest build/release
echo "== ASan + UBSan: unit and API tests"
run_ctest build/asan
echo "== libFuzzer: CSV and XLSX readers"
run_ctest build/fuzz

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
