#!/usr/bin/env bash
# Load on the public file page, as a newcomer's browser asks for it: wrk (Debian package `wrk`) at 32 connections
# against a running query-service with the Madison demo (infra/run.sh). Starts nothing; prints wrk's figures.
# Usage: bash infra/bench/pages.sh [queryUrl] [seconds] [connections] [requestsPerSecond]
# With requestsPerSecond, each connection waits between its requests so that all of them together ask about that
# many (a little less: the wait does not count the answer's own time); without it, as fast as the service answers.
set -euo pipefail
Q="${1:-http://localhost:8082}"
SECONDS_="${2:-20}"
CONNECTIONS="${3:-32}"
RATE="${4:-}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
FILE=$(curl -fsS "$Q/api/files?sponsor=shiva-bidar" | sed -n 's/.*"fileId":"\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$FILE" ] || { echo "no file by shiva-bidar at $Q (load the Madison demo first)" >&2; exit 2; }
echo "file page $Q/files/$FILE: $(curl -fsS -o /dev/null -w '%{size_download}' "$Q/files/$FILE") bytes of HTML"
echo "warm-up (5 s)"
wrk -t2 -c"$CONNECTIONS" -d5s "$Q/files/$FILE" >/dev/null
PACE=()
if [ -n "$RATE" ]; then
  LUA=$(mktemp --suffix=.lua)
  trap 'rm -f "$LUA"' EXIT
  echo "function delay() return $((CONNECTIONS * 1000 / RATE)) end" >"$LUA"
  PACE=(-s "$LUA")
fi
echo "measured ($SECONDS_ s, $CONNECTIONS connections${RATE:+, paced for $RATE requests/s}, $(date -u +%F)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency "${PACE[@]}" "$Q/files/$FILE"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
