#!/usr/bin/env bash
# The benchmark in one command: builds the engine for WebAssembly, times it in headless
# Chromium (e2e/bench-web.mjs), then runs the native bench (reachplan-bench), which prints both
# per size with the naive oracle's time, the ratio, peak memory and the issue's budgets; last,
# the import of a generated 2,000-resource Resource Graph dump, in the page and natively
# (reachplan-bench-import), against their budgets (3 s and 1 s).
#   scripts/bench.sh [SIZE...] [--seed S]       (default: 100 1000 10000, seed 1)
# Installs the web toolchain and Chromium when missing (scripts/setup-web.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/e2e/node_modules/.bin:$PATH"

scripts/setup-web.sh --with-browser >/dev/null
echo "== bench: build the WebAssembly half ($(date +%T))" >&2
cargo build --locked --release --target wasm32-unknown-unknown --features bench-web --bin reachplan-bench-web
out=target/bench-web
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/release/reachplan-bench-web.wasm
cargo build --locked --release --bin reachplan-bench --bin reachplan-bench-import
echo "== bench: WebAssembly in headless Chromium ($(date +%T))" >&2
node e2e/bench-web.mjs "$out" target/bench-web.json "$@"
echo
target/release/reachplan-bench "$@" --wasm target/bench-web.json
echo
target/release/reachplan-bench-import
