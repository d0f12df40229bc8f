#!/usr/bin/env bash
# Where the bytes of the browser builds go: for the documentation widget (view mode), the
# planner's first module and its Azure module (the importer and the export), the ten largest
# contributors (a module of this crate or another crate) and the ten largest single items,
# measured with twiggy on the WebAssembly as wasm-bindgen leaves it (with its function names,
# before wasm-opt and gzip, so the figures are shares, not what a page transfers;
# scripts/widget-budget.sh measures that). Installs twiggy when it is missing.
#   scripts/size-profile.sh [--no-build] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

build=1
[ "${1:-}" = "--no-build" ] && { build=0; shift; }
top="${1:-10}"
TWIGGY_VERSION=0.8.0

if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  echo "== twiggy $TWIGGY_VERSION"
  cargo install twiggy --version "=$TWIGGY_VERSION" --locked \
    || cargo install twiggy --version "=$TWIGGY_VERSION"
fi
scripts/setup-web.sh >/dev/null

wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown"
builds=(
  "widget (view mode)|widget|reachplan-widget|widget"
  "planner (first module)|release|reachplan-web|web,azure-web"
  "planner's Azure module (loaded on demand)|release|reachplan-azure|web,azure-web"
)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for entry in "${builds[@]}"; do
  IFS='|' read -r title profile bin feature <<<"$entry"
  if [ "$build" = 1 ]; then
    # As scripts/build-app.sh builds the planner (opt-level s), so that the profile is of what
    # is served and the two share their build.
    CARGO_PROFILE_RELEASE_OPT_LEVEL=s cargo build --locked --profile "$profile" \
      --target wasm32-unknown-unknown --features "$feature" --bin "$bin" >&2
  fi
  if [ ! -f "$wasm/$profile/$bin.wasm" ]; then
    echo "size-profile: $wasm/$profile/$bin.wasm is missing; run without --no-build" >&2
    exit 2
  fi
  wasm-bindgen --target web --no-typescript --out-dir "$tmp" "$wasm/$profile/$bin.wasm"
  echo "== $title: $bin"
  twiggy top -f csv "$tmp/${bin}_bg.wasm" | node scripts/size-profile.mjs "$top"
done
