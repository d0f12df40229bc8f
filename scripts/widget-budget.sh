#!/usr/bin/env bash
# Prints the documentation widget's budgets and fails when one is exceeded:
#   size  what a page transfers for the widget in view mode (WebAssembly, JavaScript glue,
#         loader and stylesheet), gzip -9: at most 276 KB;
#   time  from navigation to the first matrix on screen on the demo page (www/docs/), served on
#         localhost with the strict Content-Security-Policy: median of five fresh loads, at
#         most 500 ms.
# Builds the widget into dist/ first (installing the web toolchain and Chromium when missing).
#   scripts/widget-budget.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/e2e/node_modules/.bin:$PATH"

if [ "${1:-}" != "--no-build" ]; then
  scripts/setup-web.sh --with-browser
  scripts/build-widget.sh
fi
node e2e/widget.mjs --budget dist
