package org.civicledger.command.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.civicledger.command.ledger.RuleViolation;
import org.springframework.stereotype.Component;

/** When the council acted: given by the clerk, else now; never in the future (beyond clock skew). */
@Component
public class Occurrence {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    public Occurrence(Clock clock) {
        this.clock = clock;
    }

    public Instant resolve(Instant given) {
        Instant now = clock.instant();
        if (given == null) {
            return now;
        }
        if (given.isAfter(now.plus(CLOCK_SKEW))) {
            throw RuleViolation.unprocessable("occurred-at-in-future",
                    "occurredAt " + given + " is in the future; record actions once they have happened.");
        }
        return given;
    }
}
