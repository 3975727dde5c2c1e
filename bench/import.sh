#!/usr/bin/env bash
# Import and export benchmark (issue #4). A CSV of ROWS leads from the demo generator (Vietnamese
# headers, phones as typed, ~5% repeated people) imported with `sen import` in create mode with
# duplicate checks on mobile and e-mail into a copy of the benchmark database (LEADS leads);
# `sqlite3 .import` of the same file into a bare table as the yardstick; an XLSX of XLSX_ROWS
# leads the same way; TARGET_ROWS targets (T5) imported into the same database, checked against
# the targets and the leads; then an export of every lead to CSV through the API. PARTS chooses
# among "csv xlsx targets export" (all by default). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${LEADS:-1000000}
rows=${ROWS:-1000000}
xlsx_rows=${XLSX_ROWS:-100000}
target_rows=${TARGET_ROWS:-100000}
parts=" ${PARTS:-csv xlsx targets export} "
out=bench/out
mkdir -p "$out"

cmake --preset release >/dev/null && cmake --build --preset release --target sen >/dev/null
sen=build/release/sen
db="$out/bench-$leads.db"
if [ ! -f "$db" ]; then
  echo "== generating $leads leads into $db"
  SEN_ADMIN_PASSWORD=bench-admin-pass SEN_LOG_LEVEL=warn $sen demo --db "sqlite:$db" --leads "$leads"
fi
csv="$out/import-$rows.csv"
[ -f "$csv" ] || $sen demo --file "$csv" --leads "$rows" --seed 7 >/dev/null
xlsx="$out/import-$xlsx_rows.xlsx"
[ -f "$xlsx" ] || $sen demo --file "$xlsx" --leads "$xlsx_rows" --seed 8 >/dev/null
targets_csv="$out/targets-$target_rows.csv"
[ -f "$targets_csv" ] || $sen demo --file "$targets_csv" --leads "$target_rows" --seed 9 >/dev/null

# A copy at the current schema: a migration's own work (ANALYZE of a million rows) is not timed.
fresh_copy() {
  rm -f "$out/import.db" "$out/import.db-wal" "$out/import.db-shm"
  cp "$db" "$out/import.db"
  SEN_LOG_LEVEL=warn $sen migrate --db "sqlite:$out/import.db" >/dev/null
}
# Runs a command; prints its wall time, peak memory and, given a row count, rows per second.
measure() {
  local what=$1 count=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$out/peak.txt" "$@" >"$out/last.txt"
  end=$(date +%s.%N)
  awk -v w="$what" -v s="$start" -v e="$end" -v n="$count" -v k="$(tail -1 "$out/peak.txt")" 'BEGIN {
    t = e - s; printf "%s: %.2f s, peak %.0f MB", w, t, k / 1024; if (n > 0) printf ", %.0f rows/s", n / t; print "" }'
  cat "$out/last.txt"
  echo "$end - $start" | bc >"$out/seconds.txt"
}

if [[ $parts == *" csv "* ]]; then
  echo "== $rows-row CSV ($(du -h "$csv" | cut -f1))"
  rm -f "$out/bare.db"
  measure "sqlite3 .import into a bare table" "$rows" sqlite3 "$out/bare.db" ".import --csv $csv t"
  bare=$(cat "$out/seconds.txt")
  fresh_copy
  measure "sen import, create, match on mobile+email, into $leads leads" "$rows" \
    env SEN_LOG_LEVEL=warn $sen import "$csv" --db "sqlite:$out/import.db" --match-on mobile,email
  ours=$(cat "$out/seconds.txt")
  echo "ratio to sqlite3 .import: $(echo "scale=1; $ours / $bare" | bc)x"
fi

if [[ $parts == *" xlsx "* ]]; then
  echo "== $xlsx_rows-row XLSX ($(du -h "$xlsx" | cut -f1))"
  fresh_copy
  measure "sen import, create, match on mobile+email, into $leads leads" "$xlsx_rows" \
    env SEN_LOG_LEVEL=warn $sen import "$xlsx" --db "sqlite:$out/import.db" --match-on mobile,email
fi

if [[ $parts == *" targets "* ]]; then
  echo "== $target_rows-row CSV of targets ($(du -h "$targets_csv" | cut -f1))"
  fresh_copy
  measure "sen import --entity targets, match on mobile+email (targets and $leads leads)" "$target_rows" \
    env SEN_LOG_LEVEL=warn $sen import "$targets_csv" --entity targets --db "sqlite:$out/import.db" \
    --match-on mobile,email
fi

[[ $parts == *" export "* ]] || exit 0
echo "== export of every lead to CSV through the API"
fresh_copy
token=$(SEN_LOG_LEVEL=warn $sen token add --db "sqlite:$out/import.db" --username admin --name bench)
total=$(sqlite3 "$out/import.db" "SELECT COUNT(*) FROM leads WHERE deleted_at IS NULL")
SEN_LOG_LEVEL=warn $sen serve --db "sqlite:$out/import.db" --listen 127.0.0.1:18081 >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18081/healthz >/dev/null 2>&1 && break; sleep 0.1; done
seconds=$(curl -sS -o "$out/export.csv" -w "%{time_total}" -H "Authorization: Bearer $token" \
  "http://127.0.0.1:18081/api/leads/export?format=csv&columns=id,full_name,mobile,email,source,province,status,created_at")
echo "export: $total leads, $(du -h "$out/export.csv" | cut -f1) in ${seconds} s, $(echo "$total / $seconds" | bc) rows/s," \
  "server peak $(grep VmHWM /proc/$server/status | awk '{print int($2 / 1024)}') MB"
