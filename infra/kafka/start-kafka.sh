#!/usr/bin/env bash
# Starts a single-node KRaft Kafka broker from Maven Central jars on localhost:9092
# (controller on 9093). Formats the storage on first use; the data survives restarts.
#
#   infra/kafka/start-kafka.sh               start in the background, wait for the port,
#                                            write the pid to $KAFKA_PID_FILE
#   infra/kafka/start-kafka.sh --foreground  run in this terminal until Ctrl-C
#
# Environment: LOCAL_KAFKA_PORT (9092), LOCAL_KAFKA_CONTROLLER_PORT (9093),
# LOCAL_KAFKA_DIR (infra/.run/kafka: jars, data, pid file), LOCAL_KAFKA_LOG
# (infra/.run/kafka.log), KAFKA_HEAP_OPTS (-Xms256m -Xmx512m), LOCAL_KAFKA_START_TIMEOUT (90 s).
set -euo pipefail
# shellcheck source=infra/kafka/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

foreground=false
case "${1:-}" in
  --foreground) foreground=true ;;
  "") ;;
  *) echo "usage: $0 [--foreground]" >&2; exit 2 ;;
esac

for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  if port_open "$port"; then
    echo "kafka: something already listens on 127.0.0.1:$port; not starting another broker" >&2
    exit 1
  fi
done

mkdir -p "$KAFKA_RUN_DIR" "$KAFKA_DATA_DIR" "$(dirname "$KAFKA_LOG_FILE")"
ensure_kafka_lib

config="$KAFKA_RUN_DIR/server.properties"
sed -e "s|@PORT@|$KAFKA_PORT|g" \
    -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@LOG_DIRS@|$KAFKA_DATA_DIR|g" \
    "$KAFKA_SRC_DIR/server.properties" > "$config"

# Format once; a restart keeps the storage and the cluster id written in it.
if [ ! -s "$KAFKA_DATA_DIR/meta.properties" ]; then
  cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid)
  kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >> "$KAFKA_LOG_FILE" 2>&1
fi

# shellcheck disable=SC2206 # KAFKA_HEAP_OPTS is a list of JVM flags
jvm_opts=($KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
  -Dlog4j.configuration="file:$KAFKA_SRC_DIR/log4j.properties")

if $foreground; then
  exec java "${jvm_opts[@]}" -cp "$KAFKA_LIB_DIR/*" kafka.Kafka "$config"
fi

started=$(date +%s%N)
nohup java "${jvm_opts[@]}" -cp "$KAFKA_LIB_DIR/*" kafka.Kafka "$config" \
  >> "$KAFKA_LOG_FILE" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$KAFKA_PID_FILE"

deadline=$(( $(date +%s) + KAFKA_START_TIMEOUT ))
until port_open "$KAFKA_PORT"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "kafka: the broker exited during start; last lines of $KAFKA_LOG_FILE:" >&2
    tail -n 30 "$KAFKA_LOG_FILE" >&2
    rm -f "$KAFKA_PID_FILE"
    exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "kafka: port $KAFKA_PORT not open after ${KAFKA_START_TIMEOUT}s; stopping pid $pid" >&2
    kill "$pid" 2>/dev/null || true
    rm -f "$KAFKA_PID_FILE"
    exit 1
  fi
  sleep 0.2
done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "kafka: broker pid $pid listening on localhost:$KAFKA_PORT after ${elapsed_ms} ms (log: $KAFKA_LOG_FILE)" >&2
