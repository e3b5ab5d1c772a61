#!/usr/bin/env bash
# Stops the broker that start-kafka.sh started (by the pid in $KAFKA_PID_FILE only).
set -euo pipefail
# shellcheck source=infra/kafka/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -s "$KAFKA_PID_FILE" ] || { echo "kafka: no pid file at $KAFKA_PID_FILE; nothing to stop" >&2; exit 0; }
pid=$(cat "$KAFKA_PID_FILE")

# A stale pid file may name a process that is no longer our broker.
if ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'; then
  echo "kafka: pid $pid is not a running broker; removing the stale pid file" >&2
  rm -f "$KAFKA_PID_FILE"
  exit 0
fi

kill -TERM "$pid"
for _ in $(seq 1 150); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
  echo "kafka: pid $pid still running after 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$KAFKA_PID_FILE"
echo "kafka: broker pid $pid stopped" >&2
