package org.civicledger.query.log;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code transparencyLog}: UP while this service's copy reproduces every signed checkpoint it received; DEGRADED
 * (reads still served, proofs only up to the last matching checkpoint) with what disagrees.
 */
@Component("transparencyLog")
class LogCopyHealth implements HealthIndicator {

    private final LogCopy copy;

    LogCopyHealth(LogCopy copy) {
        this.copy = copy;
    }

    @Override
    public Health health() {
        LogCopy.State state = copy.state();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("leaves", state.size());
        details.put("checkpointSize", state.checkpointSize());
        if (state.waitingFor() != null) {
            details.put("waitingFor", state.waitingFor());
        }
        if (state.mismatch() != null) {
            details.put("mismatch", state.mismatch());
            return Health.status(new Status("DEGRADED")).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
