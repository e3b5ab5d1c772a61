package org.civicledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.civicledger.events.EventJson;
import org.civicledger.tlog.Hashes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** History items read from event_log: the same item for a file's history, the polling API and the Atom feeds. */
@Component
public class History {

    private static final String ITEM = """
            SELECT position, event_id, type, aggregate_type, aggregate_id, sequence, occurred_at, recorded_at,
                   recorded_by, data, envelope
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
                              JsonNode tally, String reason, String corrects, String leafHash) {
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

    /** From a position on, oldest first. */
    List<HistoryItem> after(long position, int limit) {
        return jdbc.query(ITEM + " WHERE position > ? ORDER BY position LIMIT ?", History::item, position, limit);
    }

    private static HistoryItem item(ResultSet rs, int row) throws SQLException {
        try {
            String type = rs.getString("type");
            JsonNode data = EventJson.mapper().readTree(rs.getString("data"));
            return new HistoryItem(rs.getLong("position"), rs.getString("event_id"), type,
                    rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getLong("sequence"),
                    rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("recorded_by"), data, ActionClassification.of(type, data), text(data, "meetingId"),
                    text(data, "motionId"), text(data, "result"), node(data, "tally"), text(data, "reason"),
                    text(data, "corrects"), leafHash(rs.getBytes("envelope")));
        } catch (IOException e) {
            throw new SQLException("event " + rs.getString("event_id") + " has unreadable data", e);
        }
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
