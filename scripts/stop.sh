#!/usr/bin/env bash
# Stops the server started by scripts/start.sh; it finishes requests in flight first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f data/sen.pid ] || exit 0
pid=$(cat data/sen.pid)
if kill "$pid" 2>/dev/null; then
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  echo "Sen stopped"
fi
rm -f data/sen.pid
