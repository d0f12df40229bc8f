#!/usr/bin/env bash
# Builds the browser app into dist/ the way the documentation widget is built: cargo builds
# src/main.rs for wasm32 with the `web` feature, wasm-bindgen --target web writes the glue,
# wasm-opt -Oz shrinks it (scripts/wasm-opt.sh), and the page, its start-up script (www/start.js:
# no inline script, for the strict Content-Security-Policy), stylesheets and icon are copied from
# www/. Replaces dist/; run scripts/build-widget.sh after it for the widget and its demo page.
# Needs the web toolchain (scripts/setup-web.sh).
#   scripts/build-app.sh         the release build, as served and tested
#   scripts/build-app.sh --dev   the quick one for scripts/dev.sh: debug profile, no wasm-opt
# DIST=folder builds into another folder than dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PWD/e2e/node_modules/.bin:$PATH"

bin=reachplan-web
profile=release
[ "${1:-}" = "--dev" ] && profile=dev
dist="${DIST:-dist}"

echo "== app: cargo build $bin, profile $profile ($(date +%T))"
# The browser build favours size: the release profile is tuned for the native CLI.
CARGO_PROFILE_RELEASE_OPT_LEVEL=s cargo build --locked --profile "$profile" \
  --target wasm32-unknown-unknown --features web --bin "$bin"
dir=$profile
[ "$profile" = dev ] && dir=debug
# Built beside dist/ and moved in at the end, so a failed build leaves the last one served.
next="$dist.next"
rm -rf "$next"
mkdir -p "$next"
wasm-bindgen --target web --no-typescript --out-dir "$next" \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$dir/$bin.wasm"
if [ "$profile" = release ]; then
  echo "== app: wasm-opt -Oz $bin ($(date +%T))"
  scripts/wasm-opt.sh "$next/${bin}_bg.wasm"
fi
# The page, its start-up script, and every stylesheet and icon the page links.
for f in index.html start.js \
  $(sed -n 's/.*<link rel="\(stylesheet\|icon\)" href="\([^"]*\)".*/\2/p' www/index.html); do
  cp "www/$f" "$next/"
done
rm -rf "$dist"
mv "$next" "$dist"
echo "== app: built into $dist ($(date +%T))"
