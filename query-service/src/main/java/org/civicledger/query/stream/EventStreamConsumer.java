package org.civicledger.query.stream;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.civicledger.query.deadletter.RetryRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the events topic into the projections, and retries dead letters on request, on the reader's thread. */
@Component
class EventStreamConsumer implements SmartLifecycle, StoredOffsetReader.Handler {

    private static final Logger log = LoggerFactory.getLogger(EventStreamConsumer.class);

    private final EventApplier applier;
    private final ProjectionPosition position;
    private final RetryRequests retries;
    private final StoredOffsetReader reader;

    EventStreamConsumer(StreamSettings settings, EventApplier applier, ProjectionPosition position,
                        JdbcTemplate jdbc, RetryRequests retries) {
        this.applier = applier;
        this.position = position;
        this.retries = retries;
        this.reader = new StoredOffsetReader(settings.topic(), settings, jdbc, this);
    }

    @Override
    public void apply(ConsumerRecords<String, byte[]> records) {
        position.advanceTo(applier.apply(records));
    }

    @Override
    public void afterPoll(Consumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        position.reportTopicEnd(partitions.stream().allMatch(p -> kafka.currentLag(p).orElse(Long.MAX_VALUE) == 0));
        if (retries.take()) {
            log.info("dead-letter retry applied {} event(s)", applier.retryDeadLetters());
            position.retried();
        }
    }

    @Override
    public void start() {
        reader.start("event-stream-consumer");
    }

    @Override
    public void stop() {
        reader.stop();
    }

    @Override
    public boolean isRunning() {
        return reader.isRunning();
    }
}
