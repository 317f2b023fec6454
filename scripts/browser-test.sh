#!/usr/bin/env bash
# Browser test of the HTML report and charts (run by `make test` after swift test).
# Installs Debian's chromium when missing, writes a report and one chart of each
# kind with the built memcast, and has headless Chromium render them to DOM, PNG
# and PDF; Tests/browser/check_report.py judges the results (see its header).
# MEMCAST_BROWSER_ARTIFACTS=DIR keeps the files (PNGs to look at) in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --browser
bin="${MEMCAST_BIN:-.build/debug/memcast}"
[ -x "$bin" ] || swift build --product memcast
work="${MEMCAST_BROWSER_ARTIFACTS:-}"
if [ -z "$work" ]; then work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work"
quick=(--draws 2000 --companion-draws 300 --as-of 2026-02-28)
"$bin" report --out "$work/report.html" "${quick[@]}"
for kind in fan bom tornado vendors vintage; do
  "$bin" chart "$kind" --out "$work/chart-$kind.svg" "${quick[@]}" 2>/dev/null
done
python3 Tests/browser/check_report.py --chromium "$(command -v chromium)" --report "$work/report.html" \
  --out "$work/browser" --charts "$work"/chart-*.svg
