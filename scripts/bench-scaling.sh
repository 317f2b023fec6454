#!/usr/bin/env bash
# Scaling of the ingest and ols workloads with panel size (issue 7, item 5):
# 10k, 100k, 1M and 10M rows (gen_panel.py --skus 250 … 250000, 40 rows per SKU).
# Prints a Markdown table of whole-process median wall time and peak resident
# memory per size, with time and memory per million rows, so linear growth
# shows as a flat "per 1M rows" column.
#
# Usage: scripts/bench-scaling.sh [SKUS ...]     (default: 250 2500 25000 250000)
# Environment:
#   RUNS=3            measured runs per cell (after one warm-up)
#   WORKLOADS="ingest ols"
#   PEER_MAX_ROWS=1000000   the peer runs up to this size (statsmodels' ols needs
#                     ~2.5 GB per million rows, so 10M rows would not fit in RAM here)
#   BENCH_DIR=.build/bench   MEMCAST=.build/release/memcast
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-.build/bench}
MEMCAST=${MEMCAST:-.build/release/memcast}
PEER_MAX_ROWS=${PEER_MAX_ROWS:-1000000}
read -r -a WORKLOADS <<< "${WORKLOADS:-ingest ols}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(250 2500 25000 250000)

[ -x "$MEMCAST" ] || { echo "bench-scaling: $MEMCAST not built (run: make release)" >&2; exit 66; }
[ -x /usr/bin/time ] || { echo "bench-scaling: GNU time (/usr/bin/time) is required (apt-get install time)" >&2; exit 69; }
scripts/install-deps.sh --python
mkdir -p "$BENCH_DIR"

# measure WHO WORKLOAD PANEL: prints "seconds kilobytes" of one run
measure() {
  local who=$1 w=$2 panel=$3 log="$BENCH_DIR/scaling-time.log"
  if [ "$who" = memcast ]; then
    /usr/bin/time -v -o "$log" "$MEMCAST" bench "$w" "$panel" --format json > /dev/null
  else
    /usr/bin/time -v -o "$log" python3 bench/peer.py "$w" "$panel" > /dev/null
  fi
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
              /Maximum resident set size/ { kb = $2 }
              END { printf "%.3f %d\n", s, kb }' "$log"
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "bench-scaling: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| workload | rows | program | median s | peak MB | s per 1M rows | MB per 1M rows |"
echo "|---|---|---|---|---|---|---|"
for skus in "${SIZES[@]}"; do
  rows=$((skus * 40))
  panel="$BENCH_DIR/panel_${skus}.csv"
  if [ ! -s "$panel" ] || [ bench/gen_panel.py -nt "$panel" ]; then
    echo "bench-scaling: generating $panel ($rows rows)" >&2
    python3 bench/gen_panel.py "$panel.tmp" --skus "$skus" && mv "$panel.tmp" "$panel"
  fi
  for w in "${WORKLOADS[@]}"; do
    whos=(memcast); [ "$rows" -le "$PEER_MAX_ROWS" ] && whos+=(peer)
    for who in "${whos[@]}"; do
      echo "bench-scaling: $w $rows rows $who" >&2
      measure "$who" "$w" "$panel" > /dev/null   # warm-up (page cache)
      : > "$BENCH_DIR/scaling.times"
      for _ in $(seq 1 "$RUNS"); do measure "$who" "$w" "$panel" >> "$BENCH_DIR/scaling.times"; done
      t=$(cut -d' ' -f1 "$BENCH_DIR/scaling.times" | median); kb=$(cut -d' ' -f2 "$BENCH_DIR/scaling.times" | median)
      awk -v w="$w" -v r="$rows" -v who="$who" -v t="$t" -v kb="$kb" 'BEGIN {
        printf "| %s | %d | %s | %.3f | %.0f | %.3f | %.0f |\n", w, r, who, t, kb / 1024, t / (r / 1e6), kb / 1024 / (r / 1e6) }'
    done
  done
done
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg). Peer skipped above $PEER_MAX_ROWS rows."
