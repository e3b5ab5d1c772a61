package org.civicledger.command.ledger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Sends a command and answers with the global position of the last event it recorded. */
@Component
public class Ledger {

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public Ledger(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    public <R> Outcome<R> record(Object command) {
        LastEventCapture.Recorded recorded = commands.sendAndWait(command);
        @SuppressWarnings("unchecked")
        R result = (R) recorded.result();
        return new Outcome<>(result, positionOf(recorded.lastEventId().get()));
    }

    private long positionOf(String eventId) {
        if (eventId == null) {
            throw new IllegalStateException("command recorded no event");
        }
        Long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
        return position == null ? -1 : position;
    }

    public record Outcome<R>(R result, long position) {
    }
}
