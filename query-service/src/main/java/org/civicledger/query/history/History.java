package org.civicledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.tlog.Hashes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** History items read from event_log: the same item for a file's history, the polling API and the Atom feeds. */
@Component
public class History {

    private static final String ITEM = """
            SELECT position, event_id, type, aggregate_type, aggregate_id, sequence, occurred_at, recorded_at,
                   recorded_by, data, envelope,
                   (SELECT l.leaf_index FROM log_leaf l WHERE l.position = event_log.position) AS leaf_index
            FROM event_log""";

    private final JdbcTemplate jdbc;

    History(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code meetingId}, {@code motionId}, {@code result}, {@code tally}, {@code reason} and {@code corrects} lift out
     * of {@code data}, where the event has them (null otherwise), so a reader of a file's history sees at a glance
     * where it was acted on, how the vote went and why the record was corrected.
     */
    public record HistoryItem(long position, String eventId, String type, String aggregateType, String aggregateId,
                              long sequence, Instant occurredAt, Instant recordedAt, String recordedBy, JsonNode data,
                              String classification, String meetingId, String motionId, String result,
                              JsonNode tally, String reason, String corrects, String leafHash, Long leafIndex) {
    }

    /** Oldest first, every item. */
    public List<HistoryItem> all(Selection selection) {
        return jdbc.query(ITEM + " WHERE " + selection.where() + " ORDER BY position", History::item,
                selection.arguments().toArray());
    }

    /** Newest first, at most {@code limit}: what a feed shows. */
    public List<HistoryItem> latest(Selection selection, int limit) {
        List<Object> args = new ArrayList<>(selection.arguments());
        args.add(limit);
        return jdbc.query(ITEM + " WHERE " + selection.where() + " ORDER BY position DESC LIMIT ?", History::item,
                args.toArray());
    }

    /** From a position on, oldest first: every event of the log, dead letters (not yet projected) included. */
    List<HistoryItem> after(long position, int limit) {
        List<HistoryItem> items = new ArrayList<>(jdbc.query(ITEM + " WHERE position > ? ORDER BY position LIMIT ?",
                History::item, position, limit));
        items.addAll(jdbc.query("""
                SELECT d.envelope, (SELECT l.leaf_index FROM log_leaf l WHERE l.position = d.position) AS leaf_index
                FROM dead_letter d
                WHERE d.position > ? AND NOT EXISTS (SELECT 1 FROM event_log e WHERE e.event_id = d.event_id)
                ORDER BY d.position LIMIT ?""", History::parked, position, limit));
        items.sort(Comparator.comparingLong(HistoryItem::position));
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    /** An event as the log holds it, with its leaf index in the query side's copy of the log (null if not yet). */
    record Logged(long position, String eventId, String type, Instant occurredAt, Instant recordedAt,
                  String recordedBy, String data, byte[] envelope, Long leafIndex) {
    }

    /** The selected events in position order, with their envelopes, for a records-request bundle. */
    List<Logged> logged(Selection selection) {
        return jdbc.query("""
                SELECT position, event_id, type, occurred_at, recorded_at, recorded_by, data, envelope,
                       (SELECT l.leaf_index FROM log_leaf l WHERE l.position = event_log.position) AS leaf_index
                FROM event_log WHERE\s""" + selection.where() + " ORDER BY position", (rs, row) -> {
                    long index = rs.getLong("leaf_index");
                    Long leafIndex = rs.wasNull() ? null : index;
                    return new Logged(rs.getLong("position"), rs.getString("event_id"), rs.getString("type"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by"), rs.getString("data"), rs.getBytes("envelope"), leafIndex);
                }, selection.arguments().toArray());
    }

    /** The envelope at {@code position} byte for byte, as published; a dead letter's too. */
    Optional<byte[]> leaf(long position) {
        return jdbc.query("""
                SELECT envelope FROM event_log WHERE position = ? AND envelope IS NOT NULL
                UNION ALL SELECT envelope FROM dead_letter WHERE position = ? LIMIT 1""",
                (rs, row) -> rs.getBytes(1), position, position).stream().findFirst();
    }

    private static HistoryItem item(ResultSet rs, int row) throws SQLException {
        try {
            return item(rs.getLong("position"), rs.getString("event_id"), rs.getString("type"),
                    rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getLong("sequence"),
                    rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("recorded_by"), EventJson.mapper().readTree(rs.getString("data")),
                    rs.getBytes("envelope"), leafIndex(rs));
        } catch (IOException e) {
            throw new SQLException("event " + rs.getString("event_id") + " has unreadable data", e);
        }
    }

    /** A dead letter, read from the envelope it arrived in (its text columns are only a display copy). */
    private static HistoryItem parked(ResultSet rs, int row) throws SQLException {
        byte[] bytes = rs.getBytes("envelope");
        try {
            EventEnvelope e = EventJson.mapper().readValue(bytes, EventEnvelope.class);
            return item(e.position(), e.id(), e.type(), e.aggregateType(), e.aggregateId(), e.sequence(),
                    e.occurredAt(), e.recordedAt(), e.recordedBy(), e.data(), bytes, leafIndex(rs));
        } catch (IOException e) {
            throw new SQLException("a dead letter's envelope is unreadable", e);
        }
    }

    private static HistoryItem item(long position, String eventId, String type, String aggregateType,
                                    String aggregateId, long sequence, Instant occurredAt, Instant recordedAt,
                                    String recordedBy, JsonNode data, byte[] envelope, Long leafIndex) {
        return new HistoryItem(position, eventId, type, aggregateType, aggregateId, sequence, occurredAt, recordedAt,
                recordedBy, data, ActionClassification.of(type, data), text(data, "meetingId"), text(data, "motionId"),
                text(data, "result"), node(data, "tally"), text(data, "reason"), text(data, "corrects"),
                leafHash(envelope), leafIndex);
    }

    private static Long leafIndex(ResultSet rs) throws SQLException {
        long index = rs.getLong("leaf_index");
        return rs.wasNull() ? null : index;
    }

    /** RFC 6962 leaf hash of the envelope bytes, base64 (null for events stored before the bytes were kept). */
    private static String leafHash(byte[] envelope) {
        return envelope == null ? null : Base64.getEncoder().encodeToString(Hashes.leafHash(envelope));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = node(data, field);
        return value == null ? null : value.asText();
    }

    private static JsonNode node(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
