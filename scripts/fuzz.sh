#!/usr/bin/env bash
# Fuzzes reachplan's plan reader, share-link decoder, analysis and capacity with cargo-fuzz
# (libFuzzer), and prints the executions and crashes of each target.
#
#   scripts/fuzz.sh                    every target, 300 s each
#   scripts/fuzz.sh TARGET [SECONDS]   one target (read_plan, share_decode, analyze, capacity)
#   scripts/fuzz.sh all SECONDS        every target, SECONDS each
#   scripts/fuzz.sh --ci               every target, 15 s each (the short run of the test suite)
#
# Installs cargo-fuzz (crates.io) and a C++ compiler (Debian) when they are missing. Only the
# stable toolchain exists here, and cargo-fuzz passes nightly flags to rustc (-Z...), so the
# build runs with RUSTC_BOOTSTRAP=1. The sanitizer is off by default (the crate forbids unsafe
# code, and without it the targets run several times faster); FUZZ_SANITIZER=address turns
# AddressSanitizer on. Seeds are read from fuzz/corpus/TARGET and never changed; what the
# fuzzer learns goes to fuzz/work/TARGET, crash reproducers to fuzz/artifacts/TARGET.
# Exit status: 0 no crash; 1 a crash (a panic, a hang, memory blown) or a run stopped from
# outside; 2 wrong usage.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

TARGETS=(read_plan share_decode analyze capacity)
SANITIZER="${FUZZ_SANITIZER:-none}"

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

selected=()
seconds=300
case "${1:-all}" in
  --ci) selected=("${TARGETS[@]}"); seconds=15 ;;
  -h|--help) usage ;;
  all) selected=("${TARGETS[@]}"); seconds="${2:-300}" ;;
  *)
    for t in "${TARGETS[@]}"; do [ "$t" = "$1" ] && selected=("$t"); done
    [ "${#selected[@]}" -eq 1 ] || { echo "fuzz: unknown target $1 (one of ${TARGETS[*]})" >&2; exit 2; }
    seconds="${2:-300}"
    ;;
esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: SECONDS must be a positive whole number" >&2; exit 2; }

step() { echo "== $* ($(date +%T))"; }

step "tools"
if ! command -v c++ >/dev/null 2>&1; then
  # libFuzzer is C++, built from source by the libfuzzer-sys crate.
  apt-get update -qq && apt-get install -y -qq --no-install-recommends g++ >/dev/null
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  # --locked can fail when the registry lacks a version pinned in the tool's own lock file;
  # then resolve afresh.
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi
cargo fuzz --version

export RUSTC_BOOTSTRAP=1
FUZZ=(cargo fuzz)
OPTS=(-O --sanitizer "$SANITIZER")

step "build (sanitizer: $SANITIZER)"
(cd fuzz && "${FUZZ[@]}" build "${OPTS[@]}")

total_execs=0
total_crashes=0
interrupted=0
summary=()
for t in "${selected[@]}"; do
  step "fuzz $t for ${seconds} s"
  mkdir -p "fuzz/work/$t" "fuzz/artifacts/$t" fuzz/work/logs
  log="fuzz/work/logs/$t.log"
  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  set +e
  (cd fuzz && "${FUZZ[@]}" run "${OPTS[@]}" "$t" "work/$t" "corpus/$t" -- \
      -max_total_time="$seconds" -dict=plan.dict -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1) >"$log" 2>&1
  status=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ -z "$execs" ]; then
    # Without final statistics (a crash can cut them), take the last status line: `#N ...`.
    execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
  fi
  execs=${execs:-0}
  after=$(find "fuzz/artifacts/$t" -type f | wc -l)
  crashes=$((after - before))
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    if grep -q -e 'ERROR: libFuzzer' -e 'panicked at' -e '^==[0-9]*==ERROR' "$log"; then
      crashes=1
    else
      # Stopped from outside (a signal, a failed build): no verdict on the target.
      echo "fuzz: $t stopped with exit status $status and no crash report; see $log" >&2
      interrupted=1
    fi
  fi
  total_execs=$((total_execs + execs))
  total_crashes=$((total_crashes + crashes))
  line=$(printf '%-13s %12d executions %4d crashes  (%s s, log %s)' "$t" "$execs" "$crashes" "$seconds" "$log")
  summary+=("$line")
  echo "$line"
  if [ "$crashes" -ne 0 ]; then
    grep -m1 -A12 "panicked at" "$log" || tail -40 "$log"
    find "fuzz/artifacts/$t" -type f | sort | sed 's/^/  reproducer: /'
    echo "  reproduce: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run ${OPTS[*]} $t artifacts/$t/FILE)"
  fi
done

step "summary"
printf '%s\n' "${summary[@]}"
printf 'fuzz: %d executions in total, %d crashes\n' "$total_execs" "$total_crashes"
[ "$total_crashes" -eq 0 ] && [ "$interrupted" -eq 0 ]
