#!/usr/bin/env bash
# Start (or reuse) the project's private Docker daemon, installing Debian's docker.io if needed.
#
# Usage:   eval "$(bash infra/docker/start-daemon.sh)"
# Prints on stdout (everything else goes to stderr):
#   export DOCKER_HOST=unix:///run/civic-ledger/docker.sock
#   export CL_DOCKER_STARTED=1   # 1 = this call started the daemon, 0 = it was already running
#   export TESTCONTAINERS_...    # what Testcontainers needs with this daemon (see infra/test.sh)
# Stop it with infra/docker/stop-daemon.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/docker/env.sh
source "$here/env.sh"

daemon_answers() { cl_docker info >/dev/null 2>&1; }

print_env() {
  echo "export DOCKER_HOST=$DOCKER_HOST"
  echo "export CL_DOCKER_STARTED=$1"
  # No registry: Ryuk and the start-up checks' alpine image cannot be pulled; /.dockerenv on this
  # machine would make Testcontainers start alpine to find the host address, but it is localhost.
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export TESTCONTAINERS_CHECKS_DISABLE=true"
  echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"
}

# Idempotent: a daemon that already answers on our socket is reused as it is.
if [ -S "$CL_DOCKER_SOCK" ] && daemon_answers; then
  echo "private dockerd already running on $CL_DOCKER_SOCK" >&2
  print_env 0
  exit 0
fi

# A fresh machine of this kind has no daemon (only a v28 client in /usr/local/bin): install Debian's.
if ! command -v dockerd >/dev/null 2>&1 || [ ! -x "$CL_DOCKER_CLI" ]; then
  cl_apt_install docker.io
fi

mkdir -p "$CL_DOCKER_DATA_ROOT" "$CL_DOCKER_EXEC_ROOT" "$CL_DOCKER_RUN_DIR"
chmod 711 "$CL_DOCKER_DATA_ROOT"

# A daemon that died without cleaning up leaves a pid file that would block the restart.
if [ -f "$CL_DOCKER_PIDFILE" ]; then
  old_pid="$(cat "$CL_DOCKER_PIDFILE" 2>/dev/null || true)"
  if cl_pid_alive "$old_pid"; then
    echo "dockerd pid $old_pid exists but does not answer yet; waiting for it" >&2
  else
    rm -f "$CL_DOCKER_PIDFILE" "$CL_DOCKER_SOCK"
  fi
fi

if [ ! -f "$CL_DOCKER_PIDFILE" ]; then
  echo "starting private dockerd (data-root $CL_DOCKER_DATA_ROOT, log $CL_DOCKER_LOG)" >&2
  # setsid: the daemon must outlive the shell that started it; its containerd is started and stopped by it.
  # shellcheck disable=SC2086  # CL_DOCKERD_EXTRA_ARGS is a list of extra flags on purpose
  setsid dockerd \
    --data-root "$CL_DOCKER_DATA_ROOT" \
    --exec-root "$CL_DOCKER_EXEC_ROOT" \
    --pidfile "$CL_DOCKER_PIDFILE" \
    --host "unix://$CL_DOCKER_SOCK" \
    ${CL_DOCKERD_EXTRA_ARGS:-} \
    </dev/null >>"$CL_DOCKER_LOG" 2>&1 &
  started_pid=$!
fi

# Wait for the API; dockerd usually answers within 1-3 s.
for _ in $(seq 1 120); do
  if daemon_answers; then break; fi
  if [ -n "${started_pid:-}" ] && ! cl_pid_alive "$started_pid"; then
    echo "dockerd exited during start-up; last lines of $CL_DOCKER_LOG:" >&2
    tail -n 30 "$CL_DOCKER_LOG" >&2
    exit 1
  fi
  sleep 0.5
done
if ! daemon_answers; then
  echo "dockerd did not answer on $CL_DOCKER_SOCK within 60 s; see $CL_DOCKER_LOG" >&2
  exit 1
fi

# Without Ryuk, a test JVM that was killed leaves its containers behind: drop them on a fresh start.
leftovers="$(cl_docker ps -aq --filter label=org.testcontainers=true)"
if [ -n "$leftovers" ]; then
  echo "removing $(echo "$leftovers" | wc -l) leftover Testcontainers container(s)" >&2
  # shellcheck disable=SC2086  # one id per word
  cl_docker rm -f -v $leftovers >/dev/null
fi

echo "private dockerd ready: $(cl_docker version --format '{{.Server.Version}}') on $CL_DOCKER_SOCK" >&2
print_env 1
