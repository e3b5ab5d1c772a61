package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.roster.PersonRegistered;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The query side consuming a real Kafka topic into a real PostgreSQL. */
@Testcontainers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryServiceIntegrationTest {

    private static final String TOPIC = "civic-ledger.events";
    private static final Instant AT = Instant.parse("2017-01-24T15:00:00Z");

    @Container
    @ServiceConnection
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("civic.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    private static long position = 100;

    private static EventEnvelope envelope(String aggregateType, String aggregateId, long sequence, CivicEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), event.getClass().getSimpleName(), aggregateType,
                aggregateId, sequence, ++position, event.occurredAt(), Instant.now(), "clerk", "1",
                EventJson.mapper().valueToTree(event));
    }

    private static void publish(List<?> values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Object value : values) {
                byte[] bytes = value instanceof byte[] raw ? raw : EventJson.mapper().writeValueAsBytes(value);
                String key = value instanceof EventEnvelope e ? e.aggregateId() : null;
                producer.send(new ProducerRecord<>(TOPIC, key, bytes)).get();
            }
        }
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return EventJson.mapper().readTree(response.getBody());
    }

    @Test
    void duplicatesAndRedeliveriesChangeNothingAndGarbageIsSetAside() throws Exception {
        String fileId = UUID.randomUUID().toString();
        var person = envelope("Person", "person:larry-palm", 0, new PersonRegistered("larry-palm", "Larry Palm", AT));
        var introduced = envelope("LegislativeFile", fileId, 0, new FileIntroduced(fileId, "RES-17-00042",
                FileType.RESOLUTION, "Safe haven", "Text", "shiva-bidar", AT));
        var signed = envelope("LegislativeFile", fileId, 1, new CosponsorAdded(fileId, "larry-palm", AT));
        var withdrawn = envelope("LegislativeFile", fileId, 2, new CosponsorWithdrawn(fileId, "larry-palm", AT));
        var signedAgain = envelope("LegislativeFile", fileId, 3, new CosponsorAdded(fileId, "larry-palm", AT));

        // At-least-once delivery: every event arrives twice, some out of their first order, with noise between.
        publish(List.of(person, introduced, signed, introduced, "not json".getBytes(), signed, withdrawn,
                signedAgain, withdrawn, signedAgain, person));

        JsonNode file = get("/api/files/" + fileId + "?minPosition=" + signedAgain.position());
        assertThat(file.get("fileNumber").asText()).isEqualTo("RES-17-00042");
        assertThat(file.get("cosponsors")).hasSize(1);
        assertThat(file.get("cosponsors").get(0).asText()).isEqualTo("larry-palm");

        JsonNode history = get("/api/files/" + fileId + "/history");
        assertThat(history.get("items")).extracting(i -> i.get("type").asText())
                .containsExactly("FileIntroduced", "CosponsorAdded", "CosponsorWithdrawn", "CosponsorAdded");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_log", Long.class)).isEqualTo(5);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rejected_record", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT next_offset FROM consumer_offset WHERE topic = ? AND partition = 0",
                    Long.class, TOPIC)).isEqualTo(11);
        });
    }

    @Test
    void minPositionBeyondTheStreamAnswers503ProblemWithRetryAfter() throws Exception {
        ResponseEntity<String> response = rest.getForEntity("/api/files?minPosition=999999", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(EventJson.mapper().readTree(response.getBody()).get("rule").asText())
                .isEqualTo("projection-behind");
    }

    @Test
    void unknownRecordsAndBadParametersAreProblems() throws Exception {
        ResponseEntity<String> missing = rest.getForEntity("/api/files/no-such-file", String.class);
        ResponseEntity<String> history = rest.getForEntity("/api/files/no-such-file/history", String.class);
        ResponseEntity<String> bad = rest.getForEntity("/api/files?minPosition=soon", String.class);

        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(history.getStatusCode().value()).isEqualTo(404);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(EventJson.mapper().readTree(missing.getBody()).get("rule").asText()).isEqualTo("file-not-found");
        assertThat(EventJson.mapper().readTree(bad.getBody()).get("rule").asText()).isEqualTo("invalid-parameter");
    }
}
