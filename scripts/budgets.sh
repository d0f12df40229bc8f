#!/usr/bin/env bash
# Prints every page budget with today's figure and fails when one is exceeded:
#   the documentation widget (e2e/widget.mjs --budget): what a view-mode page transfers, and the
#     time to the first matrix on the demo page;
#   the planner (e2e/app-budget.mjs --enforce): what its first screen transfers, and the time
#     to the first matrix.
# Both run, even when the first is over. Builds the app and the widget into dist/ first
# (installing the web toolchain and Chromium when missing).
#   scripts/budgets.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/e2e/node_modules/.bin:$PATH"

if [ "${1:-}" != "--no-build" ]; then
  scripts/setup-web.sh --with-browser
  scripts/build-app.sh
  scripts/build-widget.sh
fi
status=0
echo "== widget budgets"
node e2e/widget.mjs --budget dist || status=1
echo "== planner budgets"
node e2e/app-budget.mjs --enforce dist || status=1
[ "$status" = 0 ] && echo "== every budget is met" || echo "== a budget is exceeded (above)"
exit "$status"
