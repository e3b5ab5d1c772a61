package org.civicledger.query.deadletter;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health key {@code deadLetters}: {@code DEGRADED} while any event is parked: the public record is serving, but not all of it. Mapped to HTTP 200
 * (application.yml) so a load balancer keeps the instance; monitoring sees the status and the counts.
 */
@Component
class DeadLettersHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some events could not be projected; see /api/dead-letters");

    private final DeadLetters deadLetters;

    DeadLettersHealthIndicator(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        DeadLetters.Counts counts = deadLetters.counts();
        return (counts.deadLetters() == 0 ? Health.up() : Health.status(DEGRADED))
                .withDetail("deadLetters", counts.deadLetters())
                .withDetail("failed", counts.failed())
                .withDetail("heldBack", counts.heldBack())
                .withDetail("aggregates", counts.aggregates())
                .build();
    }
}
