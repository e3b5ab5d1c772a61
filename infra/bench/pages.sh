#!/usr/bin/env bash
# Load on the public file page, as a newcomer's browser asks for it: wrk (Debian package `wrk`) at 32 connections
# against a running query-service with the Madison demo (infra/run.sh). Starts nothing; prints wrk's figures.
# Usage: bash infra/bench/pages.sh [queryUrl] [seconds] [connections]
set -euo pipefail
Q="${1:-http://localhost:8082}"
SECONDS_="${2:-20}"
CONNECTIONS="${3:-32}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
FILE=$(curl -fsS "$Q/api/files?sponsor=shiva-bidar" | sed -n 's/.*"fileId":"\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$FILE" ] || { echo "no file by shiva-bidar at $Q (load the Madison demo first)" >&2; exit 2; }
echo "file page $Q/files/$FILE: $(curl -fsS -o /dev/null -w '%{size_download}' "$Q/files/$FILE") bytes of HTML"
echo "warm-up (5 s)"
wrk -t2 -c"$CONNECTIONS" -d5s "$Q/files/$FILE" >/dev/null
echo "measured ($SECONDS_ s, $CONNECTIONS connections, $(date -u +%F))"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency "$Q/files/$FILE"
