package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.roster.PersonRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One event that cannot be projected never stops the public record: it is parked as a dead letter, later events of
 * its aggregate wait behind it in order, everything else flows, and a clerk's retry applies them after a fix.
 */
class DeadLetterIntegrationTest extends TopicIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPoisonedEventBetweenGoodOnesIsParkedAndOnlyItsOwnAggregateWaits() throws Exception {
        String poisoned = id();
        String healthy = id();
        long before = topic.publish(new PersonRegistered("dl-ann-" + poisoned.substring(0, 8), "Ann", at(0)));
        long poison = topic.publish(new FileIntroduced(poisoned, "RES-17-9" + poisoned.substring(0, 4),
                FileType.RESOLUTION, "Safe\u0000haven", "text", "shiva-bidar", at(1)));
        long heldBack = topic.publish(new CosponsorAdded(poisoned, "larry-palm", at(2)));
        long after = topic.publish(new FileIntroduced(healthy, "RES-17-8" + healthy.substring(0, 4),
                FileType.RESOLUTION, "A healthy file", "text", "shiva-bidar", at(3)),
                new CosponsorAdded(healthy, "larry-palm", at(4)));

        JsonNode file = get("/api/files/" + healthy, after);
        assertThat(file.get("cosponsors")).hasSize(1);
        assertThat(rest.getForEntity("/api/files/" + poisoned, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/position", after).get("position").asLong()).isGreaterThanOrEqualTo(after);
        ResponseEntity<String> anyRead = rest.getForEntity("/api/position", String.class);
        assertThat(anyRead.getHeaders().getFirst("Civic-Position")).isNotNull();
        assertThat(Integer.parseInt(anyRead.getHeaders().getFirst("Civic-Held-Records"))).isGreaterThanOrEqualTo(1);

        List<JsonNode> letters = lettersOf(poisoned);
        assertThat(letters).extracting(l -> l.get("position").asLong()).containsExactly(poison, heldBack);
        assertThat(letters.get(0).get("error").asText()).contains("PSQLException").contains("Unicode")
                .doesNotContain("\tat ");
        assertThat(letters.get(0).get("heldBackBy").isNull()).isTrue();
        assertThat(letters.get(1).get("heldBackBy").asLong()).isEqualTo(poison);
        assertThat(letters.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(before).isLessThan(poison);

        JsonNode health = EventJson.mapper().readTree(rest.getForEntity("/actuator/health", String.class).getBody());
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/deadLetters/details/deadLetters").asLong()).isGreaterThanOrEqualTo(2);

        // Text that cannot be stored stays unstorable: a retry records one more failed attempt, in order.
        assertThat(retry(false).getStatusCode().value()).isEqualTo(401);
        assertThat(retry(true).getStatusCode().value()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(lettersOf(poisoned).get(0).get("attempts").asInt()).isEqualTo(2));
        assertThat(lettersOf(poisoned)).hasSize(2);
    }

    @Test
    void afterAFixAClerksRetryAppliesTheParkedEventsInOrder() throws Exception {
        String drifted = id();
        String other = id();
        // A schema drift on the read side: an old constraint the projection does not expect.
        jdbc.execute("ALTER TABLE legislative_file ADD CONSTRAINT drift_" + drifted.substring(0, 8)
                + " CHECK (file_id <> '" + drifted + "')");
        topic.publish(new FileIntroduced(drifted, "RES-17-7" + drifted.substring(0, 4), FileType.RESOLUTION,
                "Drifted", "text", "shiva-bidar", at(0)));
        topic.publish(new CosponsorAdded(drifted, "larry-palm", at(1)), new CosponsorAdded(drifted, "tim-gruber", at(2)));
        long flowing = topic.publish(new FileIntroduced(other, "RES-17-6" + other.substring(0, 4),
                FileType.RESOLUTION, "Flows past", "text", "shiva-bidar", at(3)));

        get("/api/files/" + other, flowing);
        assertThat(lettersOf(drifted)).hasSize(3);
        assertThat(lettersOf(drifted).get(0).get("error").asText()).contains("drift_");

        jdbc.execute("ALTER TABLE legislative_file DROP CONSTRAINT drift_" + drifted.substring(0, 8));
        assertThat(retry(true).getStatusCode().value()).isEqualTo(202);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(lettersOf(drifted)).isEmpty());
        JsonNode file = get("/api/files/" + drifted, 0);
        assertThat(file.get("cosponsors")).extracting(JsonNode::asText).containsExactly("larry-palm", "tim-gruber");
        JsonNode history = get("/api/files/" + drifted + "/history", 0);
        assertThat(history.get("items")).extracting(i -> i.get("type").asText())
                .containsExactly("FileIntroduced", "CosponsorAdded", "CosponsorAdded");
    }

    private List<JsonNode> lettersOf(String aggregateId) throws Exception {
        JsonNode letters = get("/api/dead-letters", 0);
        return StreamSupport.stream(letters.get("items").spliterator(), false)
                .filter(l -> l.get("aggregateId").asText().equals(aggregateId)).toList();
    }

    private ResponseEntity<String> retry(boolean clerk) {
        var client = clerk ? rest.withBasicAuth("ada", "s3cret") : rest;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange("/api/dead-letters/retry", HttpMethod.POST, new HttpEntity<>("{}", headers),
                String.class);
    }
}
