#!/usr/bin/env bash
# Live events (issue #5): CLIENTS WebSockets (default 1,000) open as one agent, EVENTS new leads
# (default 200) that a rule gives to that agent, and the time each event takes to reach each
# client (bench/events_bench.cpp). A fresh database: the cost measured is the push, not the size.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
cmake --preset release >/dev/null && cmake --build --preset release --target sen sen_events_bench >/dev/null
ulimit -n 20000
rm -f "$out"/events.db*
SEN_ADMIN_PASSWORD=bench-admin-pass SEN_LOG_LEVEL=warn build/release/sen serve --db "sqlite:$out/events.db" --listen 127.0.0.1:18080 --threads 2 >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18080/healthz >/dev/null 2>&1 && break; sleep 0.1; done
token=$(SEN_LOG_LEVEL=warn build/release/sen token add --db "sqlite:$out/events.db" --username admin --name bench)

api() {
  curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" -X "$1" "http://127.0.0.1:18080$2" -d "$3"
}
agent=$(api POST /api/users '{"username":"bench.live","password":"bench-pass-123","full_name":"Agent Live","role":"agent"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api POST /api/assignment-rules "{\"name\":\"Live\",\"method\":\"round_robin\",\"members\":[{\"user_id\":$agent}]}" >/dev/null
cookie=$(curl -fsS -D - -o /dev/null -H "Content-Type: application/json" -X POST http://127.0.0.1:18080/api/auth/login \
  -d '{"username":"bench.live","password":"bench-pass-123"}' | sed -nE 's/^set-cookie: sen_session=([^;]*).*/\1/ip')
PORT=18080 SEN_TOKEN="$token" AGENT_COOKIE="$cookie" build/release/sen_events_bench
