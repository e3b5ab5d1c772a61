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
 */
@Component
class CheckpointPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final Producer<String, byte[]> producer;
    private final TopicProvisioner topics;
    private final KafkaSettings kafka;
    private final Checkpoints checkpoints;
    private final String origin;
    private long publishedUpTo = -1;

    CheckpointPublisher(Producer<String, byte[]> producer, TopicProvisioner topics, KafkaSettings kafka,
                        Checkpoints checkpoints, LogSettings settings) {
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
                producer.send(new ProducerRecord<>(kafka.checkpointTopic(), origin,
                        c.note().getBytes(StandardCharsets.UTF_8)))
                        .get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                publishedUpTo = c.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("checkpoint not published yet, will retry: {}", e.toString());
        }
    }
}
