#!/usr/bin/env bash
# Run the whole test suite: `./mvnw -B -ntp verify "$@"` with a Docker daemon for Testcontainers.
# No container registry is reachable here, so a private dockerd is started (infra/docker/start-daemon.sh)
# and postgres:15 / apache/kafka:3.9.1 are built locally when missing (infra/docker/build-images.sh).
# A daemon this script started is stopped again on exit; Maven's exit code is the script's.
#
# Usage:  bash infra/test.sh [extra Maven args, e.g. -pl query-service -Dtest=SomeIT]
# Set CL_DOCKER_EXTERNAL=1 to use the Docker your environment already points at (DOCKER_HOST) instead.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "${CL_DOCKER_EXTERNAL:-0}" != 1 ]; then
  t0=$SECONDS
  eval "$(bash infra/docker/start-daemon.sh)"
  if [ "$CL_DOCKER_STARTED" = 1 ]; then
    # Stop only a daemon we started: another caller may still be using one that was already running.
    trap 'bash infra/docker/stop-daemon.sh || true' EXIT
    # Turn SIGINT/SIGTERM into a normal exit so the EXIT trap runs.
    trap 'exit 130' INT
    trap 'exit 143' TERM
  fi
  bash infra/docker/build-images.sh
  echo "[test.sh] Docker ready with test images in $((SECONDS - t0)) s (DOCKER_HOST=$DOCKER_HOST)"
fi

# Browser tests drive Debian's Chromium with axe-core's audit: installed when missing.
eval "$(bash infra/browser/install.sh)"

# Ryuk's image cannot be pulled here (containers are still removed after each test class), and the
# start-up checks would need alpine:3.17.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_CHECKS_DISABLE=true
# /.dockerenv exists on this machine, so Testcontainers believes it runs in a container and starts
# alpine:3.17 to find a gateway address; the daemon is local, so containers are reached on localhost.
export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"

mvn_cmd=(sh ./mvnw)               # via sh: works even if the executable bit got lost
[ -f ./mvnw ] || mvn_cmd=(mvn)    # no wrapper (yet): the machine's Maven

status=0
"${mvn_cmd[@]}" -B -ntp verify "$@" || status=$?
exit "$status"
