package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicledger.command.idempotency.IdempotencyCleanup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The Idempotency-Key contract on the command API, against the real PostgreSQL (the claims live there too). */
class IdempotencyIntegrationTest extends CommandSideTest {

    @LocalServerPort
    int port;

    @Autowired
    IdempotencyCleanup cleanup;

    ResponseEntity<String> keyed(String clerk, String key, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return rest.withBasicAuth(clerk, "s3cret").exchange(path, method, new HttpEntity<>(body, headers),
                String.class);
    }

    ResponseEntity<String> keyed(String key, String path, String body) {
        return keyed("ada", key, HttpMethod.POST, path, body);
    }

    long eventsOf(String aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate);
    }

    static String person(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\"}";
    }

    @Test
    void givenAnsweredKey_whenTheSameRequestIsRetried_thenTheFirstAnswerIsReplayedAndNothingIsRecorded() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = keyed(key, "/api/people", person("idem-larry-palm"));
        long after = eventCount();

        ResponseEntity<String> again = keyed(key, "/api/people", person("idem-larry-palm"));

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(first.getHeaders().getFirst("Idempotent-Replay")).isNull();
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(again.getHeaders().getContentType()).isEqualTo(first.getHeaders().getContentType());
        assertThat(again.getHeaders().getFirst("Idempotent-Replay")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(after);
        assertThat(eventsOf("person:idem-larry-palm")).isEqualTo(1);
    }

    @Test
    void givenEightIdenticalRequestsAtOnce_whenTheyRace_thenExactlyOneEventIsStoredAndAllGetItsAnswer()
            throws Exception {
        String key = UUID.randomUUID().toString();
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return keyed(key, "/api/people", person("idem-race"));
                }));
            }
            start.countDown();
            List<ResponseEntity<String>> responses = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : answers) {
                responses.add(answer.get());
            }

            assertThat(eventsOf("person:idem-race")).isEqualTo(1);
            assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode().value()).as(r.getBody())
                    .isEqualTo(201));
            assertThat(responses).extracting(ResponseEntity::getBody).containsOnly(responses.get(0).getBody());
            assertThat(responses).filteredOn(r -> r.getHeaders().getFirst("Idempotent-Replay") == null).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenUsedKey_whenAnotherBodyOrPathOrMethodComes_thenItIsRefused422AndNothingIsRecorded() throws Exception {
        String key = UUID.randomUUID().toString();
        keyed(key, "/api/people", person("idem-tim"));
        long before = eventCount();

        assertProblem(keyed(key, "/api/people", person("idem-tim-2")), 422, "idempotency-key-reused");
        assertProblem(keyed(key, "/api/bodies", "{\"id\":\"idem-b\",\"name\":\"B\",\"seats\":3}"), 422,
                "idempotency-key-reused");
        assertProblem(keyed("ada", key, HttpMethod.PUT, "/api/people", person("idem-tim")), 422,
                "idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void givenKeyOfOneClerk_whenAnotherClerkUsesIt_thenTheirRequestRunsOnItsOwn() throws Exception {
        String key = UUID.randomUUID().toString();
        keyed("ada", key, HttpMethod.POST, "/api/people", person("idem-shiva"));

        ResponseEntity<String> other = keyed("bea", key, HttpMethod.POST, "/api/people", person("idem-shiva"));
        ResponseEntity<String> own = keyed("bea", key, HttpMethod.POST, "/api/people", person("idem-shiva"));

        assertProblem(other, 409, "person-already-registered");
        assertThat(other.getHeaders().getFirst("Idempotent-Replay")).as("ran, not replayed ada's 201").isNull();
        assertThat(own.getHeaders().getFirst("Idempotent-Replay")).as("bea's own refusal is kept").isEqualTo("true");
        assertThat(own.getBody()).isEqualTo(other.getBody());
        assertThat(eventsOf("person:idem-shiva")).isEqualTo(1);
    }

    @Test
    void givenRuleRefusal_whenRetriedWithTheSameKey_thenTheRefusalIsReplayed() throws Exception {
        String key = UUID.randomUUID().toString();
        String future = "{\"id\":\"idem-future\",\"name\":\"F\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}";

        assertProblem(keyed(key, "/api/people", future), 422, "occurred-at-in-future");
        ResponseEntity<String> again = keyed(key, "/api/people", future);

        assertProblem(again, 422, "occurred-at-in-future");
        assertThat(again.getHeaders().getFirst("Idempotent-Replay")).isEqualTo("true");
    }

    @Test
    void givenInvalidKey_whenSent_thenItIsRefused400BeforeAnythingRuns() throws Exception {
        RawHttp raw = new RawHttp("127.0.0.1", port);
        String auth = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                "ada:s3cret".getBytes(StandardCharsets.UTF_8)) + "\r\n";
        byte[] body = person("idem-invalid").getBytes(StandardCharsets.UTF_8);
        long before = eventCount();
        List<byte[]> keys = List.of(new byte[0], "x".repeat(256).getBytes(StandardCharsets.US_ASCII),
                "two words".getBytes(StandardCharsets.US_ASCII), "clé".getBytes(StandardCharsets.UTF_8),
                "tab\there".getBytes(StandardCharsets.US_ASCII));

        for (byte[] key : keys) {
            String head = "POST /api/people HTTP/1.1\r\nContent-Type: application/json\r\n" + auth
                    + "Idempotency-Key: " + new String(key, StandardCharsets.ISO_8859_1) + "\r\n";
            RawHttp.Response response = raw.send(head, body);
            assertThat(response.status()).as(new String(key, StandardCharsets.UTF_8)).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("rule").asText())
                    .as(new String(key, StandardCharsets.UTF_8)).isEqualTo("invalid-idempotency-key");
        }
        RawHttp.Response control = raw.send("POST /api/people HTTP/1.1\r\nContent-Type: application/json\r\n"
                + auth + "Idempotency-Key: k\u007f\r\n", body);
        assertThat(control.status()).as("Tomcat itself refuses control bytes in a header").isEqualTo(400);
        assertThat(json.readTree(control.body()).get("rule").asText()).isEqualTo("malformed-request");
        RawHttp.Response twice = raw.send("POST /api/people HTTP/1.1\r\nContent-Type: application/json\r\n" + auth
                + "Idempotency-Key: a\r\nIdempotency-Key: b\r\n", body);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(json.readTree(twice.body()).get("rule").asText()).isEqualTo("invalid-idempotency-key");
        assertThat(keyed("x".repeat(255), "/api/people", person("idem-longest")).getStatusCode().value())
                .isEqualTo(201);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void givenRequestStillRunning_whenADuplicateArrives_thenItWaitsThenIsTold409InFlight() throws Exception {
        String key = UUID.randomUUID().toString();
        keyed(key, "/api/people", person("idem-slow"));
        // As the row looks while the first request is running: claimed, committed, no answer yet.
        jdbc.update("UPDATE idempotency_key SET completed_at = NULL, status = NULL, content_type = NULL,"
                + " location = NULL, body = NULL WHERE clerk = 'ada' AND idem_key = ?", key);

        long started = System.nanoTime();
        ResponseEntity<String> duplicate = keyed(key, "/api/people", person("idem-slow"));

        assertProblem(duplicate, 409, "idempotency-key-in-flight");
        assertThat(duplicate.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited in-flight-wait (2 s) first")
                .isGreaterThanOrEqualTo(1_900);
        assertThat(eventsOf("person:idem-slow")).isEqualTo(1);
    }

    @Test
    void givenStaleClaim_whenItsCommandCommitted_thenRetriesAreToldTheOutcomeIsUnknownAndNeverRunTwice()
            throws Exception {
        String key = UUID.randomUUID().toString();
        keyed(key, "/api/people", person("idem-lost"));
        jdbc.update("UPDATE idempotency_key SET completed_at = NULL, status = NULL, content_type = NULL,"
                + " location = NULL, body = NULL, claimed_at = now() - interval '1 hour'"
                + " WHERE clerk = 'ada' AND idem_key = ?", key);

        assertProblem(keyed(key, "/api/people", person("idem-lost")), 409, "idempotency-key-outcome-unknown");
        assertThat(eventsOf("person:idem-lost")).isEqualTo(1);
    }

    @Test
    void givenStaleClaimThatNeverCommitted_whenRetried_thenTheRetryTakesItOverAndRuns() {
        String key = UUID.randomUUID().toString();
        keyed(key, "/api/people", person("idem-died"));
        // The first attempt died before committing: no commit mark (and, here, no event either).
        jdbc.update("UPDATE idempotency_key SET completed_at = NULL, status = NULL, content_type = NULL,"
                + " location = NULL, body = NULL, committed_at = NULL, claimed_at = now() - interval '1 hour'"
                + " WHERE clerk = 'ada' AND idem_key = ?", key);

        ResponseEntity<String> retry = keyed(key, "/api/people", person("idem-died-retry-body"));
        ResponseEntity<String> same = keyed(key, "/api/people", person("idem-died"));

        assertThat(retry.getStatusCode().value()).as("another body never takes a claim over").isEqualTo(422);
        assertThat(same.getStatusCode().value()).as("it ran: the person exists, so 409").isEqualTo(409);
        assertThat(same.getHeaders().getFirst("Idempotent-Replay")).isNull();
    }

    @Test
    void givenAClaimTakenOverWhileTheCommandRan_whenItsCommandCommits_thenTheFenceRollsItBack() throws Exception {
        // Stands in for the race: the fenced commit mark finds its claim gone, as after a retry's takeover.
        jdbc.execute("""
                CREATE FUNCTION test_claim_lost() RETURNS trigger AS $$ BEGIN
                    IF NEW.committed_at IS NOT NULL AND OLD.committed_at IS NULL
                       AND OLD.idem_key LIKE 'fence-lost-%' THEN RETURN NULL; END IF;
                    RETURN NEW; END $$ LANGUAGE plpgsql""");
        jdbc.execute("CREATE TRIGGER test_claim_lost BEFORE UPDATE ON idempotency_key FOR EACH ROW"
                + " EXECUTE FUNCTION test_claim_lost()");
        String key = "fence-lost-" + UUID.randomUUID();
        ResponseEntity<String> fenced;
        try {
            fenced = keyed(key, "/api/people", person("idem-fenced"));
        } finally {
            jdbc.execute("DROP TRIGGER test_claim_lost ON idempotency_key");
            jdbc.execute("DROP FUNCTION test_claim_lost()");
        }

        assertProblem(fenced, 409, "idempotency-key-in-flight");
        assertThat(eventsOf("person:idem-fenced")).as("the event rolled back with the mark").isZero();
        assertThat(keyed(key, "/api/people", person("idem-fenced")).getStatusCode().value()).isEqualTo(201);
        assertThat(eventsOf("person:idem-fenced")).isEqualTo(1);
    }

    @Test
    void givenExpiredKey_whenReused_thenItRunsAsNewAndCleanupDeletesExpiredKeys() {
        String key = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();
        keyed(key, "/api/people", person("idem-expired"));
        keyed(old, "/api/people", person("idem-expired-2"));
        jdbc.update("UPDATE idempotency_key SET expires_at = now() - interval '1 second'"
                + " WHERE clerk = 'ada' AND idem_key IN (?, ?)", key, old);

        ResponseEntity<String> reused = keyed(key, "/api/people", person("idem-expired-3"));
        cleanup.purge();

        assertThat(reused.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", Long.class, old))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", Long.class, key))
                .isOne();
    }

    @Test
    void givenNoKey_whenTheSameRequestIsSentTwice_thenItRunsTwiceAsBefore() throws Exception {
        post("/api/people", person("idem-none"));
        assertProblem(post("/api/people", person("idem-none")), 409, "person-already-registered");
    }
}
