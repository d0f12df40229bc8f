#!/usr/bin/env bash
# Reviews reachplan's dependencies with cargo-deny: licenses, bans (duplicate versions are
# warnings) and sources, as deny.toml sets them. Installs cargo-deny from crates.io when it is
# missing (a few minutes of compiling, once).
#
# Advisories are skipped: they need the RustSec advisory database from the network, which
# this project's machines do not reach; where it can be fetched, run
# `cargo deny check advisories` too.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

step() { echo "== $* ($(date +%T))"; }

step "cargo-deny"
if ! cargo deny --version >/dev/null 2>&1; then
  # --locked can fail when the registry lacks a version pinned in the tool's own lock file;
  # then resolve afresh.
  cargo install cargo-deny --locked || cargo install cargo-deny
fi
cargo deny --version

step "crate sources"
# cargo-deny reads the crate graph offline; the sources of every feature's dependencies must
# be on disk. Without a network they may already be; then go on with what is there.
cargo fetch --locked || echo "deny: cargo fetch failed; checking with the sources on disk"

step "cargo deny check licenses bans sources"
cargo deny --offline --locked check licenses bans sources
