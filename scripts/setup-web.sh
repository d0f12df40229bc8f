#!/usr/bin/env bash
# Installs what the browser app needs to build, serve and test, from crates.io, npm and Debian
# only: the wasm32 target, wasm-bindgen-cli at the Cargo.lock version, binaryen's wasm-opt and
# playwright-core (npm, in e2e/), and Debian's chromium for the end-to-end tests.
# Idempotent: it skips what is already installed at the pinned version.
# Usage: scripts/setup-web.sh [--with-browser]
set -euo pipefail
cd "$(dirname "$0")/.."

# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3}' Cargo.lock)
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

step() { echo "== $* ($(date +%T))"; }

with_browser=false
[ "${1:-}" = "--with-browser" ] && with_browser=true

apt_updated=false
apt_install() {
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  if ! $apt_updated; then
    $sudo_cmd apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

step "rust target wasm32-unknown-unknown"
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

if $with_browser; then
  step "chromium (Debian)"
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # --locked can fail when the registry lacks a very new crate pinned in the tool's own lock
  # file; a fresh resolve works then.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

step "node and npm"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

step "npm tools in e2e/ (binaryen's wasm-opt, playwright-core)"
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -d e2e/node_modules/playwright-core ] \
  || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

step "setup done"
