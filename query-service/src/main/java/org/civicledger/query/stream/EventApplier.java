package org.civicledger.query.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.events.EventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one polled batch in one transaction: each event is logged once (a duplicate's insert does nothing and
 * its projections are skipped), handed to every projection, and the partitions' next offsets are stored with it.
 */
@Component
class EventApplier {

    private static final Logger log = LoggerFactory.getLogger(EventApplier.class);

    private final JdbcTemplate jdbc;
    private final List<Projection> projections;

    EventApplier(JdbcTemplate jdbc, List<Projection> projections) {
        this.jdbc = jdbc;
        this.projections = projections;
    }

    /** Answers the highest position applied in this batch (0 if none). */
    @Transactional
    public long apply(ConsumerRecords<String, byte[]> records) {
        long highest = 0;
        for (TopicPartition partition : records.partitions()) {
            long nextOffset = -1;
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                highest = Math.max(highest, applyOne(record));
                nextOffset = record.offset() + 1;
            }
            jdbc.update("""
                    INSERT INTO consumer_offset (topic, partition, next_offset) VALUES (?, ?, ?)
                    ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""",
                    partition.topic(), partition.partition(), nextOffset);
        }
        return highest;
    }

    private long applyOne(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.mapper().readValue(record.value(), EventEnvelope.class);
        } catch (Exception e) {
            reject(record, "not an event envelope: " + e.getMessage());
            return 0;
        }
        if (envelope.id() == null || envelope.type() == null || envelope.data() == null) {
            reject(record, "envelope without id, type or data");
            return 0;
        }
        if (!logOnce(envelope)) {
            log.debug("duplicate event {} at position {} skipped", envelope.id(), envelope.position());
            return envelope.position();
        }
        Optional<CivicEvent> event = decode(envelope);
        event.ifPresent(e -> projections.forEach(p -> p.apply(envelope, e)));
        return envelope.position();
    }

    private boolean logOnce(EventEnvelope envelope) {
        return jdbc.update("""
                INSERT INTO event_log (event_id, position, type, aggregate_type, aggregate_id, sequence,
                                       occurred_at, recorded_at, recorded_by, revision, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (event_id) DO NOTHING""",
                envelope.id(), envelope.position(), envelope.type(), envelope.aggregateType(),
                envelope.aggregateId(), envelope.sequence(), Timestamp.from(envelope.occurredAt()),
                Timestamp.from(envelope.recordedAt()), envelope.recordedBy(), envelope.revision(),
                envelope.data().toString()) == 1;
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

    private void reject(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("rejected record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        jdbc.update("""
                INSERT INTO rejected_record (topic, partition, record_offset, reason, value) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", record.topic(), record.partition(), record.offset(), reason, record.value());
    }

}
