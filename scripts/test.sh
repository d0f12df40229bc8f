#!/usr/bin/env bash
# Runs every test of reachplan: formatting, lints, unit, golden and CLI tests, then the browser
# app's lints, unit tests, build and end-to-end tests in headless Chromium, and the same for the
# documentation widget, the review of the dependencies (cargo-deny) and a short fuzz run.
# Installs what it needs when missing (rustfmt and clippy components; the web toolchain and
# Debian's chromium through scripts/setup-web.sh; cargo-deny and cargo-fuzz from crates.io).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/e2e/node_modules/.bin:$PATH"

step() { echo "== $* ($(date +%T))"; }

step "toolchain components"
for c in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
done

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native)"
cargo clippy --locked --all-targets -- -D warnings

step "cargo test"
cargo test --locked

step "dependencies: licenses, bans, sources (cargo-deny)"
scripts/deny.sh

step "web toolchain"
scripts/setup-web.sh --with-browser

step "cargo clippy (wasm, web app and its Azure module)"
cargo clippy --locked --target wasm32-unknown-unknown --features web,azure-web \
  --bin reachplan-web --bin reachplan-azure --lib -- -D warnings

step "cargo test (web app logic, native)"
cargo test --locked --features web --lib ui::

step "cargo clippy (wasm, documentation widget)"
cargo clippy --locked --target wasm32-unknown-unknown --features widget \
  --bin reachplan-widget --bin reachplan-widget-edit --lib -- -D warnings

step "cargo clippy (wasm, benchmark)"
cargo clippy --locked --target wasm32-unknown-unknown --features bench-web --bin reachplan-bench-web -- -D warnings

step "cargo test (widget logic, native)"
cargo test --locked --features widget --lib widget::

step "browser app build"
scripts/build-app.sh

step "documentation widget build"
scripts/build-widget.sh

# The CLI that the tests compare the matrices with (built by cargo test above).
cargo build --locked --bin reachplan

step "widget end-to-end tests (headless chromium, strict CSP; size and time budgets)"
node e2e/widget.mjs dist target/screenshots

step "end-to-end tests (headless chromium)"
node e2e/e2e.mjs dist target/screenshots

step "planner budgets (fails on size; prints the time, which scripts/budgets.sh enforces)"
node e2e/app-budget.mjs dist

step "fuzz: every target for 15 s (scripts/fuzz.sh for longer runs)"
scripts/fuzz.sh --ci
