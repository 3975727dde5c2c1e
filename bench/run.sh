#!/usr/bin/env bash
# Load benchmark on a database of N leads (default 1,000,000): the lead API (GET by id, filtered
# list pages, create) and the workspace (search box, three filters, a busy lead's timeline, a
# mass update of ~100,000 leads). Prints wrk's figures; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${LEADS:-1000000}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-64}
out=bench/out
mkdir -p "$out"

cmake --preset release >/dev/null && cmake --build --preset release --target sen >/dev/null
db="$out/bench-$leads.db"
if [ ! -f "$db" ]; then
  echo "== generating $leads leads into $db"
  /usr/bin/time -f "generated in %es, peak %MkB" env SEN_ADMIN_PASSWORD=bench-admin-pass SEN_LOG_LEVEL=warn \
    build/release/sen demo --db "sqlite:$db" --leads "$leads"
fi
# Each run works on a fresh copy, so leads created by an earlier run cannot collide with this one's.
cp "$db" "$out/run.db"
rm -f "$out/run.db-wal" "$out/run.db-shm"
token=$(SEN_LOG_LEVEL=warn build/release/sen token add --db "sqlite:$out/run.db" --username admin --name bench)
max_id=$(sqlite3 "$out/run.db" "SELECT MAX(id) FROM leads")

SEN_LOG_LEVEL=warn build/release/sen serve --db "sqlite:$out/run.db" --listen 127.0.0.1:18080 --threads 2 >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18080/healthz >/dev/null 2>&1 && break; sleep 0.1; done

run() {
  echo "== $1"
  shift
  env SEN_TOKEN="$token" MAX_ID="$max_id" "$@"
}
run "GET /api/leads/{id}" wrk -t2 -c"$connections" -d"$duration" -s bench/wrk/get_lead.lua http://127.0.0.1:18080
for filter in "status=new" "source=Facebook" "owner_id=5" "status=new&created_from={day}"; do
  run "GET /api/leads?page_size=50&$filter (pages 1-20)" env FILTER="$filter" \
    wrk -t2 -c16 -d"$duration" -s bench/wrk/list_filtered.lua http://127.0.0.1:18080
done

run "GET /api/leads?q=<what people type> (16 connections)" wrk -t2 -c16 -d"$duration" -s bench/wrk/search.lua http://127.0.0.1:18080
three="status=new&source=Facebook&province=H%C3%A0%20N%E1%BB%99i"
for filter in "$three" "$three&created_from={day}"; do
  run "GET /api/leads?page_size=50&$filter (pages 1-20)" env FILTER="$filter" \
    wrk -t2 -c16 -d"$duration" -s bench/wrk/list_filtered.lua http://127.0.0.1:18080
done

echo "== a lead with 1,000 timeline entries"
lead=$(python3 bench/busy_lead.py 18080 "$token")
run "GET /api/leads/$lead/timeline?page_size=50" env LEAD_ID="$lead" \
  wrk -t2 -c16 -d"$duration" -s bench/wrk/timeline.lua http://127.0.0.1:18080

# Creates come after the reads: they add thousands of leads named alike (8 surnames x 8 given
# names), which the search box's "nguyen" or "van an" would then meet on every page.
run "POST /api/leads" env MOBILE_BASE="$(date +%s)" wrk -t2 -c"$connections" -d"$duration" -s bench/wrk/create_lead.lua http://127.0.0.1:18080

# ~100,000 leads: 37 days of the year the generator spread them over.
last=$(sqlite3 "$out/run.db" "SELECT MAX(created_at) / 1000 FROM leads WHERE source <> 'Benchmark'")
from=$(date -u -d "@$((last - 100 * 86400))" +%F)
to=$(date -u -d "@$((last - 64 * 86400))" +%F)
echo "== POST /api/leads/mass-update: owner of every lead created $from..$to"
curl -sS -o "$out/mass.json" -w "answered in %{time_total}s\n" -H "Authorization: Bearer $token" \
  -H "Content-Type: application/json" -X POST http://127.0.0.1:18080/api/leads/mass-update \
  -d "{\"filter\":{\"created_from\":\"$from\",\"created_to\":\"$to\"},\"set\":{\"owner_id\":6}}"
cat "$out/mass.json"; echo
echo "audit rows of that batch: $(sqlite3 "$out/run.db" "SELECT COUNT(*) FROM audit_log WHERE batch_id = (SELECT MAX(id) FROM audit_batches)")"
