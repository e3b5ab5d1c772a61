package org.civicledger.query.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.events.EventTypes;
import org.civicledger.query.deadletter.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one polled batch in one transaction: each event is logged once (an event id already logged, or seen earlier
 * in the batch, is a duplicate and its projections are skipped), routed to the projections that handle its type, and
 * the partitions' next offsets are stored with it. The projections' writes are queued and sent as JDBC batches at the
 * end ({@link ReadModelWrites}): a rebuild's polls of thousands of events cost a few dozen round trips each. The
 * events themselves are logged first, in one statement (a large poll by COPY), which answers which ones are new. An
 * event that cannot be projected never stops the stream: the
 * batch is applied again with a savepoint per event, the failing event is parked as a dead letter, and later events
 * of its aggregate wait behind it.
 */
@Component
class EventApplier {

    private static final Logger log = LoggerFactory.getLogger(EventApplier.class);

    private final JdbcTemplate jdbc;
    private final EventLog eventLog;
    private final Handlers handlers;
    private final ReadModelWrites writes;
    private final DeadLetters deadLetters;
    private final RejectedRecords rejected;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Counter reapplied;

    EventApplier(JdbcTemplate jdbc, EventLog eventLog, List<Projection> projections, ReadModelWrites writes, DeadLetters deadLetters,
                 RejectedRecords rejected, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.rejected = rejected;
        this.jdbc = jdbc;
        this.eventLog = eventLog;
        this.handlers = new Handlers(projections);
        this.writes = writes;
        this.deadLetters = deadLetters;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.reapplied = Counter.builder("civic.stream.batches.reapplied")
                .description("polled batches applied again event by event, after one of their events failed")
                .register(meters);
    }

    /** Answers the highest position applied or parked in this batch (0 if none). */
    public long apply(ConsumerRecords<String, byte[]> records) {
        try {
            return transaction.execute(status -> writes.inBatch(() -> applyBatch(records)));
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            log.warn("an event in this batch cannot be projected; applying it event by event: {}", Failures.describe(e));
            reapplied.increment();
            try {
                return transaction.execute(status -> applyGuarded(records));
            } finally {
                deadLetters.reload();
            }
        }
    }

    /** The batch's events logged in one statement, the new ones' projection writes queued. */
    private long applyBatch(ConsumerRecords<String, byte[]> records) {
        Set<String> held = new HashSet<>(deadLetters.heldAggregates());
        List<EventLog.Entry> polled = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = envelopeOf(record);
            if (envelope != null) {
                polled.add(new EventLog.Entry(record.value(), envelope));
            }
        }
        Set<String> fresh = eventLog.logNew(polled.stream().filter(p -> !isHeld(held, p.envelope())).toList());
        long highest = 0;
        for (EventLog.Entry p : polled) {
            EventEnvelope envelope = p.envelope();
            if (isHeld(held, envelope)) {
                deadLetters.holdBack(p.bytes(), envelope);
            } else if (fresh.remove(envelope.id())) {
                decode(envelope).ifPresent(e -> handlers.dispatch(e, envelope));
            } else {
                log.debug("duplicate event {} at position {} skipped", envelope.id(), envelope.position());
            }
            highest = Math.max(highest, envelope.position());
        }
        StoredOffsetReader.storeOffsets(jdbc, records);
        return highest;
    }

    /** Whether the event's aggregate has a dead letter, so it waits behind it; no work per event when none has. */
    private static boolean isHeld(Set<String> held, EventEnvelope envelope) {
        return !held.isEmpty() && held.contains(DeadLetters.aggregateOf(envelope));
    }

    /** A savepoint around each event, so one that fails is parked and the rest are applied. */
    private long applyGuarded(ConsumerRecords<String, byte[]> records) {
        Set<String> held = new HashSet<>(deadLetters.heldAggregates());
        long highest = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            highest = Math.max(highest, applyOne(record, held));
        }
        StoredOffsetReader.storeOffsets(jdbc, records);
        return highest;
    }

    /** Null, with the record kept as rejected, when it is not an event envelope. */
    private EventEnvelope envelopeOf(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.mapper().readValue(record.value(), EventEnvelope.class);
        } catch (Exception e) {
            rejected.reject(record, "not an event envelope: " + e.getMessage());
            return null;
        }
        if (envelope.id() == null || envelope.type() == null || envelope.data() == null) {
            rejected.reject(record, "envelope without id, type or data");
            return null;
        }
        return envelope;
    }

    private long applyOne(ConsumerRecord<String, byte[]> record, Set<String> held) {
        EventEnvelope envelope = envelopeOf(record);
        if (envelope == null) {
            return 0;
        }
        String aggregate = DeadLetters.aggregateOf(envelope);
        if (held.contains(aggregate)) {
            deadLetters.holdBack(record.value(), envelope);
        } else {
            try {
                savepoint.executeWithoutResult(status -> writes.inBatch(() -> {
                    project(envelope, record.value());
                    return null;
                }));
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                log.error("event {} at position {} parked as a dead letter: {}", envelope.id(), envelope.position(),
                        Failures.describe(e));
                deadLetters.park(record.value(), envelope, Failures.describe(e));
                held.add(aggregate);
            }
        }
        return envelope.position();
    }

    /**
     * Retries the dead letters, each aggregate's oldest first, until one fails again. Runs on the consumer's thread.
     * Answers how many were applied.
     */
    int retryDeadLetters() {
        int applied = 0;
        try {
            for (String aggregate : deadLetters.heldAggregates()) {
                applied += transaction.execute(status -> retryAggregate(aggregate));
            }
        } finally {
            deadLetters.reload();
        }
        return applied;
    }

    private int retryAggregate(String aggregate) {
        int applied = 0;
        for (DeadLetters.Parked parked : deadLetters.parkedOf(aggregate)) {
            try {
                EventEnvelope envelope = EventJson.mapper().readValue(parked.envelope(), EventEnvelope.class);
                savepoint.executeWithoutResult(status -> project(envelope, parked.envelope()));
            } catch (IOException | RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                deadLetters.failedAgain(parked, aggregate, Failures.describe(e));
                return applied;
            }
            deadLetters.release(parked.eventId());
            applied++;
        }
        return applied;
    }

    /**
     * The one fold: the live record and every past cut ({@link PastRecord}) apply events through here.
     * {@code bytes}: the envelope exactly as published, kept as the transparency log's leaf bytes.
     */
    void project(EventEnvelope envelope, byte[] bytes) {
        if (!logOnce(envelope, bytes)) {
            log.debug("duplicate event {} at position {} skipped", envelope.id(), envelope.position());
            return;
        }
        Optional<CivicEvent> event = decode(envelope);
        event.ifPresent(e -> handlers.dispatch(e, envelope));
    }

    private boolean logOnce(EventEnvelope envelope, byte[] bytes) {
        return eventLog.logNew(List.of(new EventLog.Entry(bytes, envelope))).contains(envelope.id());
    }

    /** An event type this build does not know stays in the log (history shows it) but feeds no projection. */
    private static Optional<CivicEvent> decode(EventEnvelope envelope) {
        return EventTypes.byName(envelope.type()).map(type -> {
            try {
                return EventJson.mapper().treeToValue(envelope.data(), type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event " + envelope.id() + " does not fit " + type.getName(), e);
            }
        });
    }
}
