#!/usr/bin/env bash
# Build the images the integration tests use — postgres:15 and apache/kafka:3.9.1 — into the private
# Docker daemon, from Debian packages and Maven Central jars (no container registry is reachable here).
# An image is rebuilt only when it is missing or its recipe (this script + its image folder) changed.
#
# Usage:   eval "$(bash infra/docker/start-daemon.sh)"; bash infra/docker/build-images.sh [--force]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/docker/env.sh
source "$here/env.sh"

SUITE=bookworm                          # Debian release of both images (the machine's own release)
RECIPE_LABEL=org.civic-ledger.recipe    # image label holding the hash of the recipe it was built from
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

log() { echo "[build-images] $*" >&2; }

# --- bookkeeping for cleanup: mounted chroot /proc and half-built rootfs folders -----------------------
MOUNTS=()
WORKDIRS=()
cleanup() {
  local m d
  for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done
  for d in "${WORKDIRS[@]}"; do rm -rf --one-file-system "$d"; done
}
trap cleanup EXIT

recipe_hash() { # $1 = image folder; any change to its files or to this script gives a new hash
  (cd "$here" && find build-images.sh "$1" -type f | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -c1-16
}

image_is_current() { # $1 = image, $2 = recipe hash
  [ "$FORCE" = 0 ] &&
    [ "$(cl_docker image inspect -f "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1" 2>/dev/null)" = "$2" ]
}

# The Debian mirrors the host's apt already uses (e.g. "http://deb.debian.org/debian/ bookworm main").
apt_sources() {
  # shellcheck disable=SC2016  # $(...) here is apt's own template syntax
  apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' 'Identifier: Packages' 2>/dev/null |
    grep -E " ${SUITE}(-updates|-security)? " | sort -u
}

# --- the base root filesystem: debootstrap minbase, cached across runs ----------------------------------
BASE_ROOTFS="$CL_DOCKER_CACHE/rootfs/$SUITE-minbase"

ensure_base_rootfs() {
  [ -f "$BASE_ROOTFS/.complete" ] && return 0
  command -v debootstrap >/dev/null 2>&1 || cl_apt_install debootstrap
  [ -n "$(apt_sources)" ] || apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
  local mirror
  mirror="$(apt_sources | awk -v s="$SUITE" '$2 == s { print $1; exit }')"
  [ -n "$mirror" ] || { log "no Debian $SUITE mirror configured for apt"; exit 1; }
  log "debootstrap --variant=minbase $SUITE from $mirror (cached in $BASE_ROOTFS)"
  local tmp="$BASE_ROOTFS.tmp"
  rm -rf --one-file-system "$tmp"
  mkdir -p "$(dirname "$BASE_ROOTFS")" "$CL_DOCKER_CACHE"
  WORKDIRS+=("$tmp")
  debootstrap --variant=minbase "$SUITE" "$tmp" "$mirror" >"$CL_DOCKER_CACHE/debootstrap.log" 2>&1 ||
    { tail -n 20 "$CL_DOCKER_CACHE/debootstrap.log" >&2; exit 1; }
  rm -rf "$tmp"/var/cache/apt/archives/*.deb
  touch "$tmp/.complete"
  mv "$tmp" "$BASE_ROOTFS"
}

# --- per-image chroot -----------------------------------------------------------------------------------
new_rootfs() { # $1 = name; sets ROOTFS to a fresh copy of the base rootfs, ready for apt-get
  ROOTFS="$CL_DOCKER_CACHE/work/$1"
  BUILD_LOG="$CL_DOCKER_CACHE/build-$1.log"
  : >"$BUILD_LOG"
  local root="$ROOTFS"
  rm -rf --one-file-system "$root"
  mkdir -p "$(dirname "$root")"
  WORKDIRS+=("$root")
  cp -a "$BASE_ROOTFS" "$root"
  rm -f "$root/.complete"
  apt_sources | awk '{ print "deb " $1 " " $2 " " $3 }' >"$root/etc/apt/sources.list"
  # No service may start inside the chroot while packages install.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 0755 "$root/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # Java's and PostgreSQL's maintainer scripts need /proc.
  mount -t proc proc "$root/proc"
  MOUNTS+=("$root/proc")
}

in_chroot() { # $1 = rootfs, rest = command; output goes to $BUILD_LOG, shown only on failure
  local root="$1"; shift
  if ! DEBIAN_FRONTEND=noninteractive chroot "$root" "$@" >>"$BUILD_LOG" 2>&1; then
    log "failed in chroot: $*; last lines of $BUILD_LOG:"
    tail -n 30 "$BUILD_LOG" >&2
    exit 1
  fi
}

chroot_apt() { # $1 = rootfs, rest = packages
  local root="$1"; shift
  in_chroot "$root" apt-get install -y -q --no-install-recommends "$@"
}

chroot_apt_update() { # $1 = rootfs: package lists plus any security update of the base system
  in_chroot "$1" apt-get update -q
  in_chroot "$1" apt-get upgrade -y -q
}

pkg_version() { # $1 = rootfs, $2 = package: its installed version, recorded as an image label
  # shellcheck disable=SC2016  # ${Version} is dpkg-query's own template syntax
  chroot "$1" dpkg-query -W -f '${Version}' "$2"
}

finish_rootfs() { # $1 = rootfs: drop what a running container never needs
  local root="$1"
  in_chroot "$root" apt-get clean
  umount "$root/proc"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
    "$root"/usr/share/info/* "$root"/var/log/*.log "$root"/tmp/* "$root/usr/sbin/policy-rc.d"
  : >"$root/etc/resolv.conf"   # Docker bind-mounts its own
}

# $1 = image tag, $2 = rootfs, $3 = image folder (holds the Dockerfile with the metadata), $4 = recipe hash
import_image() {
  local tag="$1" root="$2" dir="$3" hash="$4"
  local base="civic-ledger/rootfs-${tag//[:\/]/-}:$hash"
  log "importing $tag ($(du -sh "$root" | cut -f1))"
  tar -C "$root" --numeric-owner --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -c . |
    cl_docker import - "$base" >/dev/null
  # Metadata (ENTRYPOINT, STOPSIGNAL, ...) comes from a Dockerfile: `docker import -c` lacks STOPSIGNAL.
  cl_docker build -q --build-arg "BASE=$base" --label "$RECIPE_LABEL=$hash" \
    --label "org.civic-ledger.debian-suite=$SUITE" "${@:5}" -t "$tag" - <"$here/$dir/Dockerfile" >/dev/null
  cl_docker rmi "$base" >/dev/null   # only untags it: the final image still uses its layer
  rm -rf --one-file-system "$root"
}

# --- postgres:15 ----------------------------------------------------------------------------------------
build_postgres() {
  local tag=postgres:15 hash
  hash="$(recipe_hash postgres-image)"
  if image_is_current "$tag" "$hash"; then log "$tag is up to date"; return 0; fi
  local t0=$SECONDS root
  log "building $tag"
  ensure_base_rootfs
  new_rootfs postgres
  root="$ROOTFS"
  chroot_apt_update "$root"
  # Like the official image: no cluster is created at install time; the entrypoint runs initdb.
  chroot_apt "$root" postgresql-common
  sed -ri 's/#(create_main_cluster) .*$/\1 = false/' "$root/etc/postgresql-common/createcluster.conf"
  chroot_apt "$root" postgresql-15
  install -m 0755 "$here/postgres-image/docker-entrypoint.sh" "$root/usr/local/bin/docker-entrypoint.sh"
  local version
  version="$(pkg_version "$root" postgresql-15)"
  finish_rootfs "$root"
  import_image "$tag" "$root" postgres-image "$hash" --label "org.civic-ledger.postgresql-15=$version"
  log "$tag built in $((SECONDS - t0)) s (postgresql-15 $version)"
}

# --- apache/kafka:3.9.1 ---------------------------------------------------------------------------------
build_kafka() {
  local tag=apache/kafka:3.9.1 hash dir="$here/kafka-image"
  hash="$(recipe_hash kafka-image)"
  if image_is_current "$tag" "$hash"; then log "$tag is up to date"; return 0; fi
  local t0=$SECONDS root
  log "building $tag"
  ensure_base_rootfs
  new_rootfs kafka
  root="$ROOTFS"
  chroot_apt_update "$root"
  chroot_apt "$root" openjdk-17-jre-headless

  # The broker's jars, exactly as pinned in kafka-image/pom.xml, from Maven Central (or ~/.m2).
  local mvn=mvn
  command -v mvn >/dev/null 2>&1 || mvn="$here/../../mvnw"
  mkdir -p "$root/opt/kafka/libs" "$root/opt/kafka/bin" "$root/opt/kafka/config" \
    "$root/etc/kafka/docker" "$root/var/lib/kafka/data"
  if ! "$mvn" -B -ntp -f "$dir/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$root/opt/kafka/libs" >>"$BUILD_LOG" 2>&1; then
    log "mvn dependency:copy-dependencies failed; see $BUILD_LOG"; tail -n 30 "$BUILD_LOG" >&2; exit 1
  fi

  install -m 0755 "$dir/run" "$root/etc/kafka/docker/run"
  install -m 0755 "$dir/kafka-run-class.sh" "$root/opt/kafka/bin/kafka-run-class.sh"
  install -m 0644 "$dir/log4j.properties" "$dir/tools-log4j.properties" "$dir/default-server.properties" \
    "$root/opt/kafka/config/"
  # bin/kafka-*.sh wrappers; each main class must exist in the jars, so a version bump cannot break them silently.
  local classes name class
  classes="$(for j in "$root"/opt/kafka/libs/kafka*.jar; do unzip -Z1 "$j"; done)"
  while read -r name class; do
    case "$name" in '' | '#'*) continue ;; esac
    grep -qxF "${class//.//}.class" <<<"$classes" || { log "main class $class of $name not in the jars"; exit 1; }
    printf '#!/bin/bash\nexec /opt/kafka/bin/kafka-run-class.sh %s "$@"\n' "$class" >"$root/opt/kafka/bin/$name"
    chmod 0755 "$root/opt/kafka/bin/$name"
  done <"$dir/tools.txt"

  local jre
  jre="$(pkg_version "$root" openjdk-17-jre-headless)"
  finish_rootfs "$root"
  import_image "$tag" "$root" kafka-image "$hash" --label "org.civic-ledger.openjdk-17=$jre"
  log "$tag built in $((SECONDS - t0)) s (openjdk-17-jre-headless $jre)"
}

cl_docker info >/dev/null 2>&1 ||
  { log "no daemon on $DOCKER_HOST: run infra/docker/start-daemon.sh first"; exit 1; }
command -v unzip >/dev/null 2>&1 || cl_apt_install unzip
build_postgres
build_kafka
# A rebuilt image leaves its predecessor untagged: drop such dangling images from the private daemon.
cl_docker image prune -f >/dev/null
