#!/usr/bin/env bash
# Runs every test of reachplan: formatting, lints, unit, golden and CLI tests.
# Installs what it needs when missing (rustfmt and clippy components).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

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
