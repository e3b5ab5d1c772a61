#!/usr/bin/env bash
# Runs a Kafka command-line class with the broker's jars, e.g.
#   infra/kafka/kafka-class.sh org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 --list
#   infra/kafka/kafka-class.sh org.apache.kafka.tools.consumer.ConsoleConsumer \
#       --bootstrap-server localhost:9092 --topic civic-ledger.events --from-beginning
set -euo pipefail
# shellcheck source=infra/kafka/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -ge 1 ] || { echo "usage: $0 MAIN_CLASS [ARGS...]" >&2; exit 2; }
ensure_kafka_lib
kafka_tool "$@"
