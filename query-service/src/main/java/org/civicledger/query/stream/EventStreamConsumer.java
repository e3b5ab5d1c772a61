package org.civicledger.query.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civicledger.query.deadletter.RetryRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the events topic into the projections. Offsets live in PostgreSQL beside the read models (not in a Kafka
 * consumer group), so a crash between applying and committing cannot apply a batch twice or skip one: on start and
 * after every failure the consumer seeks to the stored offsets.
 */
@Component
class EventStreamConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreamConsumer.class);

    private final StreamSettings settings;
    private final EventApplier applier;
    private final ProjectionPosition position;
    private final JdbcTemplate jdbc;
    private final RetryRequests retries;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    EventStreamConsumer(StreamSettings settings, EventApplier applier, ProjectionPosition position,
                        JdbcTemplate jdbc, RetryRequests retries) {
        this.retries = retries;
        this.settings = settings;
        this.applier = applier;
        this.position = position;
        this.jdbc = jdbc;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "event-stream-consumer");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Consumer<String, byte[]> kafka = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    // A stored offset past the end (the topic was recreated) rereads from the start: harmless,
                    // since every event is applied at most once by its id.
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                List<TopicPartition> partitions = awaitTopic(kafka);
                kafka.assign(partitions);
                seekToStoredOffsets(kafka, partitions);
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        position.advanceTo(applier.apply(records));
                    }
                    position.reportTopicEnd(partitions.stream()
                            .allMatch(p -> kafka.currentLag(p).orElse(Long.MAX_VALUE) == 0));
                    if (retries.take()) {
                        log.info("dead-letter retry applied {} event(s)", applier.retryDeadLetters());
                    }
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (Exception e) {
                // The batch rolled back: reconnect and read it again from the stored offsets.
                log.warn("event stream failed, retrying in {}: {}", settings.retryDelay(), e.toString());
                pause(settings.retryDelay());
            } finally {
                consumer = null;
            }
        }
    }

    private List<TopicPartition> awaitTopic(Consumer<String, byte[]> kafka) {
        while (running) {
            List<PartitionInfo> infos = kafka.partitionsFor(settings.topic(), settings.pollTimeout());
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            log.info("waiting for topic {} to exist", settings.topic());
            pause(settings.retryDelay());
        }
        throw new WakeupException();
    }

    private void seekToStoredOffsets(Consumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            List<Long> stored = jdbc.queryForList(
                    "SELECT next_offset FROM consumer_offset WHERE topic = ? AND partition = ?",
                    Long.class, partition.topic(), partition.partition());
            if (stored.isEmpty()) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, stored.get(0));
            }
        }
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
