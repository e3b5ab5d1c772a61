package org.civicledger.query.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param checkpointTopic the transparency log's signed checkpoints, which the query side's copy of the log follows
 * @param pollTimeout how long one poll waits for records; also bounds shutdown time
 * @param retryDelay  pause after a failed batch before it is read again from the stored offsets
 * @param maxPollRecords the most records one poll, and so one transaction, applies; a live poll takes what has
 *                       arrived (often one), a rebuild this many
 * @param maxFetchBytes  the most bytes one fetch brings per partition; with 1 MB (Kafka's default) a poll holds
 *                       only about 700 events however large {@code maxPollRecords} is
 */
@ConfigurationProperties("civic.kafka")
public record StreamSettings(String bootstrapServers, String topic, String checkpointTopic, Duration pollTimeout, Duration retryDelay,
                             int maxPollRecords, int maxFetchBytes) {
}
