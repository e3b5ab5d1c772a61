package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.civicledger.events.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The command side against a real PostgreSQL and a real Kafka broker. */
class CommandServiceIntegrationTest extends CommandSideTest {

    @Test
    void anonymousWritesAreRefusedWith401ProblemAndStoreNothing() throws Exception {
        long before = eventCount();

        ResponseEntity<String> response = send(HttpMethod.POST, "/api/people",
                "{\"id\":\"anon-person\",\"name\":\"Anon\"}", false);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(response).get("rule").asText()).isEqualTo("clerk-login-required");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void recordedByIsTheAuthenticatedClerkNeverTheRequestBody() throws Exception {
        ResponseEntity<String> response = post("/api/people",
                "{\"id\":\"maurice-cheeks\",\"name\":\"Maurice Cheeks\",\"recordedBy\":\"mallory\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String metaData = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = 'person:maurice-cheeks'""", String.class);
        assertThat(json.readTree(metaData).get("recordedBy").asText()).isEqualTo("ada");
    }

    @Test
    void eventsAreStoredAsReadableJsonAndAnsweredWithTheirGlobalPosition() throws Exception {
        ResponseEntity<String> response = post("/api/people", "{\"id\":\"mark-clear\",\"name\":\"Mark Clear\"}");

        long position = body(response).get("position").asLong();
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT aggregate_identifier, payload_type, payload_revision,
                       convert_from(payload, 'UTF8')::jsonb ->> 'name' AS name
                FROM domain_event_entry WHERE global_index = ?""", position);
        assertThat(row).containsEntry("aggregate_identifier", "person:mark-clear")
                .containsEntry("payload_type", "org.civicledger.events.roster.PersonRegistered")
                .containsEntry("payload_revision", "1")
                .containsEntry("name", "Mark Clear");
    }

    @Test
    void theEventStoreRefusesUpdatesAndDeletes() {
        register("sara-eskrich", "Sara Eskrich");

        assertThatThrownBy(() -> jdbc.update(
                "UPDATE domain_event_entry SET payload = 'x' WHERE aggregate_identifier = 'person:sara-eskrich'"))
                .rootCause().hasMessageContaining("events are immutable: UPDATE");
        assertThatThrownBy(() -> jdbc.update(
                "DELETE FROM domain_event_entry WHERE aggregate_identifier = 'person:sara-eskrich'"))
                .rootCause().hasMessageContaining("events are immutable: DELETE");
    }

    @Test
    void fileNumbersRunWithoutGapsAcrossARefusedIntroduction() throws Exception {
        register("marsha-rummel", "Marsha Rummel");
        String ordinance = "{\"type\":\"ORDINANCE\",\"title\":\"T\",\"text\":\"X\",\"sponsor\":\"%s\","
                + "\"occurredAt\":\"2016-03-01T18:00:00Z\"}";

        String first = body(post("/api/files", ordinance.formatted("marsha-rummel"))).get("fileNumber").asText();
        ResponseEntity<String> refused = post("/api/files", ordinance.formatted("not-registered"));
        String second = body(post("/api/files", ordinance.formatted("marsha-rummel"))).get("fileNumber").asText();

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(first).isEqualTo("ORD-16-00001");
        assertThat(second).isEqualTo("ORD-16-00002");
    }

    @Test
    void badInputIsAProblemDocumentAndNeverReachesTheStore() throws Exception {
        register("tim-gruber", "Tim Gruber");
        long before = eventCount();
        String unknownFile = UUID.randomUUID().toString();

        assertProblem(post("/api/people", "{\"id\":"), 400, "malformed-request");
        assertProblem(post("/api/people", "{\"name\":\"No Id\"}"), 400, "invalid-request");
        assertProblem(post("/api/people", "{\"id\":\"Not A Slug\",\"name\":\"X\"}"), 400, "invalid-request");
        assertProblem(post("/api/bodies", "{\"id\":\"b\",\"name\":\"B\",\"seats\":\"many\"}"), 400,
                "malformed-request");
        assertProblem(post("/api/files", "{\"type\":\"DECREE\",\"title\":\"T\",\"text\":\"X\",\"sponsor\":\"tim-gruber\"}"),
                400, "malformed-request");
        assertProblem(post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"tim-gruber\",\"occurredAt\":\"next tuesday\"}"), 400, "malformed-request");
        assertProblem(post("/api/files/" + unknownFile + "/cosponsors", "{\"person\":\"tim-gruber\"}"), 404,
                "not-found");
        assertProblem(post("/api/files/not-a-file/cosponsors", "{\"person\":\"tim-gruber\"}"), 404,
                "file-not-found");
        assertProblem(post("/api/bodies/no-such-body/seats", "{\"person\":\"tim-gruber\",\"from\":\"2015-04-21\"}"),
                404, "not-found");
        assertProblem(post("/api/people", "{\"id\":\"tim-gruber\",\"name\":\"Tim Gruber\"}"), 409,
                "person-already-registered");
        assertProblem(post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"tim-gruber\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}"), 422, "occurred-at-in-future");
        assertProblem(send(HttpMethod.PUT, "/api/people", "{}", true), 405, "http-405");

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void bodyRulesTakeAQuorumOrAMotionThresholdOneAtATime() throws Exception {
        post("/api/bodies", "{\"id\":\"finance-committee\",\"name\":\"Finance Committee\","
                + "\"kind\":\"COMMITTEE\",\"seats\":5}");
        long before = eventCount();

        assertProblem(post("/api/bodies/finance-committee/rules", "{}"), 400, "one-rule-per-request");
        assertProblem(post("/api/bodies/finance-committee/rules",
                "{\"quorum\":\"TWO_THIRDS_SEATS\",\"motion\":\"ADOPT\",\"threshold\":\"MAJORITY_SEATS\"}"),
                400, "one-rule-per-request");
        assertProblem(post("/api/bodies/finance-committee/rules", "{\"motion\":\"ADOPT\"}"), 400,
                "one-rule-per-request");
        assertProblem(post("/api/bodies/finance-committee/rules", "{\"motion\":\"FILIBUSTER\","
                + "\"threshold\":\"MAJORITY_SEATS\"}"), 400, "malformed-request");
        assertThat(eventCount()).isEqualTo(before);

        assertThat(post("/api/bodies/finance-committee/rules",
                "{\"motion\":\"ADOPT\",\"threshold\":\"THREE_QUARTERS_SEATS\"}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(post("/api/bodies/finance-committee/rules", "{\"quorum\":\"TWO_THIRDS_SEATS\"}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(before + 2);
    }

    @Test
    void aPassingVoteAdoptsTheFileInTheSameTransactionAndAnswersWithItsArithmetic() throws Exception {
        seatedBody("vote-council", List.of("vera-one", "walt-two", "xena-three"));
        String fileId = body(post("/api/files", "{\"type\":\"ORDINANCE\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"vera-one\",\"occurredAt\":\"2017-01-10T12:00:00Z\"}")).get("fileId").asText();
        String meeting = meetingOf("vote-council");
        String item = body(post(meeting + "/agenda/items", "{\"fileId\":\"" + fileId + "\"}")).get("itemId").asText();
        post(meeting + "/call-to-order", "{\"occurredAt\":\"2017-02-08T00:31:00Z\"}");
        post(meeting + "/roll-call", "{\"present\":[\"vera-one\",\"walt-two\"],\"absent\":[\"xena-three\"],"
                + "\"occurredAt\":\"2017-02-08T00:32:00Z\"}");
        String motion = body(post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"ADOPT\","
                + "\"mover\":\"vera-one\",\"seconder\":\"walt-two\"}")).get("motionId").asText();

        ResponseEntity<String> response = post(meeting + "/motions/" + motion + "/vote",
                "{\"roll\":{\"vera-one\":\"AYE\",\"walt-two\":\"NO\"},\"occurredAt\":\"2017-02-08T01:00:00Z\"}");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode vote = body(response);
        assertThat(vote.get("result").asText()).as("1 aye of 2 cast is not more than half").isEqualTo("FAILED");
        assertThat(vote.get("rule").asText()).isEqualTo("MAJORITY_CAST");
        assertThat(vote.get("tally").get("ayes").asInt()).isEqualTo(1);
        assertThat(vote.get("tally").get("absent").asInt()).isEqualTo(1);
        assertThat(vote.get("needed").asInt()).isEqualTo(2);
        Map<String, Object> stored = jdbc.queryForMap("""
                SELECT (SELECT payload_type FROM domain_event_entry WHERE event_identifier = ?) AS vote_type,
                       (SELECT convert_from(payload, 'UTF8')::jsonb ->> 'action' FROM domain_event_entry
                        WHERE global_index = ?) AS action""", vote.get("eventId").asText(),
                vote.get("position").asLong());
        assertThat(stored).containsEntry("vote_type", "org.civicledger.events.meeting.VoteRecorded")
                .containsEntry("action", "FAILED");
        assertProblem(post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"ADOPT\","
                + "\"mover\":\"vera-one\",\"seconder\":\"walt-two\"}"), 409, "file-closed");
    }

    @Test
    void amendmentsInTwoDegreesAreAdoptedByVoteAndACorrectedVoteUndoesAnAdoption() throws Exception {
        seatedBody("amend-council", List.of("amy-aye", "ben-bee", "cal-sea"));
        String file = "/api/files/" + body(post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\","
                + "\"text\":\"Original\",\"sponsor\":\"amy-aye\",\"occurredAt\":\"2017-01-10T12:00:00Z\"}"))
                .get("fileId").asText();
        String first = body(post(file + "/amendments", "{\"text\":\"Substitute\",\"proposedBy\":\"ben-bee\"}"))
                .get("amendmentId").asText();
        String second = body(post(file + "/amendments", "{\"text\":\"Better substitute\",\"proposedBy\":"
                + "\"cal-sea\",\"amends\":\"" + first + "\"}")).get("amendmentId").asText();
        assertProblem(post(file + "/amendments", "{\"text\":\"Third\",\"proposedBy\":\"amy-aye\",\"amends\":\""
                + second + "\"}"), 422, "third-degree-amendment");

        String meeting = meetingOf("amend-council");
        String item = body(post(meeting + "/agenda/items", "{\"fileId\":\"" + file.substring(11) + "\"}"))
                .get("itemId").asText();
        post(meeting + "/call-to-order", "{}");
        post(meeting + "/roll-call", "{\"present\":[\"amy-aye\",\"ben-bee\",\"cal-sea\"]}");
        String allAye = "{\"roll\":{\"amy-aye\":\"AYE\",\"ben-bee\":\"AYE\",\"cal-sea\":\"AYE\"}}";
        for (String amendment : List.of(second, first)) {
            String motion = body(post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"AMEND\","
                    + "\"amendmentId\":\"" + amendment + "\",\"mover\":\"ben-bee\",\"seconder\":\"cal-sea\"}"))
                    .get("motionId").asText();
            post(meeting + "/motions/" + motion + "/vote", allAye);
        }
        String adopt = body(post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"ADOPT\","
                + "\"mover\":\"amy-aye\",\"seconder\":\"ben-bee\"}")).get("motionId").asText();
        JsonNode vote = body(post(meeting + "/motions/" + adopt + "/vote",
                "{\"roll\":{\"amy-aye\":\"AYE\",\"ben-bee\":\"AYE\",\"cal-sea\":\"NO\"}}"));
        assertThat(vote.get("result").asText()).isEqualTo("PASSED");

        ResponseEntity<String> corrected = post("/api/corrections", "{\"eventId\":\"" + vote.get("eventId").asText()
                + "\",\"reason\":\"Ald. Bee voted no\",\"roll\":{\"amy-aye\":\"AYE\",\"ben-bee\":\"NO\","
                + "\"cal-sea\":\"NO\"}}");

        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        assertThat(body(corrected).get("result").asText()).isEqualTo("FAILED");
        List<String> fileEvents = jdbc.queryForList("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                String.class, file.substring(11)).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
        assertThat(fileEvents).containsExactly("FileIntroduced", "AmendmentProposed", "AmendmentProposed",
                "AmendmentAdopted", "AmendmentAdopted", "FileActedOn", "FileActionCorrected");
        String version = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'text' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 4""", String.class, file.substring(11));
        assertThat(version).as("version 2 carries the second-degree text").isEqualTo("Better substitute");
        assertProblem(post("/api/corrections", "{\"eventId\":\"" + vote.get("eventId").asText()
                + "\",\"reason\":\"again\",\"roll\":{\"amy-aye\":\"NO\",\"ben-bee\":\"NO\",\"cal-sea\":\"NO\"}}"),
                422, "not-the-current-vote-record");
    }

    @Test
    void aPassedReconsiderationReopensTheAdoptedFileForANewVote() throws Exception {
        seatedBody("recon-council", List.of("rae-one", "rex-two", "roy-three"));
        String fileId = body(post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"rae-one\"}")).get("fileId").asText();
        String meeting = meetingOf("recon-council");
        String item = body(post(meeting + "/agenda/items", "{\"fileId\":\"" + fileId + "\"}")).get("itemId").asText();
        post(meeting + "/call-to-order", "{}");
        post(meeting + "/roll-call", "{\"present\":[\"rae-one\",\"rex-two\",\"roy-three\"]}");
        String adopt = body(post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"ADOPT\","
                + "\"mover\":\"rae-one\",\"seconder\":\"rex-two\"}")).get("motionId").asText();
        post(meeting + "/motions/" + adopt + "/vote",
                "{\"roll\":{\"rae-one\":\"AYE\",\"rex-two\":\"AYE\",\"roy-three\":\"NO\"}}");
        assertProblem(post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"RECONSIDER\","
                + "\"mover\":\"roy-three\",\"seconder\":\"rex-two\"}"), 422, "reconsider-by-prevailing-side");

        String reconsider = body(post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"RECONSIDER\","
                + "\"mover\":\"rex-two\",\"seconder\":\"roy-three\"}")).get("motionId").asText();
        post(meeting + "/motions/" + reconsider + "/vote", "{\"voice\":\"PASSED\"}");
        JsonNode revote = body(post(meeting + "/motions/" + adopt + "/vote",
                "{\"roll\":{\"rae-one\":\"AYE\",\"rex-two\":\"NO\",\"roy-three\":\"NO\"}}"));

        assertThat(revote.get("result").asText()).isEqualTo("FAILED");
        List<String> fileEvents = jdbc.queryForList("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                String.class, fileId).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
        assertThat(fileEvents).containsExactly("FileIntroduced", "FileActedOn", "FileReopened", "FileActedOn");
    }

    @Test
    void everyEventIsPublishedToKafkaAsAnEnvelopeKeyedByAggregate() throws Exception {
        register("matt-phair", "Matt Phair");
        long position = body(post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"Safe haven\",\"text\":\"X\","
                + "\"sponsor\":\"matt-phair\"}")).get("position").asLong();

        List<ConsumerRecord<String, byte[]>> seen = topicUpTo(position);

        ConsumerRecord<String, byte[]> record = seen.stream().filter(r -> envelope(r).position() == position)
                .findFirst().orElseThrow();
        EventEnvelope envelope = envelope(record);
        String fileId = jdbc.queryForObject(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?", String.class, position);
        assertThat(record.key()).isEqualTo(fileId);
        assertThat(envelope.type()).isEqualTo("FileIntroduced");
        assertThat(envelope.aggregateId()).isEqualTo(fileId);
        assertThat(envelope.sequence()).isZero();
        assertThat(envelope.recordedBy()).isEqualTo("ada");
        assertThat(envelope.data().get("sponsor").asText()).isEqualTo("matt-phair");
        assertThat(new String(record.headers().lastHeader("content-type").value()))
                .isEqualTo("application/cloudevents+json");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
            var topic = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "civic-ledger.events");
            var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("retention.ms").value()).as("the public record is never aged out").isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void concurrentCommandsReachTheTopicInPositionOrderWithTheirOwnPositions() throws Exception {
        int clerks = 8;
        int perClerk = 15;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clerks);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clerks; c++) {
            int clerk = c;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perClerk; i++) {
                    register("concurrent-" + clerk + "-" + i, "Concurrent " + clerk + " " + i);
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

        List<EventEnvelope> published = topicUpTo(head).stream().map(this::envelope).toList();

        assertThat(published).extracting(EventEnvelope::position).isSorted().doesNotHaveDuplicates();
        Map<String, Long> stored = new java.util.HashMap<>();
        jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry",
                rs -> { stored.put(rs.getString(1), rs.getLong(2)); });
        assertThat(published).allSatisfy(e -> assertThat(e.position()).isEqualTo(stored.get(e.id())));
    }

    /** The topic from its start until the event at {@code position} has arrived. */
    private List<ConsumerRecord<String, byte[]>> topicUpTo(long position) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("civic-ledger.events"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> envelope(r).position() == position);
            });
        }
        return seen;
    }

    private EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readValue(record.value(), EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
