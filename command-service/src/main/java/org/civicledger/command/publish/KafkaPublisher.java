package org.civicledger.command.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.civicledger.command.ledger.EventPositions;
import org.civicledger.command.ledger.TrackedPositions;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.springframework.stereotype.Component;

/**
 * The outbox relay. A tracking processor with one segment reads the event store in global order and sends each
 * event to Kafka. Sends within a batch go out without waiting for each other (the idempotent producer keeps their
 * order); the batch's token moves on only after the broker has acknowledged all of them. With the broker down the
 * handler fails, the processor backs off (1 s doubling to 60 s) and retries from the same event (errors propagate,
 * see EventStoreConfig), so nothing is skipped; a retry may send an event twice, which consumers absorb by
 * de-duplicating on its id.
 */
@Component
@ProcessingGroup(KafkaPublisher.GROUP)
@DisallowReplay
public class KafkaPublisher {

    public static final String GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pendingSends";

    private final Producer<String, byte[]> producer;
    private final TopicProvisioner topic;
    private final KafkaSettings settings;
    private final TrackedPositions positions;

    public KafkaPublisher(Producer<String, byte[]> producer, TopicProvisioner topic, KafkaSettings settings,
                          EventPositions positions) {
        this.producer = producer;
        this.topic = topic;
        this.settings = settings;
        this.positions = new TrackedPositions(positions);
    }

    @EventHandler
    void on(CivicEvent event, DomainEventMessage<?> message, TrackingToken token) throws ExecutionException,
            TimeoutException, InterruptedException {
        topic.ensureExists(settings.topic());
        PublicEvent published = PublicEvent.of(message, positions.of(message, token));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(),
                published.envelope().aggregateId(), published.bytes());
        record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        sendsOfThisBatch().add(producer.send(record));
    }

    /** The batch's pending sends; before its token is stored, every one must be acknowledged, else it fails whole. */
    private List<Future<RecordMetadata>> sendsOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        // The producer lingers to gather a batch into few requests; the batch is complete now, so send it.
        producer.flush();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }
}
