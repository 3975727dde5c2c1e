# Sourced by the benchmarks that write (assign.sh, queue.sh): builds `sen`, serves a copy of the
# LEADS-lead database bench/run.sh generated on 127.0.0.1:18080 (stopped on exit), and defines
# `api METHOD PATH [BODY]` (as admin, by token), `timed LABEL METHOD PATH [BODY]` (one request's
# time and the head of its answer), `id_of` (the "id" of a JSON answer) and `agent_members N` (N
# new agents as a rule's members, weights 1..3).
leads=${LEADS:-1000000}
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
timed() {
  local label=$1 start end
  shift
  start=$(date +%s.%N)
  api "$@" >"$out/timed.out"
  end=$(date +%s.%N)
  printf '%s: %s s %s\n' "$label" "$(awk "BEGIN { printf \"%.2f\", $end - $start }")" "$(head -c 120 "$out/timed.out")"
}
id_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
agent_members() {
  local members="" id i
  for i in $(seq 1 "$1"); do
    id=$(api POST /api/users "{\"username\":\"bench.agent$i.$$\",\"password\":\"bench-pass-123\",\"full_name\":\"Agent $i\",\"role\":\"agent\"}" | id_of)
    members+="${members:+,}{\"user_id\":$id,\"weight\":$((i % 3 + 1))}"
  done
  echo "$members"
}
