#!/usr/bin/env bash
# What assignment on arrival (R3) costs a lead create: POST /api/leads on the 1,000,000-lead
# database without a rule, then with a round-robin rule and a weighted one over 50 agents (each
# created lead then reads the 50 seats, counts today's picks and saves the turn state in the
# same transaction). Needs the database `bench/run.sh` generates. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-15s}
connections=${CONNECTIONS:-64}
agents=${AGENTS:-50}
. bench/serve_copy.sh
# Each run's mobiles start 200,000 after the last run's (a wrk thread makes far fewer in 15 s):
# numbers from the clock overlapped now and then, and the duplicates' 409s were counted as speed.
runs=0
creates() {
  echo "== POST /api/leads, $1"
  local base=$((runs++ * 200000))  # here: the pipeline's commands run in subshells
  env SEN_TOKEN="$token" MOBILE_BASE="$base" \
    wrk -t2 -c"$connections" -d"$duration" -s bench/wrk/create_lead.lua http://127.0.0.1:18080 | grep -E "Requests/sec|p50"
}

members=$(agent_members "$agents")

creates "no rule"
rule=$(api POST /api/assignment-rules "{\"name\":\"Bench\",\"method\":\"round_robin\",\"members\":[$members]}" | id_of)
creates "round robin over $agents agents"
api PATCH "/api/assignment-rules/$rule" '{"method":"weighted"}' >/dev/null
creates "weighted over $agents agents"
api PATCH "/api/assignment-rules/$rule" '{"active":false}' >/dev/null
creates "no rule again (the rule switched off; the database has grown meanwhile)"
echo "leads per agent (round robin + weighted): $(sqlite3 "$out/run.db" \
  "SELECT MIN(n) || '..' || MAX(n) FROM (SELECT COUNT(*) n FROM lead_assignments WHERE rule_id = $rule GROUP BY to_user)")"
