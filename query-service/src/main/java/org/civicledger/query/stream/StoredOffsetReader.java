package org.civicledger.query.stream;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one topic on a thread of its own, with its offsets in PostgreSQL beside what it writes (not in a Kafka
 * consumer group), so a crash between applying and storing cannot apply a batch twice or skip one: on start and after
 * every failure the reader seeks to the stored offsets. The handler applies a batch and stores its offsets, with
 * {@link #storeOffsets}, in one transaction. Kafka's listener containers commit offsets to Kafka; this is why the loop
 * is our own.
 */
public final class StoredOffsetReader {

    /** What a reader does with what it polls. */
    public interface Handler {
        /** Applies the batch and stores its offsets in the same transaction. */
        void apply(ConsumerRecords<String, byte[]> records);

        /** After each poll, records or not, on the reader's thread. */
        default void afterPoll(Consumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StoredOffsetReader.class);

    private final String topic;
    private final StreamSettings settings;
    private final JdbcTemplate jdbc;
    private final Handler handler;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public StoredOffsetReader(String topic, StreamSettings settings, JdbcTemplate jdbc, Handler handler) {
        this.topic = topic;
        this.settings = settings;
        this.jdbc = jdbc;
        this.handler = handler;
    }

    /** Stores the offset after the last record of each partition of the batch; call inside the batch's transaction. */
    public static void storeOffsets(JdbcTemplate jdbc, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            var polled = records.records(partition);
            jdbc.update("""
                    INSERT INTO consumer_offset (topic, partition, next_offset) VALUES (?, ?, ?)
                    ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""",
                    partition.topic(), partition.partition(), polled.get(polled.size() - 1).offset() + 1);
        }
    }

    public void start(String threadName) {
        running = true;
        thread = new Thread(this::run, threadName);
        thread.start();
    }

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

    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Consumer<String, byte[]> kafka = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    // A stored offset past the end (the topic was recreated) rereads from the start: harmless,
                    // since every record is applied at most once by its id.
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                    ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, settings.maxFetchBytes(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer());
                 KafkaClientMetrics metrics = new KafkaClientMetrics(kafka, List.of(Tag.of("topic", topic)))) {
                // The consumer's own meters, lag included (records-lag-max), in the registry Spring Boot joins.
                metrics.bindTo(Metrics.globalRegistry);
                consumer = kafka;
                List<TopicPartition> partitions = awaitTopic(kafka);
                kafka.assign(partitions);
                seekToStoredOffsets(kafka, partitions);
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        handler.apply(records);
                    }
                    handler.afterPoll(kafka, partitions);
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (Exception e) {
                // The batch rolled back: reconnect and read it again from the stored offsets.
                log.warn("reading {} failed, retrying in {}: {}", topic, settings.retryDelay(), e.toString());
                pause(settings.retryDelay());
            } finally {
                consumer = null;
            }
        }
    }

    private List<TopicPartition> awaitTopic(Consumer<String, byte[]> kafka) {
        while (running) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, settings.pollTimeout());
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            log.info("waiting for topic {} to exist", topic);
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
