package org.civicledger.command.log;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.civicledger.command.publish.PublicEvent;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.TreeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-verifies the stored log against the event store: every leaf's event is read back from domain_event_entry, its
 * public bytes rebuilt with {@link PublicEvent} (the publisher's own function) and hashed; the hash must equal the
 * stored leaf hash, the recomputed root must equal the latest checkpoint's, and so must the root from stored hashes.
 */
@Component
public class LogAudit {

    private static final Logger LOG = LoggerFactory.getLogger(LogAudit.class);
    private static final int PAGE = 2000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransparencyLog log;
    private final Checkpoints checkpoints;
    private final LedgerIntegrity integrity;
    private final Clock clock;

    LogAudit(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, TransparencyLog log,
             Checkpoints checkpoints, LedgerIntegrity integrity, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.log = log;
        this.checkpoints = checkpoints;
        this.integrity = integrity;
        this.clock = clock;
    }

    /** Runs the audit; {@code operatorAsked}: a clean result also lifts an earlier refusal. */
    public synchronized AuditReport run(boolean operatorAsked) {
        long started = System.nanoTime();
        Optional<Checkpoints.Signed> checkpoint = checkpoints.latest();
        long size = Math.max(log.size(), checkpoint.map(Checkpoints.Signed::size).orElse(0L));
        TreeBuilder rebuilt = new TreeBuilder();
        long bad = 0;
        Long firstBad = null;
        String problem = null;
        for (long from = 0; from < size; from += PAGE) {
            List<Row> rows = page(from, Math.min(size, from + PAGE));
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                byte[] hash = row.leafHashNow(this);
                if (row.leafIndex != from + i || row.storedHash == null || hash == null
                        || !MessageDigest.isEqual(hash, row.storedHash)) {
                    bad++;
                    if (firstBad == null) {
                        firstBad = row.position;
                        problem = "leaf " + row.leafIndex + " (position " + row.position
                                + ") no longer matches its event";
                    }
                }
                rebuilt.addLeafHash(hash == null ? new byte[Hashes.SIZE] : hash);
                if (checkpoint.isPresent() && rebuilt.size() == checkpoint.get().size()
                        && !MessageDigest.isEqual(rebuilt.root(), checkpoint.get().root()) && problem == null) {
                    problem = "the events no longer give the root of checkpoint " + checkpoint.get().size();
                }
            }
            if (rows.size() < Math.min(size, from + PAGE) - from && problem == null) {
                problem = "leaves " + (from + rows.size()) + " and after lost their events or hashes";
                bad += Math.min(size, from + PAGE) - from - rows.size();
            }
        }
        if (problem == null && checkpoint.isPresent()
                && !MessageDigest.isEqual(log.root(checkpoint.get().size()), checkpoint.get().root())) {
            problem = "the stored tree no longer gives the root of checkpoint " + checkpoint.get().size();
        }
        Long gap = jdbc.queryForObject("""
                SELECT min(e.global_index) FROM domain_event_entry e
                WHERE e.global_index < (SELECT max(global_index) FROM log_leaf)
                  AND NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.global_index = e.global_index)""", Long.class);
        if (gap != null && problem == null) {
            problem = "the event at position " + gap + " is not in the log";
            firstBad = gap;
            bad++;
        }
        AuditReport report = new AuditReport(rebuilt.size(), problem == null ? 0 : Math.max(bad, 1), firstBad,
                problem, Instant.now(clock), Duration.ofNanos(System.nanoTime() - started));
        integrity.record(report, operatorAsked);
        if (!report.clean()) {
            LOG.error("Transparency log audit failed: {} ({} bad leaves)", problem, report.badLeaves());
        }
        return report;
    }

    void runScheduled() {
        try {
            run(false);
        } catch (RuntimeException e) {
            LOG.warn("transparency log audit did not complete, will retry: {}", e.toString());
        }
    }

    private List<Row> page(long from, long to) {
        return jdbc.query("""
                SELECT l.leaf_index, e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,
                       e.type, e.meta_data, e.payload, e.payload_revision, e.payload_type, e.time_stamp, h.hash
                FROM log_leaf l
                JOIN domain_event_entry e ON e.global_index = l.global_index
                LEFT JOIN log_hash h ON h.idx = 2 * l.leaf_index - bit_count(l.leaf_index::bit(64))
                WHERE l.leaf_index >= ? AND l.leaf_index < ?
                ORDER BY l.leaf_index""",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getBytes(7), rs.getBytes(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getBytes(12)), from, to);
    }

    /** The event as Axon's storage engine would hand it to the publisher. */
    DomainEventMessage<?> message(Row row) {
        Object payload = serializer.deserialize(
                new SimpleSerializedObject<>(row.payload, byte[].class, row.payloadType, row.payloadRevision));
        MetaData metaData = row.metaData == null ? MetaData.emptyInstance()
                : serializer.deserialize(new SerializedMetaData<>(row.metaData, byte[].class));
        return new GenericDomainEventMessage<>(row.type, row.aggregateId, row.sequence, payload, metaData,
                row.eventId, DateTimeUtils.parseInstant(row.timeStamp));
    }

    record Row(long leafIndex, long position, String eventId, String aggregateId, long sequence, String type,
               byte[] metaData, byte[] payload, String payloadRevision, String payloadType, String timeStamp,
               byte[] storedHash) {

        /** The leaf hash the event gives today; null if it no longer even reads as an event. */
        byte[] leafHashNow(LogAudit audit) {
            try {
                return Hashes.leafHash(PublicEvent.of(audit.message(this), position).bytes());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
