#!/usr/bin/env bash
# Stop the private Docker daemon started by start-daemon.sh, by the PID in its pid file.
# Images stay in the data-root; containers still running are stopped by dockerd on its way out.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/docker/env.sh
source "$here/env.sh"

pid="$(cat "$CL_DOCKER_PIDFILE" 2>/dev/null || true)"
if ! cl_pid_alive "$pid"; then
  echo "private dockerd is not running" >&2
  exit 0
fi

# Remember the managed containerd too, in case dockerd has to be killed and cannot stop it itself.
containerd_pid="$(cat "$CL_DOCKER_EXEC_ROOT/containerd/containerd.pid" 2>/dev/null || true)"

echo "stopping private dockerd (pid $pid)" >&2
kill -TERM "$pid"
# dockerd gives running containers up to 10 s to stop, then stops containerd.
for _ in $(seq 1 60); do
  cl_pid_alive "$pid" || break
  sleep 0.5
done
if cl_pid_alive "$pid"; then
  echo "dockerd did not stop within 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  if [ -n "$containerd_pid" ]; then kill -TERM "$containerd_pid" 2>/dev/null || true; fi
fi
rm -f "$CL_DOCKER_PIDFILE"
echo "private dockerd stopped" >&2
