#!/usr/bin/env bash
# Runs reachplan.
#   scripts/run.sh              builds the browser app and serves it on http://127.0.0.1:8080
#                               (PORT=9000 scripts/run.sh for another port), with the
#                               documentation widget's demo page at /docs/remote-work.html
#   scripts/run.sh PLAN.json    builds the command-line tool and checks a plan file with it
# On a fresh machine it first installs what the app needs (scripts/setup-web.sh): the
# wasm32 target, wasm-bindgen-cli, and binaryen's wasm-opt from npm (the README says how long
# that takes); later runs skip it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/e2e/node_modules/.bin:$PATH"

if [ $# -gt 0 ]; then
  cargo build --locked --release --bin reachplan
  exec ./target/release/reachplan check "$@"
fi

scripts/setup-web.sh
scripts/build-app.sh
# The documentation widget and its demo page, into dist/widget and dist/docs.
scripts/build-widget.sh
port="${PORT:-8080}"
echo "== serving dist/ ($(date +%T)); the widget's demo page is http://127.0.0.1:$port/docs/remote-work.html"
exec node e2e/serve.mjs dist "$port" 127.0.0.1
