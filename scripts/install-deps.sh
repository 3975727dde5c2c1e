#!/usr/bin/env bash
# Installs what Sen needs to build, run and test on Debian 12; idempotent and quiet when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates ccache
  libboost-dev libsqlite3-dev sqlite3 libpq-dev postgresql
  nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev libsodium-dev
  libphonenumber-dev libicu-dev libzip-dev libexpat1-dev libxlsxwriter-dev
  libcurl4-openssl-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev
  nodejs npm chromium wrk python3-aiosmtpd curl
)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs/npm may come from outside Debian (e.g. nodesource): keep a node that is there.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs/}"); missing=("${missing[@]/npm/}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Vite 7 and Playwright need node >= 20.19; Debian 12 ships 18. The npm registry's `node` package
# brings a newer one into /usr/local/bin, ahead of /usr/bin on PATH.
node_ok() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null
}
if ! node_ok; then
  echo "install-deps: node $(node --version 2>/dev/null) is too old; installing node 22 from the npm registry"
  $sudo_cmd npm install -g --no-audit --no-fund --loglevel=error node@22
  hash -r
  node_ok || { echo "install-deps: still no node >= 20.19 on PATH" >&2; exit 1; }
fi

# Front-end packages, pinned by web/package-lock.json.
if [ -f web/package.json ]; then
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "install-deps: npm ci in web/"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
