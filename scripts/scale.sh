#!/usr/bin/env bash
# Hostile shapes at full size: each command's time and peak memory, and how it ends (an answer,
# or a refusal with exit 2 that says the size, the limit and the way forward; never an abort).
#
#   scripts/scale.sh              # every shape
#   scripts/scale.sh chain500     # the shapes whose name contains the word
#   REACHPLAN=path/to/reachplan scripts/scale.sh   # another build (e.g. an older one)
#   BEFORE=path/to/old/reachplan scripts/scale.sh  # each line also run by an older build,
#                                                  # printed beneath as "before"
#
# Each line: exit status, wall and CPU seconds (user + system: the steadier figure on a loaded
# machine), peak memory, output size, and the issue's budget with "met" or "MISSED" (judged on
# the wall time and the peak memory).
#
# Shapes: a full mesh of 80 VNets (3,160 peerings), chains of 300 and 500 peered VNets, 10,000
# copies of one peering, 300,000 and 2 million bare sites (2 million is 63 MB, just under the
# reader's 64 MB), and a generated 1,000-endpoint plan. The plans are written by awk into
# target/scale/. Peak memory needs GNU time (/usr/bin/time; Debian package `time`); without it
# only the time is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
only="${1:-}"
dir=target/scale
mkdir -p "$dir"
if [ -z "${REACHPLAN:-}" ]; then
  cargo build --release --locked --bin reachplan >&2
  REACHPLAN=target/release/reachplan
fi

vnets() { # N: vnets v0..v(N-1), each with its own /24
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
    printf "%s{\"id\": \"v%d\", \"kind\": \"vnet\", \"address_space\": [\"10.%d.%d.0/24\"]}",
      (i ? ", " : ""), i, int(i / 256), i % 256 }'
}
plan() { printf '{"reachplan": 1, "nodes": [%s], "links": [%s]}\n' "$1" "$2"; }
make_plans() {
  [ -s "$dir/mesh80.json" ] || plan "$(vnets 80)" "$(awk 'BEGIN { s = ""
    for (i = 0; i < 80; i++) for (j = i + 1; j < 80; j++) {
      printf "%s{\"kind\": \"peering\", \"from\": \"v%d\", \"to\": \"v%d\"}", s, i, j; s = ", " } }')" \
    > "$dir/mesh80.json"
  for n in 300 500; do
    [ -s "$dir/chain$n.json" ] || plan "$(vnets $n)" "$(awk -v n=$n 'BEGIN {
      for (i = 0; i + 1 < n; i++)
        printf "%s{\"kind\": \"peering\", \"from\": \"v%d\", \"to\": \"v%d\"}", (i ? ", " : ""), i, i + 1 }')" \
      > "$dir/chain$n.json"
  done
  [ -s "$dir/parallel10000.json" ] || plan "$(vnets 2)" "$(awk 'BEGIN {
    for (i = 0; i < 10000; i++)
      printf "%s{\"kind\": \"peering\", \"from\": \"v0\", \"to\": \"v1\"}", (i ? ", " : "") }')" \
    > "$dir/parallel10000.json"
  for n in 300000 2000000; do
    [ -s "$dir/sites$n.json" ] || awk -v n=$n 'BEGIN { printf "{\"reachplan\":1,\"nodes\":["
      for (i = 0; i < n; i++) printf "%s{\"id\":\"s%d\",\"kind\":\"site\"}", (i ? "," : ""), i
      print "]}" }' > "$dir/sites$n.json"
  done
  [ -s "$dir/generated1000.json" ] || "$REACHPLAN" generate 1000 > "$dir/generated1000.json"
}
make_plans

run_one() { # BINARY ARGS...: "<wall> <cpu> <KB>" in $dir/stats, exit status in $code
  local bin="$1"; shift
  code=0
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -o "$dir/stats" -f "%e %U %S %M" "$bin" "$@" > "$dir/out" 2> "$dir/err" || code=$?
    read -r wall user system kb < <(tail -1 "$dir/stats")
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
  else
    local start
    start=$(date +%s%N)
    "$bin" "$@" > "$dir/out" 2> "$dir/err" || code=$?
    wall=$(awk -v ns="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.2f", ns / 1e9 }')
    cpu="?"; kb=0
  fi
}

measure() { # NAME SECONDS MB ARGS...: time, CPU time, peak memory, exit status, output size,
  # the budget (SECONDS and MB, "-" for none) met or missed, and the first line of stderr
  local name="$1" seconds="$2" megabytes="$3"; shift 3
  case "$name" in *"$only"*) ;; *) return 0 ;; esac
  local who
  for who in after before; do
    local bin="$REACHPLAN" label=""
    if [ "$who" = before ]; then
      [ -n "${BEFORE:-}" ] || continue
      bin="$BEFORE"; label="  before:"
    fi
    run_one "$bin" "$@"
    local budget="-" verdict=""
    if [ "$seconds" != - ] || [ "$megabytes" != - ]; then
      budget=""; verdict="met"
      if [ "$seconds" != - ]; then
        budget="≤ $seconds s"
        awk -v w="$wall" -v b="$seconds" 'BEGIN { exit !(w > b) }' && verdict="MISSED"
      fi
      if [ "$megabytes" != - ]; then
        budget="$budget${budget:+, }≤ $megabytes MB"
        [ "$kb" -gt $(( megabytes * 1024 )) ] && verdict="MISSED"
      fi
      [ "$code" = 0 ] || verdict="MISSED"
    fi
    printf '%-31s exit %s  %6s s wall %6s s cpu %8s KB  output %10s bytes  budget: %s %s\n' \
      "${label:-$name}" "$code" "$wall" "$cpu" "$kb" "$(wc -c < "$dir/out")" "$budget" "$verdict"
    if [ -s "$dir/err" ]; then printf '    %s\n' "$(head -c 300 "$dir/err" | head -1)"; fi
  done
}

echo "reachplan: $("$REACHPLAN" --version 2>/dev/null || echo unknown)"
measure "mesh80 check --json"            0.2 -   check "$dir/mesh80.json" --json
measure "mesh80 check"                   -   -   check "$dir/mesh80.json"
measure "chain300 check --json"          -   -   check "$dir/chain300.json" --json
measure "chain500 check --json"          1   200 check "$dir/chain500.json" --json
measure "chain500 check"                 -   -   check "$dir/chain500.json"
measure "chain500 check --summary"       -   -   check "$dir/chain500.json" --summary
measure "parallel10000 check --json"     0.5 -   check "$dir/parallel10000.json" --json
measure "generated1000 check --json"     2   -   check "$dir/generated1000.json" --json
measure "generated1000 check"            -   -   check "$dir/generated1000.json"
measure "generated1000 check --summary"  -   -   check "$dir/generated1000.json" --summary
measure "sites300000 check --summary"    -   -   check "$dir/sites300000.json" --summary
measure "sites2000000 check --summary"   -   -   check "$dir/sites2000000.json" --summary
measure "sites2000000 check"             -   -   check "$dir/sites2000000.json"
measure "sites2000000 fmt"               -   -   fmt "$dir/sites2000000.json"
measure "generate 1000000"               -   -   generate 1000000
