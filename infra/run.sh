#!/usr/bin/env bash
# Runs civic-ledger on this machine without Docker: PostgreSQL, a single-node KRaft Kafka
# broker, command-service (clerk API) and query-service (public API), then loads the
# Madison demo. Stays in the foreground; Ctrl-C stops only what this script started.
#
#   infra/run.sh [--fresh] [--no-build] [--no-demo]
#
#   --fresh     start from an empty ledger: drop the local civic_ledger database and the
#               local broker's data (only those this script manages)
#   --no-build  use the jars already built in */target
#   --no-demo   do not load the Madison demo
#
# What it starts:
#   PostgreSQL  only when CIVIC_DB_URL is not set and nothing answers on localhost:5432:
#               the Debian cluster is started (PostgreSQL is installed with apt if absent).
#               The database civic_ledger is created if missing.
#   Kafka       only when CIVIC_KAFKA_BOOTSTRAP is not set and nothing answers on
#               localhost:9092 (LOCAL_KAFKA_PORT): infra/kafka/start-kafka.sh.
#   services    always, on CIVIC_COMMAND_PORT (8081) and CIVIC_QUERY_PORT (8082).
#
# The services read CIVIC_DB_URL, CIVIC_DB_USER, CIVIC_DB_PASSWORD, CIVIC_KAFKA_BOOTSTRAP
# and CIVIC_KAFKA_TOPIC from this environment. CIVIC_JAVA_OPTS sets their JVM flags,
# CIVIC_HEALTH_TIMEOUT (s) how long to wait for them. Logs go to infra/.run/.
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$INFRA_DIR")"
RUN_DIR="$INFRA_DIR/.run"
# shellcheck source=infra/kafka/common.sh
. "$INFRA_DIR/kafka/common.sh"

COMMAND_PORT="${CIVIC_COMMAND_PORT:-8081}"
QUERY_PORT="${CIVIC_QUERY_PORT:-8082}"
JAVA_OPTS="${CIVIC_JAVA_OPTS:--Xmx768m}"
HEALTH_TIMEOUT="${CIVIC_HEALTH_TIMEOUT:-180}"
DB_NAME=civic_ledger
DB_USER="${CIVIC_DB_USER:-postgres}"

fresh=false build=true demo=true db_created=false
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=true ;;
    --no-build) build=false ;;
    --no-demo) demo=false ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold="" plain=""; fi
say() { printf '%srun:%s %s\n' "$bold" "$plain" "$*"; }
die() { printf 'run: ERROR: %s\n' "$*" >&2; exit 1; }

# ---- what this script started, stopped in reverse order on exit ----------------------
service_names=() service_pids=()
started_kafka=false started_pg_cluster=""

