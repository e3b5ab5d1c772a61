package org.civicledger.query.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record as it stood at a {@link Cut}, folded by the same projections as the live record: inside the caller's
 * transaction every read-model table is shadowed by an empty temporary table of the same shape (PostgreSQL searches
 * {@code pg_temp} first), the events the cut admits are applied to it in position order, and the ordinary queries
 * then read the past without knowing it. The caller rolls the transaction back.
 */
@Component
public class PastRecord {

    /**
     * Tables of the consumer's bookkeeping and the log's copy, not of the record: a past read proves its events
     * against today's checkpoints.
     */
    private static final Set<String> NOT_READ_MODELS = Set.of("consumer_offset", "rejected_record", "dead_letter",
            "flyway_schema_history", "log_leaf", "log_hash", "log_checkpoint", "log_checkpoint_received",
            "log_trusted_key");
    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final EventApplier applier;

    PastRecord(JdbcTemplate jdbc, EventApplier applier) {
        this.jdbc = jdbc;
        this.applier = applier;
    }

    /** Answers the highest position the cut admits (0 if none). Must run inside a transaction that is rolled back. */
    public long replay(Cut cut) {
        String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'
                ORDER BY table_name""", String.class, schema);
        for (String table : tables) {
            if (!NOT_READ_MODELS.contains(table)) {
                // Names come from the catalogue, never from the request.
                jdbc.execute("CREATE TEMPORARY TABLE " + quote(table) + " (LIKE " + quote(schema) + "." + quote(table)
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) ON COMMIT DROP");
            }
        }
        long highest = 0;
        long after = 0;
        while (true) {
            List<Logged> page = admitted(schema, cut, after);
            for (Logged logged : page) {
                applier.project(logged.envelope(), logged.bytes());
                highest = logged.envelope().position();
            }
            if (page.size() < PAGE) {
                return highest;
            }
            after = highest;
        }
    }

    /**
     * The cut's events after {@code after}. For {@code occurredBy}, a correction counts from the time of the action it
     * corrects (a vote correction names the vote; a corrected file action names the vote correction).
     */
    private record Logged(EventEnvelope envelope, byte[] bytes) {
    }

    private List<Logged> admitted(String schema, Cut cut, long after) {
        String log = quote(schema) + ".event_log";
        Timestamp asOf = cut.asOf() == null ? null : Timestamp.from(cut.asOf());
        Timestamp by = cut.occurredBy() == null ? null : Timestamp.from(cut.occurredBy());
        return jdbc.query("""
                SELECT e.event_id, e.position, e.type, e.aggregate_type, e.aggregate_id, e.sequence, e.occurred_at,
                       e.recorded_at, e.recorded_by, e.revision, e.data::text AS data, e.envelope
                FROM %1$s e
                LEFT JOIN %1$s vc ON e.type = 'FileActionCorrected' AND vc.event_id = e.data ->> 'correction'
                LEFT JOIN %1$s corrected ON corrected.event_id = CASE
                    WHEN e.type = 'VoteCorrected' THEN e.data ->> 'corrects'
                    WHEN e.type = 'FileActionCorrected' THEN vc.data ->> 'corrects' END
                WHERE e.position > ?
                  AND (?::bigint IS NULL OR e.position <= ?)
                  AND (?::timestamptz IS NULL OR e.recorded_at <= ?)
                  AND (?::timestamptz IS NULL OR e.occurred_at <= ? OR corrected.occurred_at <= ?)
                ORDER BY e.position LIMIT ?""".formatted(log),
                (rs, row) -> new Logged(EventEnvelope.of(rs.getString("event_id"), rs.getString("type"),
                        rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getLong("sequence"),
                        rs.getLong("position"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                        rs.getString("revision"), json(rs.getString("data"))), rs.getBytes("envelope")),
                after, cut.atPosition(), cut.atPosition(), asOf, asOf, by, by, by, PAGE);
    }

    private static JsonNode json(String data) {
        try {
            return EventJson.mapper().readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException("event_log holds unreadable data", e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
