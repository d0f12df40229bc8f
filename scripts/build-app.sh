#!/usr/bin/env bash
# Builds the browser app into dist/ the way the documentation widget is built: cargo builds
# src/main.rs for wasm32 with the `web` feature, wasm-bindgen --target web writes the glue,
# wasm-opt -Oz shrinks it (scripts/wasm-opt.sh), and the page, its start-up script (www/start.js:
# no inline script, for the strict Content-Security-Policy), stylesheets and icon are copied from
# www/. The app's Azure module (src/bin/reachplan-azure.rs: the importer and the export, which
# the app imports on demand) is built beside it the same way, as reachplan-azure.js and
# reachplan-azure_bg.wasm. Replaces dist/; run scripts/build-widget.sh after it for the widget
# and its demo page.
# Needs the web toolchain (scripts/setup-web.sh).
#   scripts/build-app.sh         the release build, as served and tested
#   scripts/build-app.sh --dev   the quick one for scripts/dev.sh: debug profile, no wasm-opt
# DIST=folder builds into another folder than dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/e2e/node_modules/.bin:$PATH"

bin=reachplan-web
azure=reachplan-azure
profile=release
[ "${1:-}" = "--dev" ] && profile=dev
dist="${DIST:-dist}"

echo "== app: cargo build $bin and $azure, profile $profile ($(date +%T))"
# The browser build favours size: the release profile is tuned for the native CLI. One build of
# the library serves both modules; each keeps only what its entry points reach.
CARGO_PROFILE_RELEASE_OPT_LEVEL=s cargo build --locked --profile "$profile" \
  --target wasm32-unknown-unknown --features web,azure-web --bin "$bin" --bin "$azure"
dir=$profile
[ "$profile" = dev ] && dir=debug
# Built beside dist/ and moved in at the end, so a failed build leaves the last one served.
next="$dist.next"
rm -rf "$next"
mkdir -p "$next"
for b in "$bin" "$azure"; do
  wasm-bindgen --target web --no-typescript --out-dir "$next" \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$dir/$b.wasm"
  if [ "$profile" = release ]; then
    echo "== app: wasm-opt -Oz $b ($(date +%T))"
    scripts/wasm-opt.sh "$next/${b}_bg.wasm"
  fi
done
# The page, its start-up script, and every stylesheet and icon the page links.
for f in index.html start.js \
  $(sed -n 's/.*<link rel="\(stylesheet\|icon\)" href="\([^"]*\)".*/\2/p' www/index.html); do
  cp "www/$f" "$next/"
done
rm -rf "$dist"
mv "$next" "$dist"
echo "== app: built into $dist ($(date +%T))"
