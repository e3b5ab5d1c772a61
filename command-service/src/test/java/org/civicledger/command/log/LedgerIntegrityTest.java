package org.civicledger.command.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class LedgerIntegrityTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LedgerIntegrity integrity = new LedgerIntegrity(meters);

    @Test
    void givenNoAuditSinceStart_whenSigning_thenRefused() {
        assertThatThrownBy(integrity::requireSigningAllowed).isInstanceOf(SigningRefused.class);
        assertThat(integrity.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void givenABadAudit_whenALaterBackgroundAuditIsClean_thenStillRefusedUntilAnOperatorAsks() {
        integrity.record(bad(42), false);
        integrity.record(clean(), false);
        assertThatThrownBy(integrity::requireSigningAllowed).hasMessageContaining("leaf 3 (position 42)");
        assertThat(integrity.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(integrity.health().getDetails()).containsEntry("firstBadPosition", 42L);

        integrity.record(clean(), true);

        integrity.requireSigningAllowed();
        assertThat(integrity.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void givenBadLeaves_thenCountedEachTimeFound() {
        integrity.record(bad(42), false);
        integrity.record(bad(42), true);
        assertThat(meters.counter("civic.log.bad.leaves").count()).isEqualTo(2);
    }

    private static AuditReport bad(long position) {
        return new AuditReport(10, 1, position, "leaf 3 (position " + position + ") no longer matches its event",
                Instant.EPOCH, Duration.ZERO);
    }

    private static AuditReport clean() {
        return new AuditReport(10, 0, null, null, Instant.EPOCH, Duration.ZERO);
    }
}
