#!/usr/bin/env bash
# R5: how long an auto-assign job takes to hand out 100,000 queued leads among 50 agents, on a
# copy of the 1,000,000-lead database: the leads are queued by mass updates (10,000 ids each),
# then one "run now" of a job with batch_size 100000 is timed end to end (HTTP included), for
# round robin and again for weighted. "Run now" answers after 2 s at the most, the run going on:
# the time is until the job no longer says "running" (polled every 20 ms). Needs the database
# `bench/run.sh` generates.
set -euo pipefail
cd "$(dirname "$0")/.."
queued=${QUEUED:-100000}
agents=${AGENTS:-50}
. bench/serve_copy.sh

members=$(agent_members "$agents")
rule=$(api POST /api/assignment-rules "{\"name\":\"Queue bench\",\"method\":\"round_robin\",\"source\":\"none such\",\"members\":[$members]}" | id_of)
job=$(api POST /api/jobs "{\"name\":\"Queue bench\",\"type\":\"auto_assign\",\"interval_min\":5,\"starts_at\":\"2099-01-01T00:00:00Z\",\"rule_id\":$rule,\"batch_size\":$queued}" | id_of)

distribute() {
  local offset=$1
  # Open leads only: converted, dead and do-not-contact ones are not queued (R5).
  sqlite3 "$out/run.db" "SELECT id FROM leads WHERE deleted_at IS NULL AND status NOT IN ('converted', 'dead')
    AND do_not_contact = 0 ORDER BY id LIMIT $queued OFFSET $offset" |
    split -l 10000 - "$out/queue-ids."
  for f in "$out"/queue-ids.*; do
    api POST /api/leads/mass-update "{\"action\":\"queue_assignment\",\"rule_id\":$rule,\"ids\":[$(paste -sd, "$f")]}" >/dev/null
    rm "$f"
  done
  echo "== run now: $queued queued leads, $2 over $agents agents"
  local start end
  start=$(date +%s.%N)
  api POST "/api/jobs/$job/run" >"$out/run.json"
  while python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["running"] else 1)' "$out/run.json"; do
    sleep 0.02
    api GET "/api/jobs/$job" >"$out/run.json"
  done
  end=$(date +%s.%N)
  python3 -c "print(f\"{$end - $start:.2f} s end to end\")"
  python3 -c 'import json; print("result:", json.load(open("'"$out/run.json"'"))["last_result"])'
  echo "leads per agent: $(sqlite3 "$out/run.db" \
    "SELECT MIN(n) || '..' || MAX(n) FROM (SELECT COUNT(*) n FROM lead_assignments WHERE rule_id = $rule AND at >= (SELECT MAX(at) FROM lead_assignments) GROUP BY to_user)")"
}
distribute 0 "round robin"
api PATCH "/api/assignment-rules/$rule" '{"method":"weighted"}' >/dev/null
distribute "$queued" "weighted (1:2:3)"
