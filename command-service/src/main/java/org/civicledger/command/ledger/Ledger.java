package org.civicledger.command.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers with the global position of the last event it recorded. Every command is timed
 * ({@code civic.commands}, tagged by command type and outcome: recorded, refused or failed), whichever door it came by.
 */
@Component
public class Ledger {

    private final CommandGateway commands;
    private final EventPositions positions;
    private final MeterRegistry meters;

    public Ledger(CommandGateway commands, EventPositions positions, MeterRegistry meters) {
        this.commands = commands;
        this.positions = positions;
        this.meters = meters;
    }

    public <R> Outcome<R> record(Object command) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            Outcome<R> recorded = send(command);
            outcome = "recorded";
            return recorded;
        } catch (RuleViolation e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(meters.timer("civic.commands", "type", command.getClass().getSimpleName(),
                    "outcome", outcome));
        }
    }

    private <R> Outcome<R> send(Object command) {
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
