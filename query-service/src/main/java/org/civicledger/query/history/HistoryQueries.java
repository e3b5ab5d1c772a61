package org.civicledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicledger.events.EventJson;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record itself: every event of a file, and the whole log for tools that keep their own copy. */
@RestController
class HistoryQueries {

    private static final String ITEM = """
            SELECT position, event_id, type, aggregate_type, aggregate_id, sequence, occurred_at, recorded_at,
                   recorded_by, data
            FROM event_log""";
    private static final int MAX_PAGE = 1000;

    private final JdbcTemplate jdbc;

    HistoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record HistoryItem(long position, String eventId, String type, String aggregateType, String aggregateId,
                       long sequence, Instant occurredAt, Instant recordedAt, String recordedBy, JsonNode data,
                       String classification) {
    }

    /**
     * Oldest first. Each item carries when the council acted and when, and by whom, it was recorded, and its Open
     * Civic Data action classification (null for events that are not OCD actions).
     */
    @GetMapping("/api/files/{fileId}/history")
    Map<String, Object> fileHistory(@PathVariable String fileId) {
        List<HistoryItem> items = jdbc.query(ITEM + " WHERE aggregate_id = ? ORDER BY sequence", HistoryQueries::item,
                fileId);
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
                    rs.getString("recorded_by"), data, ActionClassification.of(type, data));
        } catch (IOException e) {
            throw new SQLException("event " + rs.getString("event_id") + " has unreadable data", e);
        }
    }
}
