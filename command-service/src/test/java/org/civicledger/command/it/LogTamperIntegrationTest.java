package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.civicledger.command.log.LedgerIntegrity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Someone with superuser rights bypasses the immutability trigger and edits a stored event. The audit must notice,
 * name the position, and stop the signer. The shared context and database are restored before the test ends (the
 * payload put back, the trigger enabled again, a clean audit asked for), whatever the outcome, so later tests see an
 * intact log; test classes of one JVM run one after another, so none runs while the event is edited.
 */
class LogTamperIntegrationTest extends CommandSideTest {

    @Autowired
    LedgerIntegrity integrity;

    @Autowired
    MeterRegistry meters;

    @Test
    void anEditedEventTurnsLedgerIntegrityDownNamingItsPositionAndStopsSigning() throws Exception {
        register("tamper-target", "Original Name");
        long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = 'person:tamper-target'",
                Long.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM log_leaf WHERE global_index = ?", Long.class, position) == 1);
        assertThat(audit().get("problem").isNull()).as("intact before the edit").isTrue();
        byte[] original = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, position);
        double badBefore = meters.counter("civic.log.bad.leaves").count();
        try {
            setPayload(position, new String(original, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("Original Name", "Forged Name").getBytes(java.nio.charset.StandardCharsets.UTF_8));

            JsonNode report = audit();

            assertThat(report.get("firstBadPosition").asLong()).isEqualTo(position);
            assertThat(report.get("badLeaves").asLong()).isEqualTo(1);
            Health health = integrity.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("firstBadPosition", position);
            var publicHealth = send(org.springframework.http.HttpMethod.GET, "/actuator/health/ledgerIntegrity", null,
                    false);
            assertThat(publicHealth.getStatusCode().value()).isEqualTo(503);
            var clerkHealth = send(org.springframework.http.HttpMethod.GET, "/actuator/health/ledgerIntegrity", null,
                    true);
            assertThat(body(clerkHealth).at("/details/firstBadPosition").asLong()).isEqualTo(position);
            assertThat(meters.counter("civic.log.bad.leaves").count()).isEqualTo(badBefore + 1);
            assertProblem(post("/api/log/checkpoints", ""), 409, "log-integrity");
        } finally {
            setPayload(position, original);
            assertThat(audit().get("problem").isNull()).as("clean after the repair").isTrue();
        }
        assertThat(integrity.health().getStatus()).isEqualTo(Status.UP);
        assertThat(post("/api/log/checkpoints", "").getStatusCode().value()).isEqualTo(200);
    }

    /** What a superuser can do: the trigger is off only for this one statement's transaction. */
    private void setPayload(long position, byte[] payload) {
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_immutable");
        try {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, position);
        } finally {
            jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_immutable");
        }
    }

    private JsonNode audit() throws Exception {
        var response = post("/api/log/audit", "");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }
}
