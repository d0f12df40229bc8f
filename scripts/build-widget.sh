#!/usr/bin/env bash
# Builds the documentation widget (`<reach-plan>`) into dist/widget/ and the demo docs page into
# dist/docs/: two WebAssembly builds of src/widget (view, and edit mode for pages that ask for
# it) with the size-first `widget` profile, wasm-bindgen --target web, wasm-opt -Oz, then the
# loader, stylesheet, iframe page and demo from www/. Run after scripts/build-app.sh (which
# replaces dist/). Needs the web toolchain (scripts/setup-web.sh).
#   scripts/build-widget.sh [--view-only]     (DIST=folder builds into another folder than dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/e2e/node_modules/.bin:$PATH"

bins=(reachplan-widget reachplan-widget-edit)
[ "${1:-}" = "--view-only" ] && bins=(reachplan-widget)

dist="${DIST:-dist}"
out="$dist/widget"
mkdir -p "$out" "$dist/docs/plans"
for bin in "${bins[@]}"; do
  echo "== widget: cargo build $bin ($(date +%T))"
  cargo build --locked --profile widget --target wasm32-unknown-unknown --features widget --bin "$bin"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/widget/$bin.wasm"
  echo "== widget: wasm-opt -Oz $bin ($(date +%T))"
  scripts/wasm-opt.sh "$out/${bin}_bg.wasm"
done
cp www/reach-plan.js www/widget.css www/embed.html www/embed.js "$out/"
# Comments and indentation are for readers of the sources; the copies served go without them.
node -e '
const fs = require("node:fs");
for (const f of process.argv.slice(1)) {
  let s = fs.readFileSync(f, "utf8");
  if (f.endsWith(".css")) s = s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s*\n\s*/g, "\n");
  else s = s.replace(/^\s*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, "").replace(/^[ \t]*\/\/.*\n/gm, "").replace(/^[ \t]+/gm, "");
  fs.writeFileSync(f, s.replace(/\n{2,}/g, "\n").replace(/^\n/, ""));
}' "$out"/*.js "$out/widget.css"
cp www/docs/*.html www/docs/*.css "$dist/docs/"
cp www/examples/users-to-azure.json www/examples/users-to-azure-and-onprem.json "$dist/docs/plans/"
echo "== widget: built into $out and $dist/docs ($(date +%T))"
