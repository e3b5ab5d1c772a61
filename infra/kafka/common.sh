# shellcheck shell=bash disable=SC2034 # settings used by the scripts that source this file
# Sourced by the scripts in infra/kafka/ and by infra/run.sh: settings and helpers.

KAFKA_SRC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INFRA_DIR="$(dirname "$KAFKA_SRC_DIR")"
REPO_ROOT="$(dirname "$INFRA_DIR")"

# Inputs are LOCAL_KAFKA_* (a bare KAFKA_PORT may be set by a container platform for a
# service named kafka); KAFKA_HEAP_OPTS is the name Kafka's own scripts use.
KAFKA_PORT="${LOCAL_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${LOCAL_KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_RUN_DIR="${LOCAL_KAFKA_DIR:-$INFRA_DIR/.run/kafka}"
KAFKA_LIB_DIR="$KAFKA_RUN_DIR/lib"
KAFKA_DATA_DIR="$KAFKA_RUN_DIR/data"
KAFKA_PID_FILE="$KAFKA_RUN_DIR/kafka.pid"
KAFKA_LOG_FILE="${LOCAL_KAFKA_LOG:-$INFRA_DIR/.run/kafka.log}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${LOCAL_KAFKA_START_TIMEOUT:-90}"

kafka_version() {
  sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_SRC_DIR/pom.xml"
}

# True when something accepts TCP connections on 127.0.0.1:$1 (no nc needed).
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

maven() {
  if command -v mvn >/dev/null 2>&1; then
    mvn "$@"
  elif [ -x "$REPO_ROOT/mvnw" ]; then
    "$REPO_ROOT/mvnw" "$@"
  else
    echo "neither mvn nor $REPO_ROOT/mvnw found" >&2
    return 1
  fi
}

# Copies the broker's jars from Maven Central (through the local repository) once.
ensure_kafka_lib() {
  local marker
  marker="$KAFKA_LIB_DIR/kafka_2.13-$(kafka_version).jar"
  if [ -f "$marker" ] && [ "$marker" -nt "$KAFKA_SRC_DIR/pom.xml" ]; then
    return 0
  fi
  echo "kafka: fetching broker jars into $KAFKA_LIB_DIR" >&2
  rm -rf "$KAFKA_LIB_DIR.tmp"
  local out
  if ! out=$(maven -B -ntp -q -f "$KAFKA_SRC_DIR/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB_DIR.tmp" 2>&1); then
    echo "$out" >&2
    return 1
  fi
  rm -rf "$KAFKA_LIB_DIR"
  mv "$KAFKA_LIB_DIR.tmp" "$KAFKA_LIB_DIR"
  touch "$marker"
}

# Runs a Kafka command-line class (not the broker) with the broker's jars.
kafka_tool() {
  java -Xmx256m -cp "$KAFKA_LIB_DIR/*" \
    -Dlog4j.configuration="file:$KAFKA_SRC_DIR/tools-log4j.properties" "$@"
}
