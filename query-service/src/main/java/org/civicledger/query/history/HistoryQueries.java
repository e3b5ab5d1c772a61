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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.events.EventTypes;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.query.web.NotFound;
import org.civicledger.tlog.Hashes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record itself: a file's whole legislative history, and the whole log for tools that keep their own copy. A
 * file's history is its own events and the meeting events about it: the motions made on it, the votes on them and
 * their corrections (each of which names the file).
 */
@RestController
public class HistoryQueries {

    private static final String ITEM = """
            SELECT e.position, e.event_id, e.type, e.aggregate_type, e.aggregate_id, e.sequence, e.occurred_at,
                   e.recorded_at, e.recorded_by, e.data, e.envelope, l.leaf_index
            FROM event_log e LEFT JOIN log_leaf l ON l.position = e.position""";
    /** Also the records-request bundle's selection. */
    static final String ABOUT_THE_FILE = " WHERE e.aggregate_id = ? OR (e.aggregate_type = 'Meeting' AND e.type IN ("
            + Stream.of(MotionMade.class, VoteRecorded.class, VoteCorrected.class)
                    .map(type -> "'" + EventTypes.nameOf(type) + "'").collect(Collectors.joining(", "))
            + ") AND e.data ->> 'fileId' = ?) ORDER BY e.position";
    private static final int MAX_PAGE = 1000;

    private final JdbcTemplate jdbc;

    HistoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code meetingId}, {@code motionId}, {@code result}, {@code tally}, {@code reason} and {@code corrects} lift out
     * of {@code data}, where the event has them (null otherwise), so a reader of a file's history sees at a glance
     * where it was acted on, how the vote went and why the record was corrected.
     */
    public record HistoryItem(long position, String eventId, String type, String aggregateType, String aggregateId,
                       long sequence, Instant occurredAt, Instant recordedAt, String recordedBy, JsonNode data,
                       String classification, String meetingId, String motionId, String result, JsonNode tally,
                       String reason, String corrects, String leafHash, Long leafIndex) {
    }

    /**
     * In position order, oldest first. Each item carries when the council acted and when, and by whom, it was
     * recorded, and its Open Civic Data action classification (null for events that are not OCD actions).
     */
    @GetMapping("/api/files/{fileId}/history")
    public Map<String, Object> fileHistory(@PathVariable String fileId) {
        List<HistoryItem> items = jdbc.query(ITEM + ABOUT_THE_FILE, HistoryQueries::item, fileId, fileId);
        if (items.isEmpty()) {
            throw NotFound.file(fileId);
        }
        return Map.of("fileId", fileId, "items", items);
    }

    /**
     * The event log from a position on, for tools that poll instead of subscribing to Kafka: every event of the
     * transparency log, so dead letters (received, not yet projected) are listed too.
     */
    @GetMapping("/api/events")
    Map<String, Object> events(@RequestParam(defaultValue = "0") long after,
                               @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        List<HistoryItem> items = new ArrayList<>(jdbc.query(ITEM + " WHERE e.position > ? ORDER BY e.position LIMIT ?",
                HistoryQueries::item, after, pageSize));
        items.addAll(jdbc.query("""
                SELECT d.envelope, l.leaf_index FROM dead_letter d LEFT JOIN log_leaf l ON l.position = d.position
                WHERE d.position > ? AND NOT EXISTS (SELECT 1 FROM event_log e WHERE e.event_id = d.event_id)
                ORDER BY d.position LIMIT ?""", HistoryQueries::parked, after, pageSize));
        items.sort(Comparator.comparingLong(HistoryItem::position));
        if (items.size() > pageSize) {
            items = items.subList(0, pageSize);
        }
        long next = items.isEmpty() ? after : items.get(items.size() - 1).position();
        return Map.of("items", items, "next", "/api/events?after=" + next + "&limit=" + pageSize);
    }

    /** The newest {@code limit} events, newest first: the home page's latest actions. */
    public List<HistoryItem> latest(int limit) {
        return jdbc.query(ITEM + " ORDER BY e.position DESC LIMIT ?", HistoryQueries::item,
                Math.max(1, Math.min(limit, MAX_PAGE)));
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

    /** The event's envelope byte for byte, as published: the transparency log's leaf (a dead letter's too). */
    @GetMapping(value = "/api/events/{position}/leaf", produces = "application/json")
    ResponseEntity<byte[]> leaf(@PathVariable long position) {
        List<byte[]> bytes = jdbc.query("""
                SELECT envelope FROM event_log WHERE position = ? AND envelope IS NOT NULL
                UNION ALL SELECT envelope FROM dead_letter WHERE position = ? LIMIT 1""",
                (rs, row) -> rs.getBytes(1), position, position);
        if (bytes.isEmpty()) {
            throw NotFound.of("event", Long.toString(position));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes.get(0));
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
