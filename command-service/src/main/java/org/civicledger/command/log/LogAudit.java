package org.civicledger.command.log;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.civicledger.command.ledger.EventPositions;
import org.civicledger.command.ledger.EventPositions.StoredRow;
import org.civicledger.command.publish.PublicEvent;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.TreeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-verifies the stored log against the event store: every leaf's event is read back (EventPositions), its
 * public bytes rebuilt with {@link PublicEvent} (the publisher's own function) and hashed; the hash must equal the
 * stored leaf hash, the recomputed root must equal the latest checkpoint's, and so must the root from stored hashes.
 */
@Component
public class LogAudit {

    private static final Logger LOG = LoggerFactory.getLogger(LogAudit.class);
    private static final int PAGE = 2000;

    private final JdbcTemplate jdbc;
    private final EventPositions events;
    private final Serializer serializer;
    private final TransparencyLog log;
    private final Checkpoints checkpoints;
    private final LedgerIntegrity integrity;
    private final Clock clock;

    LogAudit(JdbcTemplate jdbc, EventPositions events, @Qualifier("eventSerializer") Serializer serializer,
             TransparencyLog log, Checkpoints checkpoints, LedgerIntegrity integrity, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
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
        Long gap = events.firstWithoutLeaf();
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

    /** The leaves in [from, to) with their stored hashes and their events; a leaf whose event is gone is left out. */
    private List<Row> page(long from, long to) {
        List<Leaf> leaves = jdbc.query("""
                SELECT l.leaf_index, l.global_index, h.hash
                FROM log_leaf l
                LEFT JOIN log_hash h ON h.idx = 2 * l.leaf_index - bit_count(l.leaf_index::bit(64))
                WHERE l.leaf_index >= ? AND l.leaf_index < ?
                ORDER BY l.leaf_index""",
                (rs, n) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3)), from, to);
        Map<Long, StoredRow> stored = events.rowsAt(leaves.stream().map(Leaf::position).toList());
        return leaves.stream().filter(l -> stored.containsKey(l.position()))
                .map(l -> Row.of(l, stored.get(l.position()))).toList();
    }

    private record Leaf(long leafIndex, long position, byte[] storedHash) {
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

        private static Row of(Leaf leaf, StoredRow event) {
            return new Row(leaf.leafIndex(), leaf.position(), event.eventId(), event.aggregateId(), event.sequence(),
                    event.type(), event.metaData(), event.payload(), event.payloadRevision(), event.payloadType(),
                    event.timeStamp(), leaf.storedHash());
        }

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
