#!/usr/bin/env bash
# Hostile shapes at full size: each command's time and peak memory, and how it ends (an answer,
# or a refusal with exit 2 that says the size, the limit and the way forward; never an abort).
#
#   scripts/scale.sh              # every shape
#   scripts/scale.sh chain500     # the shapes whose name contains the word
#   REACHPLAN=path/to/reachplan scripts/scale.sh   # another build (e.g. an older one)
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

measure() { # NAME BUDGET ARGS...: time, peak memory, exit status, output size, the budget, and
  # the first line of stderr
  local name="$1" budget="$2"; shift 2
  case "$name" in *"$only"*) ;; *) return 0 ;; esac
  local out="$dir/out" err="$dir/err" stats="$dir/stats" code=0
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -o "$stats" -f "%e s  %M KB" "$REACHPLAN" "$@" > "$out" 2> "$err" || code=$?
  else
    local start
    start=$(date +%s%N)
    "$REACHPLAN" "$@" > "$out" 2> "$err" || code=$?
    echo "$(( ($(date +%s%N) - start) / 1000000 )) ms  (peak memory: install GNU time)" > "$stats"
  fi
  printf '%-34s exit %s  %-22s output %10s bytes  budget: %s\n' "$name" "$code" \
    "$(tail -1 "$stats")" "$(wc -c < "$out")" "$budget"
  if [ -s "$err" ]; then printf '    %s\n' "$(head -c 300 "$err" | head -1)"; fi
}

echo "reachplan: $("$REACHPLAN" --version 2>/dev/null || echo unknown)"
measure "mesh80 check --json"           "0.2 s"           check "$dir/mesh80.json" --json
measure "mesh80 check"                  "-"               check "$dir/mesh80.json"
measure "chain300 check --json"         "-"               check "$dir/chain300.json" --json
measure "chain500 check --json"         "1 s, 200 MB"     check "$dir/chain500.json" --json
measure "chain500 check"                "-"               check "$dir/chain500.json"
measure "chain500 check --summary"      "-"               check "$dir/chain500.json" --summary
measure "parallel10000 check --json"    "0.5 s"           check "$dir/parallel10000.json" --json
measure "generated1000 check --json"    "2 s"             check "$dir/generated1000.json" --json
measure "generated1000 check"           "-"               check "$dir/generated1000.json"
measure "generated1000 check --summary" "-"               check "$dir/generated1000.json" --summary
measure "sites300000 check --summary" "-" check "$dir/sites300000.json" --summary
measure "sites2000000 check --summary" "-" check "$dir/sites2000000.json" --summary
measure "sites2000000 check" "-" check "$dir/sites2000000.json"
measure "sites2000000 fmt" "-" fmt "$dir/sites2000000.json"
measure "generate 1000000"             "-"           generate 1000000
