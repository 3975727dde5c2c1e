#!/usr/bin/env bash
# Load benchmark of the lead API on a database of N leads (default 1,000,000):
# GET by id, a filtered list page, and create. Prints wrk's figures; see bench/README.md.
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
run "POST /api/leads" env MOBILE_BASE="$(date +%s)" wrk -t2 -c"$connections" -d"$duration" -s bench/wrk/create_lead.lua http://127.0.0.1:18080
