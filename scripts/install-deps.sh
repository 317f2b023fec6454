#!/usr/bin/env bash
# Installs what memcast needs on a fresh Debian machine, only when missing:
# the BLAS/LAPACK libraries (always) and, with --python, the Python stack the
# cross-check tests compare against (numpy, scipy, pandas, statsmodels); with
# --browser, Debian's chromium for the report's browser test.
set -euo pipefail

need=()
for p in libopenblas-dev liblapacke-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
for arg in "$@"; do
  if [ "$arg" = --browser ]; then
    command -v chromium >/dev/null 2>&1 || need+=(chromium)
    command -v python3 >/dev/null 2>&1 || need+=(python3)
    # The charts' font stack ends in DejaVu Sans; without any font Chromium draws no text.
    dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
  fi
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "memcast: need root or sudo to install: ${need[*]}" >&2; exit 1; fi
  fi
  echo "memcast: installing ${need[*]} with apt-get" >&2
  # `env` inside sudo: sudo drops the caller's environment, DEBIAN_FRONTEND included.
  # The lock timeout waits for another apt run (unattended upgrades) instead of failing.
  apt=($sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
  "${apt[@]}" update -qq
  "${apt[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

for arg in "$@"; do
  case "$arg" in
    --python)
      if ! python3 -c "import numpy, scipy, pandas, statsmodels" >/dev/null 2>&1; then
        echo "memcast: installing numpy scipy pandas statsmodels with pip" >&2
        python3 -m pip install -q numpy scipy pandas statsmodels
      fi ;;
  esac
done
