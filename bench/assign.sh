#!/usr/bin/env bash
# What assignment on arrival (R3) costs a lead create: POST /api/leads on the 1,000,000-lead
# database without a rule, then with a round-robin rule and a weighted one over 50 agents (each
# created lead then reads the 50 seats, counts today's picks and saves the turn state in the
# same transaction). Needs the database `bench/run.sh` generates. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${LEADS:-1000000}
duration=${DURATION:-15s}
connections=${CONNECTIONS:-64}
agents=${AGENTS:-50}
out=bench/out
db="$out/bench-$leads.db"
[ -f "$db" ] || { echo "no $db: run ./bench/run.sh first" >&2; exit 1; }

cmake --preset release >/dev/null && cmake --build --preset release --target sen >/dev/null
cp "$db" "$out/run.db"
rm -f "$out/run.db-wal" "$out/run.db-shm"
build/release/sen migrate --db "sqlite:$out/run.db" >/dev/null
token=$(SEN_LOG_LEVEL=warn build/release/sen token add --db "sqlite:$out/run.db" --username admin --name bench)
SEN_LOG_LEVEL=warn build/release/sen serve --db "sqlite:$out/run.db" --listen 127.0.0.1:18080 --threads 2 >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18080/healthz >/dev/null 2>&1 && break; sleep 0.1; done

api() {
  curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" -X "$1" "http://127.0.0.1:18080$2" \
    ${3:+-d "$3"}
}
creates() {
  echo "== POST /api/leads, $1"
  env SEN_TOKEN="$token" MOBILE_BASE="$(date +%s%N)" \
    wrk -t2 -c"$connections" -d"$duration" -s bench/wrk/create_lead.lua http://127.0.0.1:18080 | grep -E "Requests/sec|p50"
}

members=""
for i in $(seq 1 "$agents"); do
  id=$(api POST /api/users "{\"username\":\"bench.agent$i.$$\",\"password\":\"bench-pass-123\",\"full_name\":\"Agent $i\",\"role\":\"agent\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  members+="${members:+,}{\"user_id\":$id,\"weight\":$((i % 3 + 1))}"
done

creates "no rule"
rule=$(api POST /api/assignment-rules "{\"name\":\"Bench\",\"method\":\"round_robin\",\"members\":[$members]}" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
creates "round robin over $agents agents"
api PATCH "/api/assignment-rules/$rule" '{"method":"weighted"}' >/dev/null
creates "weighted over $agents agents"
api PATCH "/api/assignment-rules/$rule" '{"active":false}' >/dev/null
creates "no rule again (the rule switched off; the database has grown meanwhile)"
echo "leads per agent (round robin + weighted): $(sqlite3 "$out/run.db" \
  "SELECT MIN(n) || '..' || MAX(n) FROM (SELECT COUNT(*) n FROM lead_assignments WHERE rule_id = $rule GROUP BY to_user)")"
