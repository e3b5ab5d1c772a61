package org.civicledger.command.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.civicledger.events.EventTypes;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the rest of the command side reads Axon's event table: an event's global position, the head of the store,
 * what an event id names, and the stored rows the transparency log's audit re-reads. The one class with SQL on
 * domain_event_entry, so its columns and how payload types are stored (the serializer's business) are known in one
 * place.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public EventPositions(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * An event in the store: the aggregate it belongs to and its type by the stable name the published contract uses
     * ({@link EventTypes}); empty {@code type} for a payload this build does not know as a civic-ledger event.
     */
    public record StoredEvent(String aggregateId, Optional<String> type) {
    }

    /** An event's row as stored, before it is read as an event: an audit must also see rows that no longer read. */
    public record StoredRow(long position, String eventId, String aggregateId, long sequence, String type,
                            byte[] metaData, byte[] payload, String payloadRevision, String payloadType,
                            String timeStamp) {
    }

    public long of(String eventId) {
        Long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
        if (position == null) {
            throw new IllegalStateException("event " + eventId + " is not in the store");
        }
        return position;
    }

    public long head() {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The event with that id, if the store has one. */
    public Optional<StoredEvent> find(String eventId) {
        return jdbc.query("""
                SELECT aggregate_identifier, payload_type, payload_revision FROM domain_event_entry
                WHERE event_identifier = ?""",
                (rs, row) -> new StoredEvent(rs.getString(1), typeName(rs.getString(2), rs.getString(3))), eventId)
                .stream().findFirst();
    }

    /** The rows at these positions, by position; a position without an event is absent from the answer. */
    public Map<Long, StoredRow> rowsAt(List<Long> positions) {
        if (positions.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, meta_data,
                       payload, payload_revision, payload_type, time_stamp
                FROM domain_event_entry WHERE global_index = ANY (?)""",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", positions.toArray())),
                (rs, n) -> new StoredRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getBytes(6), rs.getBytes(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)))
                .stream().collect(Collectors.toMap(StoredRow::position, Function.identity()));
    }

    /**
     * The lowest position, below the last one the transparency log holds, whose event has no leaf in the log; null
     * if none. The one query that reads the log's leaf table: it is here because it scans the event table.
     */
    public Long firstWithoutLeaf() {
        return jdbc.queryForObject("""
                SELECT min(e.global_index) FROM domain_event_entry e
                WHERE e.global_index < (SELECT max(global_index) FROM log_leaf)
                  AND NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.global_index = e.global_index)""", Long.class);
    }

    /** The stored payload type as the serializer resolves it, answered by its contract name. */
    private Optional<String> typeName(String payloadType, String revision) {
        Class<?> type = serializer.classForType(new SimpleSerializedType(payloadType, revision));
        return EventTypes.all().contains(type) ? Optional.of(EventTypes.nameOf(type)) : Optional.empty();
    }
}
