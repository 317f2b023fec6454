#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium, installing Debian's `chromium`
# package with apt-get when none is found (needs root or sudo on a fresh machine).
set -euo pipefail
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then command -v "$c"; exit 0; fi
done
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "memcast: need root or sudo to install chromium for the browser test" >&2; exit 1; fi
fi
echo "memcast: installing chromium with apt-get (browser test)" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium
