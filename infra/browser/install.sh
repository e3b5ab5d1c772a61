#!/usr/bin/env bash
# What the browser tests need, installed when missing: Debian's chromium and chromium-driver (same version by package
# dependency), and axe-core's axe.min.js from the npm registry (pinned in package-lock.json).
# Prints `export CIVIC_CHROMIUM=… CIVIC_CHROMEDRIVER=… CIVIC_AXE=…` for the caller to eval.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "[browser] installing chromium and chromium-driver" >&2
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  # Another apt may hold the lock (the docker.io install, unattended upgrades): wait for it.
  for _ in $(seq 1 60); do
    fuser /var/lib/dpkg/lock-frontend >/dev/null 2>&1 || break
    sleep 2
  done
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q chromium chromium-driver >&2 \
    || { "${sudo_cmd[@]}" apt-get update -q >&2 && \
         DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q chromium chromium-driver >&2; }
fi

if [ ! -f "$here/node_modules/axe-core/axe.min.js" ]; then
  echo "[browser] installing axe-core (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --silent >&2)
fi

echo "export CIVIC_CHROMIUM=$(command -v chromium)"
echo "export CIVIC_CHROMEDRIVER=$(command -v chromedriver)"
echo "export CIVIC_AXE=$here/node_modules/axe-core/axe.min.js"
