package org.civicledger.command.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An event's global position in the store, by its id. */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
