package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.civicledger.command.log.AuditReport;
import org.civicledger.command.log.CheckpointSigner;
import org.civicledger.command.log.LogAudit;
import org.civicledger.command.log.TransparencyLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Figures for the README, not a timed assertion: how fast the one writer appends leaves, and how long the
 * self-audit takes per 100k events. Opt-in (it adds events that cannot be removed), run alone:
 * {@code bash infra/test.sh -pl command-service -am -Dtest=LogBench
 * [-Dcivic.bench.events=100000] -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LogBench extends CommandSideTest {

    @Autowired
    TransparencyLog log;

    @Autowired
    LogAudit audit;

    @Autowired
    CheckpointSigner signer;

    @Test
    void appendAndAuditFigures() {
        int events = Integer.getInteger("civic.bench.events", 100_000);
        register("bench-seed", "Bench Seed");
        long seed = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = 'person:bench-seed'",
                Long.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == eventCount());

        // Copies of a real event under new ids: the store as the log's writer and auditor see it.
        long inserted = System.nanoTime();
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT 'person:bench-' || g, 0, type, gen_random_uuid()::text, meta_data, payload, payload_revision,
                       payload_type, time_stamp
                FROM domain_event_entry, generate_series(1, ?) g WHERE global_index = ?""", events, seed);
        long total = eventCount();
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> log.size() == total);
        double appendSeconds = (System.nanoTime() - inserted) / 1e9;

        long signStart = System.nanoTime();
        signer.signNow();
        double signMs = (System.nanoTime() - signStart) / 1e6;
        AuditReport report = audit.run(false);
        AuditReport again = audit.run(false);

        assertThat(report.clean()).as(report.problem()).isTrue();
        long[] latencies = new long[20];
        for (int i = 0; i < latencies.length; i++) {
            long sent = System.nanoTime();
            register("bench-latency-" + i, "Latency " + i);
            long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM log_leaf WHERE global_index = ?", Long.class, head) == 1);
            latencies[i] = (System.nanoTime() - sent) / 1_000_000;
        }
        java.util.Arrays.sort(latencies);
        System.out.printf("%n[bench] command sent -> its leaf committed, 20 samples, idle: median %d ms, max %d ms%n",
                latencies[10], latencies[19]);
        System.out.printf("%n[bench] %d leaves appended in %.1f s: %.0f leaves/s, %.3f ms per leaf (publisher "
                + "running alongside); checkpoint of %d signed in %.1f ms%n", events, appendSeconds,
                events / appendSeconds, appendSeconds * 1000 / events, total, signMs);
        System.out.printf("[bench] audit of %d leaves: %d ms, then %d ms warm = %.1f s per 100k events%n%n",
                report.leaves(), report.took().toMillis(), again.took().toMillis(),
                again.took().toMillis() / 1000.0 * 100_000 / again.leaves());
    }
}
