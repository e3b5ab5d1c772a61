package org.civicledger.command.log;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicledger.command.publish.KafkaSettings;
import org.civicledger.command.publish.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends signed checkpoints to the checkpoints topic, keyed by origin, in size order. What the broker has not
 * acknowledged is sent again on the next run; after a restart the latest is sent again (readers de-duplicate on size).
 * The value is the signed note exactly; headers tell a follower which events it covers ({@value #LAST_POSITION}: the
 * global position of its last leaf, so a reader of the events topic knows when it holds all of them) and which key
 * signed it ({@value #VERIFIER_KEY}; a reader may pin its own copy instead).
 */
@Component
class CheckpointPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointPublisher.class);
    static final String LAST_POSITION = "civic-log-last-position";
    static final String VERIFIER_KEY = "civic-log-verifier-key";

    private final Producer<String, byte[]> producer;
    private final TopicProvisioner topics;
    private final KafkaSettings kafka;
    private final Checkpoints checkpoints;
    private final String origin;
    private final LogKey key;
    private final TransparencyLog log;
    private long publishedUpTo = -1;

    CheckpointPublisher(Producer<String, byte[]> producer, TopicProvisioner topics, KafkaSettings kafka,
                        Checkpoints checkpoints, LogSettings settings, LogKey key, TransparencyLog log) {
        this.key = key;
        this.log = log;
        this.producer = producer;
        this.topics = topics;
        this.kafka = kafka;
        this.checkpoints = checkpoints;
        this.origin = settings.origin();
    }

    synchronized void publishPending() {
        List<Checkpoints.Signed> pending = publishedUpTo < 0
                ? checkpoints.latest().stream().toList()
                : checkpoints.after(publishedUpTo);
        try {
            for (Checkpoints.Signed c : pending) {
                topics.ensureExists(kafka.checkpointTopic());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(kafka.checkpointTopic(), origin,
                        c.note().getBytes(StandardCharsets.UTF_8));
                record.headers().add(LAST_POSITION, utf8(Long.toString(log.positionOfLeaf(c.size() - 1))))
                        .add(VERIFIER_KEY, utf8(key.verifier().keyText()));
                producer.send(record).get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                publishedUpTo = c.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("checkpoint not published yet, will retry: {}", e.toString());
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
