package org.civicledger.command.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code ledgerIntegrity}: DOWN, naming the first bad position, once an audit finds a leaf that no longer
 * matches its event. That verdict sticks (and the signer refuses) until an operator has repaired the store and asks
 * for a clean audit (POST /api/log/audit) or restarts; a background audit alone never clears it. Until the first
 * audit after start has passed, nothing is signed either.
 */
@Component("ledgerIntegrity")
public class LedgerIntegrity implements HealthIndicator {

    private final Counter badLeaves;
    private volatile AuditReport lastAudit;
    private volatile AuditReport failure;

    LedgerIntegrity(MeterRegistry meters) {
        this.badLeaves = Counter.builder("civic.log.bad.leaves")
                .description("Leaves found by the self-audit not to match the event store").register(meters);
    }

    synchronized void record(AuditReport report, boolean operatorAsked) {
        lastAudit = report;
        if (!report.clean()) {
            badLeaves.increment(report.badLeaves());
            failure = report;
        } else if (operatorAsked) {
            failure = null;
        }
    }

    void requireSigningAllowed() {
        AuditReport f = failure;
        if (f != null) {
            throw new SigningRefused("the self-audit found the log no longer matches the event store ("
                    + f.problem() + "); repair the store, then run POST /api/log/audit or restart");
        }
        if (lastAudit == null) {
            throw new SigningRefused("the log has not been audited since start");
        }
    }

    @Override
    public Health health() {
        AuditReport f = failure;
        AuditReport last = lastAudit;
        if (f != null) {
            return Health.down().withDetail("firstBadPosition", f.firstBadPosition())
                    .withDetail("badLeaves", f.badLeaves()).withDetail("problem", f.problem())
                    .withDetail("auditedAt", f.finishedAt().toString()).withDetail("signing", "refused").build();
        }
        if (last == null) {
            return Health.unknown().withDetail("audit", "not yet run").build();
        }
        return Health.up().withDetail("leaves", last.leaves()).withDetail("auditedAt", last.finishedAt().toString())
                .withDetail("tookMs", last.took().toMillis()).build();
    }
}
