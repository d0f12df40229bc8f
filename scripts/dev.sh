#!/usr/bin/env bash
# Serves the planner for development on http://127.0.0.1:8080 (PORT=9000 for another port) and
# rebuilds it when a source changes: every two seconds it looks for files in src/, www/,
# Cargo.toml or Cargo.lock newer than the last build, and runs `scripts/build-app.sh --dev`
# (debug build, no wasm-opt: larger, quicker to build). Reload the page to see a change. A
# build that fails prints its errors and leaves the last good build served. Ctrl+C stops it.
# The widget is not rebuilt here (scripts/build-widget.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

scripts/setup-web.sh
dist="${DIST:-target/dev-dist}"
export DIST="$dist"
stamp="target/dev-dist.stamp"
port="${PORT:-8080}"

touch "$stamp"
scripts/build-app.sh --dev || echo "== dev: the build failed; fix the error and save again"
mkdir -p "$dist"
node e2e/serve.mjs "$dist" "$port" 127.0.0.1 &
server=$!
trap 'kill "$server" 2>/dev/null' EXIT
while sleep 2; do
  if [ -n "$(find src www Cargo.toml Cargo.lock -newer "$stamp" -type f -print -quit)" ]; then
    touch "$stamp"
    scripts/build-app.sh --dev || echo "== dev: the build failed; fix the error and save again"
  fi
done