stop_pid() {
  local name=$1 pid=$2
  kill -0 "$pid" 2>/dev/null || return 0
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  # Spring's graceful shutdown waits up to 30 s for requests in flight (e.g. SSE streams).
  for _ in $(seq 1 225); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  say "$name did not stop within 45 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  # Keep stopping things even if the terminal or a pipe reading our output (| tee) is gone.
  trap '' PIPE
  set +e
  local i
  for (( i=${#service_pids[@]}-1; i>=0; i-- )); do
    stop_pid "${service_names[$i]}" "${service_pids[$i]}"
  done
  if $started_kafka; then "$KAFKA_SRC_DIR/stop-kafka.sh" || true; fi
  if [ -n "$started_pg_cluster" ]; then
    say "stopping PostgreSQL cluster $started_pg_cluster"
    # shellcheck disable=SC2086 # "VERSION main"
    pg_ctlcluster --skip-systemctl-redirect $started_pg_cluster stop || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---- tools ----------------------------------------------------------------------------
apt_updated=false
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "please install: $* (installing it here needs root and apt-get)"
  fi
  say "installing $* with apt-get"
  if ! $apt_updated; then apt-get update -qq; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_tools() {
  command -v java >/dev/null || die "java (17 or newer) is not installed"
  local java_major
  java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${java_major:-0}" -ge 17 ] 2>/dev/null || die "java 17 or newer is needed; found ${java_major:-unknown}"
  local missing=()
  command -v mvn >/dev/null || [ -x "$REPO_ROOT/mvnw" ] || missing+=(maven)
  command -v curl >/dev/null || missing+=(curl)
  command -v jq >/dev/null || missing+=(jq)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# ---- build ----------------------------------------------------------------------------
COMMAND_JAR="${CIVIC_COMMAND_JAR:-$REPO_ROOT/command-service/target/command-service.jar}"
QUERY_JAR="${CIVIC_QUERY_JAR:-$REPO_ROOT/query-service/target/query-service.jar}"

build_jars() {
  local mvn=mvn
  [ -x "$REPO_ROOT/mvnw" ] && mvn="$REPO_ROOT/mvnw"
  say "building the services and the offline verifier (log: $RUN_DIR/build.log)"
  if ! (cd "$REPO_ROOT" && "$mvn" -B -ntp -DskipTests -pl command-service,query-service,verifier -am package) \
      2>&1 | tee "$RUN_DIR/build.log" | grep --line-buffered -E '^\[INFO\] Building |BUILD|ERROR' ; then
    tail -n 40 "$RUN_DIR/build.log" >&2
    die "the build failed (log: $RUN_DIR/build.log)"
  fi
}

# ---- PostgreSQL -----------------------------------------------------------------------
psql_local() {  # [--db NAME] psql arguments...
  local db=postgres
  if [ "${1:-}" = --db ]; then db=$2; shift 2; fi
  PGPASSWORD="${CIVIC_DB_PASSWORD:-}" PGCONNECT_TIMEOUT=5 \
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U "$DB_USER" -d "$db" "$@"
}

install_postgres() {
  apt_install postgresql
  # Same authentication as on this project's machines: trust on the loopback addresses,
  # so the services' default (user postgres, empty password) logs in.
  local hba
  for hba in /etc/postgresql/*/main/pg_hba.conf; do
    if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
      sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
      say "set trust authentication for 127.0.0.1 and ::1 in $hba"
    fi
  done
}

ensure_local_postgres() {
  if ! port_open 5432; then
    command -v pg_ctlcluster >/dev/null || install_postgres
    local version
    version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
    [ -n "$version" ] || die "no PostgreSQL cluster under /etc/postgresql; create one with pg_createcluster"
    say "starting PostgreSQL $version (cluster main)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    started_pg_cluster="$version main"
    for _ in $(seq 1 50); do port_open 5432 && break; sleep 0.2; done
    port_open 5432 || die "PostgreSQL $version did not open port 5432"
  fi
  command -v psql >/dev/null || apt_install postgresql-client
  psql_local -tAc 'select 1' >/dev/null 2>&1 \
    || die "cannot log in to PostgreSQL on localhost:5432 as '$DB_USER'; set CIVIC_DB_USER/CIVIC_DB_PASSWORD or CIVIC_DB_URL"
  if $fresh; then
    say "--fresh: dropping database $DB_NAME"
    psql_local -c "drop database if exists $DB_NAME with (force)"
  fi
  if [ -z "$(psql_local -tAc "select 1 from pg_database where datname = '$DB_NAME'")" ]; then
    say "creating database $DB_NAME"
    psql_local -c "create database $DB_NAME"
    db_created=true
  fi
}

# ---- Kafka ----------------------------------------------------------------------------
ensure_local_kafka() {
  if port_open "$KAFKA_PORT"; then
    say "using the Kafka broker already listening on localhost:$KAFKA_PORT"
    if $fresh || $db_created; then
      say "WARNING: the ledger is new but this broker was not started here: its topic keeps older events"
    fi
    return 0
  fi
  # Which database the topic belongs to: a database dropped and made again elsewhere (another checkout's --fresh)
  # has a new oid, and its ledger must not be read against this topic (positions would clash).
  local ledger_marker="$KAFKA_RUN_DIR/ledger-database-oid" db_oid=""
  if [ -z "${CIVIC_DB_URL:-}" ]; then
    db_oid=$(psql_local -tAc "select oid from pg_database where datname = '$DB_NAME'")
  fi
  if $fresh || $db_created; then
    # The topic only distributes the ledger in the database: a new ledger needs a new topic.
    [ -d "$KAFKA_DATA_DIR" ] && say "new ledger: wiping the local broker's data in $KAFKA_DATA_DIR"
    rm -rf "$KAFKA_DATA_DIR"
  elif [ ! -s "$KAFKA_DATA_DIR/meta.properties" ] && [ -z "${CIVIC_DB_URL:-}" ] \
      && [ -n "$(psql_local --db "$DB_NAME" -tAc \
        "select 1 from pg_namespace where nspname in ('command', 'query')")" ]; then
    # The services keep their Kafka positions in the database: against an empty new topic
    # the public side would skip events until the topic grew past its stored offsets.
    die "database $DB_NAME holds a ledger but the local broker's data ($KAFKA_DATA_DIR) is gone; run with --fresh to start over"
  elif [ -n "$db_oid" ] && [ -s "$ledger_marker" ] && [ "$(cat "$ledger_marker")" != "$db_oid" ]; then
    die "the local broker's topic ($KAFKA_DATA_DIR) holds an earlier ledger: database $DB_NAME was dropped and made again since (another checkout's --fresh?); run with --fresh to start over"
  fi
  if [ -n "$db_oid" ]; then
    mkdir -p "$KAFKA_RUN_DIR"
    printf '%s\n' "$db_oid" > "$ledger_marker"
  fi
  say "starting the local Kafka broker (log: $KAFKA_LOG_FILE)"
  started_kafka=true
  "$KAFKA_SRC_DIR/start-kafka.sh"
}

# ---- services -------------------------------------------------------------------------
start_service() {
  local name=$1 jar=$2 port=$3; shift 3
  port_open "$port" && die "port $port is already in use (another run.sh?); cannot start $name"
  say "starting $name on port $port (log: $RUN_DIR/$name.log)"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM flags
  env "$@" SERVER_PORT="$port" java $JAVA_OPTS -jar "$jar" > "$RUN_DIR/$name.log" 2>&1 < /dev/null &
  service_names+=("$name")
  service_pids+=("$!")
}

wait_healthy() {
  local name=$1 pid=$2 port=$3 deadline=$(( $(date +%s) + HEALTH_TIMEOUT ))
  local url="http://localhost:$port/actuator/health"
  # DEGRADED: the query side serves, with dead letters listed at /api/dead-letters.
  until curl -fsS --max-time 3 "$url" 2>/dev/null | grep -Eq '^\{"status" *: *"(UP|DEGRADED)"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$RUN_DIR/$name.log" >&2
      die "$name exited during start (log: $RUN_DIR/$name.log)"
    fi
    [ "$(date +%s)" -lt "$deadline" ] || die "$name not healthy at $url after ${HEALTH_TIMEOUT}s (log: $RUN_DIR/$name.log)"
    sleep 1
  done
  say "$name is up"
}

# ---- main -----------------------------------------------------------------------------
mkdir -p "$RUN_DIR"
ensure_tools
if $build || [ ! -f "$COMMAND_JAR" ] || [ ! -f "$QUERY_JAR" ]; then build_jars; fi
[ -f "$COMMAND_JAR" ] || die "missing $COMMAND_JAR after the build"
[ -f "$QUERY_JAR" ] || die "missing $QUERY_JAR after the build"

if [ -z "${CIVIC_DB_URL:-}" ]; then
  ensure_local_postgres
  db_desc="localhost:5432/$DB_NAME (user $DB_USER)"
else
  say "using CIVIC_DB_URL=$CIVIC_DB_URL"
  db_desc="$CIVIC_DB_URL"
fi

if [ -z "${CIVIC_KAFKA_BOOTSTRAP:-}" ]; then
  ensure_local_kafka
  export CIVIC_KAFKA_BOOTSTRAP="localhost:$KAFKA_PORT"  # LOCAL_KAFKA_PORT may move it off 9092
  kafka_desc="$CIVIC_KAFKA_BOOTSTRAP"
else
  say "using CIVIC_KAFKA_BOOTSTRAP=$CIVIC_KAFKA_BOOTSTRAP"
  kafka_desc="$CIVIC_KAFKA_BOOTSTRAP"
fi

start_service command-service "$COMMAND_JAR" "$COMMAND_PORT" SPRING_PROFILES_ACTIVE=demo \
  "CIVIC_QUERY_URL=${CIVIC_QUERY_URL:-http://localhost:$QUERY_PORT}"
# The demo is Madison's record: its minutes are headed with the city's name.
start_service query-service "$QUERY_JAR" "$QUERY_PORT" SPRING_PROFILES_ACTIVE=demo \
  "CIVIC_CITY_NAME=${CIVIC_CITY_NAME:-City of Madison}"
wait_healthy command-service "${service_pids[0]}" "$COMMAND_PORT"
wait_healthy query-service "${service_pids[1]}" "$QUERY_PORT"

if $demo; then
  "$INFRA_DIR/demo/madison.sh" "http://localhost:$COMMAND_PORT" "http://localhost:$QUERY_PORT" \
    || die "the Madison demo failed to load (see above)"
fi

# The command side logs its log's verifier key at start: the key readers check checkpoints with.
log_key=$(grep -o 'Transparency log verifier key: .*' "$RUN_DIR/command-service.log" 2>/dev/null | tail -n 1 \
  | sed 's/^Transparency log verifier key: //')
# The query side trusts the first key it sees on the checkpoints topic (or CIVIC_LOG_VERIFIER_KEY): it must be this one.
if [ -n "$log_key" ]; then
  for _ in $(seq 1 20); do
    query_key=$(curl -fsS "http://localhost:$QUERY_PORT/api/log/key" 2>/dev/null | tr -d '\n' || true)
    [ -n "$query_key" ] && break
    sleep 0.5
  done
  if [ -n "${query_key:-}" ] && [ "$query_key" != "$log_key" ]; then
    say "WARNING: query-service checks checkpoints with $query_key, not the log's key $log_key;"
    say "         set CIVIC_LOG_VERIFIER_KEY=$log_key for query-service (see README, Verify the record yourself)"
  fi
fi

cat <<EOF

civic-ledger is running.
  clerk API (command-service)  http://localhost:$COMMAND_PORT   demo login: clerk / clerk
  public API (query-service)   http://localhost:$QUERY_PORT/api/files?sponsor=shiva-bidar
  PostgreSQL                   $db_desc
  Kafka                        $kafka_desc, topic ${CIVIC_KAFKA_TOPIC:-civic-ledger.events}
  log verifier key             ${log_key:-(see $RUN_DIR/command-service.log)}
                               also at http://localhost:$COMMAND_PORT/api/log/key
  verify a records request     curl -o res.zip http://localhost:$QUERY_PORT/api/files/<fileId>/records-request
                               java -jar verifier/target/civic-verify.jar bundle res.zip --key '<the key above>'
  logs                         $RUN_DIR/{command-service,query-service,kafka}.log

Press Ctrl-C to stop what this script started.
EOF

while :; do
  for i in "${!service_pids[@]}"; do
    kill -0 "${service_pids[$i]}" 2>/dev/null \
      || die "${service_names[$i]} stopped unexpectedly (log: $RUN_DIR/${service_names[$i]}.log)"
  done
  if $started_kafka && ! port_open "$KAFKA_PORT"; then
    die "the Kafka broker stopped unexpectedly (log: $KAFKA_LOG_FILE)"
  fi
  # A background sleep lets Ctrl-C interrupt the wait at once.
  sleep 2 & wait $! || true
done
