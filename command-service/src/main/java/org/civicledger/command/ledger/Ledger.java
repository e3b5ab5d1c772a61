package org.civicledger.command.ledger;

import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command and answers with the global position of the last event it recorded. */
@Component
public class Ledger {

    private final CommandGateway commands;
    private final EventPositions positions;

    public Ledger(CommandGateway commands, EventPositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    public <R> Outcome<R> record(Object command) {
        LastEventCapture.Recorded recorded = commands.sendAndWait(command);
        LastEventCapture.Appended appended = recorded.appended().get();
        if (appended == null) {
            throw new IllegalStateException("command " + command.getClass().getSimpleName() + " recorded no event");
        }
        @SuppressWarnings("unchecked")
        R result = (R) recorded.result();
        return new Outcome<>(result, positions.of(appended.lastId()), appended.idsByType());
    }

    /** {@code eventIds}: the id of the last event of each type the command appended, by the type's simple name. */
    public record Outcome<R>(R result, long position, Map<String, String> eventIds) {
    }
}
