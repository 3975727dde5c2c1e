#!/usr/bin/env bash
# What assignment on arrival (R3) costs a lead create: POST /api/leads on the 1,000,000-lead
# database without a rule, naming the 50 agents as owners by hand, then with a round-robin rule
# and a weighted one over them (each created lead then picks from the rule's turn state, read
# and saved once per group commit). Needs the database `bench/run.sh` generates. See
# bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-15s}
connections=${CONNECTIONS:-64}
agents=${AGENTS:-50}
. bench/serve_copy.sh
# Each run's mobiles start 200,000 after the last run's (a wrk thread makes far fewer in 15 s):
# numbers from the clock overlapped now and then, and the duplicates' 409s were counted as speed.
runs=0
# CPU ticks of each server thread: the busiest one's per request is the writer's time per create,
# which bounds the throughput and varies far less between runs than req/s on two shared cores.
ticks() { for t in /proc/"$server"/task/*; do echo "${t##*/} $(awk '{ print $14 + $15 }' "$t/stat")"; done | sort; }
creates() {
  echo "== POST /api/leads, $1"
  local base=$((runs++ * 200000)) before after report
  before=$(ticks)
  report=$(env SEN_TOKEN="$token" MOBILE_BASE="$base" OWNERS="${2:-}" \
    wrk -t2 -c"$connections" -d"$duration" -s bench/wrk/create_lead.lua http://127.0.0.1:18080)
  after=$(ticks)
  echo "$report" | grep -E "Requests/sec|p50"
  join <(echo "$before") <(echo "$after") | awk -v n="$(echo "$report" | awk '/requests in/ {print $1}')" \
    -v hz="$(getconf CLK_TCK)" '{ d = $3 - $2; if (d > m) m = d } END { printf "busiest thread: %.0f us per create\n", m * 1e6 / hz / n }'
}

members=$(agent_members "$agents")

creates "no rule"
# The same creates naming the members as owners in turn: what an owned lead costs (its assignment
# history row, the owner's bell row and open count), which a rule's pick adds to.
creates "no rule, owners named by hand in turn" "$(echo "$members" | grep -o '"user_id":[0-9]*' | cut -d: -f2 | paste -sd,)"
rule=$(api POST /api/assignment-rules "{\"name\":\"Bench\",\"method\":\"round_robin\",\"members\":[$members]}" | id_of)
creates "round robin over $agents agents"
api PATCH "/api/assignment-rules/$rule" '{"method":"weighted"}' >/dev/null
creates "weighted over $agents agents"
api PATCH "/api/assignment-rules/$rule" '{"active":false}' >/dev/null
creates "no rule again (the rule switched off; the database has grown meanwhile)"
echo "leads per agent (round robin + weighted): $(sqlite3 "$out/run.db" \
  "SELECT MIN(n) || '..' || MAX(n) FROM (SELECT COUNT(*) n FROM lead_assignments WHERE rule_id = $rule GROUP BY to_user)")"
