#!/usr/bin/env bash
# Builds reachplan and checks an example plan with the CLI: the reachability matrix, the
# reasons and fixes, findings, assumptions and intents. Pass another plan file to check it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"
plan="${1:-www/examples/users-to-azure-and-onprem.json}"
cargo build --locked --release --bin reachplan
exec ./target/release/reachplan check "$plan"
