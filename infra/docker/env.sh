# shellcheck shell=bash
# Shared settings for the private Docker daemon; sourced by the scripts in infra/docker/.
# Every path can be overridden from the environment (e.g. to run two daemons side by side).

# Persistent: images built here survive between runs on the same machine.
CL_DOCKER_DATA_ROOT="${CL_DOCKER_DATA_ROOT:-/var/lib/civic-ledger/docker}"
# Volatile runtime state (socket, pid file, containerd state) lives under /run.
CL_DOCKER_RUN_DIR="${CL_DOCKER_RUN_DIR:-/run/civic-ledger}"
CL_DOCKER_EXEC_ROOT="${CL_DOCKER_EXEC_ROOT:-$CL_DOCKER_RUN_DIR/docker-exec}"
CL_DOCKER_PIDFILE="${CL_DOCKER_PIDFILE:-$CL_DOCKER_RUN_DIR/docker.pid}"
CL_DOCKER_SOCK="${CL_DOCKER_SOCK:-$CL_DOCKER_RUN_DIR/docker.sock}"
CL_DOCKER_LOG="${CL_DOCKER_LOG:-$CL_DOCKER_RUN_DIR/dockerd.log}"
# Build caches (debootstrap rootfs, Kafka jars, saved image tarballs).
CL_DOCKER_CACHE="${CL_DOCKER_CACHE:-/var/cache/civic-ledger}"

# Debian's client (/usr/bin/docker, 20.10) matches the daemon; /usr/local/bin/docker (28.x) may shadow it.
CL_DOCKER_CLI="${CL_DOCKER_CLI:-/usr/bin/docker}"

export DOCKER_HOST="unix://$CL_DOCKER_SOCK"

# True if the PID runs; a zombie (killed, not yet reaped by its parent) counts as gone.
cl_pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"
}

# Run the Debian docker client against the private daemon.
cl_docker() { "$CL_DOCKER_CLI" "$@"; }

# apt-get install the given Debian packages (apt-get update first), waiting for the dpkg lock, starting no service.
cl_apt_install() {
  local tmp_policy="" lock=(-o DPkg::Lock::Timeout=600)
  # Without a policy-rc.d, docker.io's postinst would start a system dockerd on /var/run/docker.sock.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    tmp_policy=/usr/sbin/policy-rc.d
  fi
  echo "apt-get install $*" >&2
  DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -q --no-install-recommends "$@" >/dev/null
  if [ -n "$tmp_policy" ]; then rm -f "$tmp_policy"; fi
}
