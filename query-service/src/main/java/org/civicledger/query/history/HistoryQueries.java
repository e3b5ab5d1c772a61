package org.civicledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
class HistoryQueries {

    private static final String ITEM = """
            SELECT position, event_id, type, aggregate_type, aggregate_id, sequence, occurred_at, recorded_at,
                   recorded_by, data, envelope
            FROM event_log""";
    private static final String ABOUT_THE_FILE = " WHERE aggregate_id = ? OR (aggregate_type = 'Meeting' AND type IN ("
            + Stream.of(MotionMade.class, VoteRecorded.class, VoteCorrected.class)
                    .map(type -> "'" + EventTypes.nameOf(type) + "'").collect(Collectors.joining(", "))
            + ") AND data ->> 'fileId' = ?) ORDER BY position";
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
    record HistoryItem(long position, String eventId, String type, String aggregateType, String aggregateId,
                       long sequence, Instant occurredAt, Instant recordedAt, String recordedBy, JsonNode data,
                       String classification, String meetingId, String motionId, String result, JsonNode tally,
                       String reason, String corrects, String leafHash) {
    }

    /**
     * In position order, oldest first. Each item carries when the council acted and when, and by whom, it was
     * recorded, and its Open Civic Data action classification (null for events that are not OCD actions).
     */
    @GetMapping("/api/files/{fileId}/history")
    Map<String, Object> fileHistory(@PathVariable String fileId) {
        List<HistoryItem> items = jdbc.query(ITEM + ABOUT_THE_FILE, HistoryQueries::item, fileId, fileId);
        if (items.isEmpty()) {
            throw NotFound.file(fileId);
        }
        return Map.of("fileId", fileId, "items", items);
    }

    /** The event log from a position on, for tools that poll instead of subscribing to Kafka. */
    @GetMapping("/api/events")
    Map<String, Object> events(@RequestParam(defaultValue = "0") long after,
                               @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        List<HistoryItem> items = jdbc.query(ITEM + " WHERE position > ? ORDER BY position LIMIT ?",
                HistoryQueries::item, after, pageSize);
        long next = items.isEmpty() ? after : items.get(items.size() - 1).position();
        return Map.of("items", items, "next", "/api/events?after=" + next + "&limit=" + pageSize);
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

    /** The event's envelope byte for byte, as published: the transparency log's leaf. */
    @GetMapping(value = "/api/events/{position}/leaf", produces = "application/json")
    ResponseEntity<byte[]> leaf(@PathVariable long position) {
        List<byte[]> bytes = jdbc.query("SELECT envelope FROM event_log WHERE position = ? AND envelope IS NOT NULL",
                (rs, row) -> rs.getBytes(1), position);
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
