#!/usr/bin/env bash
# Shrinks a WebAssembly file in place with binaryen's wasm-opt -Oz: the one set of flags the
# planner (scripts/build-app.sh) and the documentation widget (scripts/build-widget.sh) share.
#   scripts/wasm-opt.sh FILE.wasm
set -euo pipefail
# rustc's wasm uses these features; binaryen must be told so. Rust keeps its stack and data far
# above the first kilobyte of memory, so binaryen may fold load and store offsets there
# (--low-memory-unused, as Emscripten passes it by default).
wasm-opt -Oz --low-memory-unused --enable-reference-types --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --strip-debug --strip-producers "$1" -o "$1"
