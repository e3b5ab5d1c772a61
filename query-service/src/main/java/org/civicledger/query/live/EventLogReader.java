package org.civicledger.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.query.history.Selection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads committed events from event_log in position order, for a subscriber's replay and for the live fan-out. The
 * data is the envelope exactly as it came from Kafka; an event logged before the bytes were kept is re-encoded from
 * its columns (the same fields, in the envelope's order).
 */
@Component
class EventLogReader {

    private static final String SELECT = """
            SELECT e.position, e.event_id, e.type, e.aggregate_type, e.aggregate_id, e.sequence, e.occurred_at,
                   e.recorded_at, e.recorded_by, e.revision, e.data::text AS data, e.envelope,
                   e.data ->> 'fileId' AS file_id, m.body_id AS meeting_body,
                   CASE WHEN e.type = 'FileReferred' THEN e.data ->> 'bodyId' END AS referred_to
            FROM event_log e
            LEFT JOIN meeting m ON e.aggregate_type = 'Meeting' AND m.meeting_id = e.aggregate_id
            WHERE e.position > ?""";

    private final JdbcTemplate jdbc;

    EventLogReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events after {@code position} that {@code selection} admits, oldest first, at most {@code limit}. */
    List<LiveEvent> after(long position, Selection selection, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(position);
        args.addAll(selection.arguments());
        args.add(limit);
        // The selection's columns are unqualified: it reads event_log alone, inside the join.
        String where = selection.isAll() ? ""
                : " AND e.event_id IN (SELECT event_id FROM event_log WHERE " + selection.where() + ")";
        return jdbc.query(SELECT + where + " ORDER BY e.position LIMIT ?", EventLogReader::event, args.toArray());
    }

    long lastPosition() {
        Long last = jdbc.queryForObject("SELECT COALESCE(MAX(position), 0) FROM event_log", Long.class);
        return last == null ? 0 : last;
    }

    private static LiveEvent event(ResultSet rs, int row) throws SQLException {
        Selection.Facts facts = new Selection.Facts(rs.getString("type"), rs.getString("aggregate_type"),
                rs.getString("aggregate_id"), rs.getString("file_id"), rs.getString("meeting_body"),
                rs.getString("referred_to"));
        byte[] envelope = rs.getBytes("envelope");
        if (envelope == null || containsLineBreak(envelope)) {
            envelope = reencoded(rs);
        }
        return LiveEvent.of(rs.getLong("position"), facts, envelope);
    }

    /** An SSE data line ends at CR or LF; Jackson's compact JSON has neither, so this is only a guard. */
    private static boolean containsLineBreak(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private static byte[] reencoded(ResultSet rs) throws SQLException {
        try {
            return EventJson.mapper().writeValueAsBytes(EventEnvelope.of(rs.getString("event_id"),
                    rs.getString("type"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                    rs.getLong("sequence"), rs.getLong("position"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                    rs.getString("revision"), EventJson.mapper().readTree(rs.getString("data"))));
        } catch (JsonProcessingException e) {
            throw new SQLException("event " + rs.getString("event_id") + " has unreadable data", e);
        }
    }
}
