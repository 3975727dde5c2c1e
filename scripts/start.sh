#!/usr/bin/env bash
# Installs what is missing, builds Sen and its web app, creates data/sen.db with demo data when
# absent, starts the server in the background and prints the URL and the admin login.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target sen
(cd web && npm run --silent build >/dev/null)

mkdir -p data
if [ ! -f data/sen.db ]; then
  # cut reads all its input, so nothing in this pipeline dies of SIGPIPE (pipefail is on).
  password=${SEN_ADMIN_PASSWORD:-$(head -c 300 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9' | cut -c1-14)}
  (umask 077 && printf '%s\n' "$password" >data/admin-password)
  SEN_ADMIN_PASSWORD=$password SEN_DEMO_PASSWORD=$password \
    build/release/sen demo --db sqlite:data/sen.db --leads "${SEN_DEMO_LEADS:-300}"
fi

./scripts/stop.sh >/dev/null 2>&1 || true
listen=${SEN_LISTEN:-127.0.0.1:8080}
nohup build/release/sen serve --db sqlite:data/sen.db --listen "$listen" >data/sen.log 2>&1 &
echo $! >data/sen.pid
for _ in $(seq 1 50); do
  curl -fsS "http://$listen/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://$listen/healthz" >/dev/null || { echo "Sen did not start; see data/sen.log" >&2; exit 1; }

echo
echo "Sen is running at http://$listen (log: data/sen.log, stop: ./scripts/stop.sh)"
if [ -f data/admin-password ]; then
  echo "Sign in as: admin / $(cat data/admin-password)"
  echo "Demo users (same password): manager.hn, manager.hcm, marketer, agent.an, agent.binh, agent.dung, ..."
else
  echo "Sign in as: admin with the password set when data/sen.db was created"
fi
