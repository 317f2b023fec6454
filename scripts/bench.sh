#!/usr/bin/env bash
# Times memcast against the pandas/statsmodels/numpy peer on the 1,000,000-row
# panel, workload by workload (bench/README.md), and prints a Markdown table of
# whole-process median wall time and peak resident memory, with their ratios.
#
# Usage: scripts/bench.sh [WORKLOAD ...]        (default: all five)
# Environment:
#   RUNS=5          measured runs of each program per workload (after one warm-up each)
#   SKUS=25000      panel size (40 rows per SKU; 25000 → 1,000,000 rows)
#   BENCH_DIR=.build/bench   where the panel and run logs go
#   MEMCAST=.build/release/memcast
#
# The two programs run alternately (memcast, peer, then peer, memcast, …) so that
# load from other processes on a shared machine hits both alike; each run is
# measured by GNU time (`/usr/bin/time -v`: elapsed wall clock and maximum
# resident set size of the whole process). Ratios are peer / memcast for time
# and memory, so > 1 means memcast is faster or smaller. After timing, the last
# outputs of both are compared number by number (bench/compare.py).
#
# The ingest workload is also timed against polars (bench/polars_ingest.py, the same
# work in polars) when `import polars` works, in the same alternation (memcast, peer,
# polars, then polars, peer, memcast, …); it gets its own row, "ingest (polars)".
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SKUS=${SKUS:-25000}
BENCH_DIR=${BENCH_DIR:-.build/bench}
MEMCAST=${MEMCAST:-.build/release/memcast}
WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(ingest ols bootstrap montecarlo backtest)

[ -x "$MEMCAST" ] || { echo "bench: $MEMCAST not built (run: swift build -c release --product memcast)" >&2; exit 66; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is required (apt-get install time)" >&2; exit 69; }
scripts/install-deps.sh --python

mkdir -p "$BENCH_DIR"
PANEL="$BENCH_DIR/panel_${SKUS}.csv"
if [ ! -s "$PANEL" ] || [ bench/gen_panel.py -nt "$PANEL" ]; then
  echo "bench: generating $PANEL ($((SKUS * 40)) rows)" >&2
  python3 bench/gen_panel.py "$PANEL.tmp" --skus "$SKUS" && mv "$PANEL.tmp" "$PANEL"
fi

# run NAME WORKLOAD OUT: one measured run; appends "seconds kilobytes" to $BENCH_DIR/NAME-WORKLOAD.times
run() {
  local who=$1 w=$2 out=$3 log="$BENCH_DIR/time.log"
  if [ "$who" = memcast ]; then
    /usr/bin/time -v -o "$log" "$MEMCAST" bench "$w" "$PANEL" --format json > "$out"
  elif [ "$who" = polars ]; then
    /usr/bin/time -v -o "$log" python3 bench/polars_ingest.py "$PANEL" > "$out"
  else
    /usr/bin/time -v -o "$log" python3 bench/peer.py "$w" "$PANEL" > "$out"
  fi
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
              /Maximum resident set size/ { kb = $2 }
              END { printf "%.3f %d\n", s, kb }' "$log" >> "$BENCH_DIR/$who-$w.times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
HAVE_POLARS=no
python3 -c 'import polars' 2>/dev/null && HAVE_POLARS=yes
[ "$HAVE_POLARS" = yes ] || echo "bench: polars not importable; the ingest row against polars is skipped" >&2

# row LABEL WORKLOAD OTHER: the table row of memcast against OTHER (peer or polars)
row() {
  local label=$1 w=$2 other=$3
  local mt pt mm pm same
  mt=$(cut -d' ' -f1 "$BENCH_DIR/memcast-$w.times" | median); pt=$(cut -d' ' -f1 "$BENCH_DIR/$other-$w.times" | median)
  mm=$(cut -d' ' -f2 "$BENCH_DIR/memcast-$w.times" | median); pm=$(cut -d' ' -f2 "$BENCH_DIR/$other-$w.times" | median)
  # Checked against the peer's numbers (the reference): memcast's, or polars' in its row.
  local checked=memcast; [ "$other" = polars ] && checked=polars
  same=$(python3 bench/compare.py "$w" "$BENCH_DIR/peer-$w.json" "$BENCH_DIR/$checked-$w.json" >/dev/null 2>&1 && echo yes || echo NO)
  awk -v w="$label" -v mt="$mt" -v pt="$pt" -v mm="$mm" -v pm="$pm" -v same="$same" 'BEGIN {
    printf "| %s | %.2f | %.2f | %.1f× | %.0f | %.0f | %.2f× | %s |", w, mt, pt, pt / mt, mm / 1024, pm / 1024, pm / mm, same }'
}

rows=()
for w in "${WORKLOADS[@]}"; do
  others=(peer); [ "$w" = ingest ] && [ "$HAVE_POLARS" = yes ] && others+=(polars)
  clear_times() { rm -f "$BENCH_DIR/memcast-$w.times"; for o in "${others[@]}"; do rm -f "$BENCH_DIR/$o-$w.times"; done; }
  clear_times
  echo "bench: $w: warm-up" >&2
  run memcast "$w" "$BENCH_DIR/memcast-$w.json"
  for o in "${others[@]}"; do run "$o" "$w" "$BENCH_DIR/$o-$w.json"; done
  clear_times
  for i in $(seq 1 "$RUNS"); do
    echo "bench: $w: run $i of $RUNS" >&2
    if [ $((i % 2)) = 1 ]; then
      run memcast "$w" "$BENCH_DIR/memcast-$w.json"
      for o in "${others[@]}"; do run "$o" "$w" "$BENCH_DIR/$o-$w.json"; done
    else
      for ((j = ${#others[@]} - 1; j >= 0; j--)); do run "${others[j]}" "$w" "$BENCH_DIR/${others[j]}-$w.json"; done
      run memcast "$w" "$BENCH_DIR/memcast-$w.json"
    fi
  done
  rows+=("$(row "$w" "$w" peer)")
  for o in "${others[@]}"; do [ "$o" = polars ] && rows+=("$(row "$w (polars)" "$w" polars)"); done
done

echo
echo "Panel: $PANEL ($((SKUS * 40)) rows); $RUNS alternating runs of each after one warm-up; medians."
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average (1, 5, 15 min) at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| workload | memcast s | peer s | time ratio (peer/memcast) | memcast peak MB | peer peak MB | memory ratio | same numbers |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
[ "$HAVE_POLARS" = yes ] && [[ " ${WORKLOADS[*]} " == *" ingest "* ]] &&
  echo && echo "In the \"ingest (polars)\" row the peer columns are polars' (bench/polars_ingest.py, polars $(python3 -c 'import polars; print(polars.__version__)')), and \"same numbers\" checks polars' output against the pandas peer's."
exit 0
