package org.civicledger.command.ledger;

import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.civicledger.events.EventTypes;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the rest of the command side reads Axon's event table: an event's global position, the head of the store,
 * and what an event id names. The one class with SQL on domain_event_entry, so its column names and how payload
 * types are stored (the serializer's business) are known in one place.
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

    /** The stored payload type as the serializer resolves it, answered by its contract name. */
    private Optional<String> typeName(String payloadType, String revision) {
        Class<?> type = serializer.classForType(new SimpleSerializedType(payloadType, revision));
        return EventTypes.all().contains(type) ? Optional.of(EventTypes.nameOf(type)) : Optional.empty();
    }
}
