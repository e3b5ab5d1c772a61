package org.civicledger.command.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions    one by default: dashboards get a single total order and the read-your-writes position is
 *                      exact; the key (aggregate id) keeps per-record order if more are configured
 * @param checkpointTopic where the transparency log's signed checkpoints go, keyed by the log's origin
 * @param sendTimeout   how long one send may wait for the broker before the publisher backs off and retries
 */
@ConfigurationProperties("civic.kafka")
public record KafkaSettings(String bootstrapServers, String topic, String checkpointTopic, int partitions,
                            short replicationFactor, Duration sendTimeout) {
}
