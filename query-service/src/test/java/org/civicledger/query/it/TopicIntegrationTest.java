package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.civicledger.events.EventJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The query side against one real PostgreSQL and one real Kafka broker, shared by every test class that extends it
 * (one Spring context, one pair of containers: started once per JVM, removed with the test daemon). Tests publish
 * events with the {@link Topic} as the command side would, each under slugs of its own, so they never see each
 * other's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.clerks[0].username=ada",
        // bcrypt of "s3cret"
        "civic.clerks[0].password={bcrypt}$2a$10$cxLg36HNySHHUQ5SRYO3wuIJHygS.I6lB5ytAhocTIIY/Auw1bSqu"})
abstract class TopicIntegrationTest {

    /** The Madison Common Council meeting: Feb 7, 2017, 6:30 pm in Madison, which is 00:30 on the 8th in UTC. */
    static final OffsetDateTime STARTS = OffsetDateTime.parse("2017-02-07T18:30:00-06:00");
    static final Instant T0 = STARTS.toInstant();

    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");
    static final Topic topic;

    static {
        POSTGRES.start();
        KAFKA.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topic.NAME, 1, (short) 1),
                    new NewTopic(Topic.CHECKPOINTS, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create the events topic", e);
        }
        topic = new Topic(KAFKA.getBootstrapServers());
    }

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("civic.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @Autowired
    TestRestTemplate rest;

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** A public read once the query side has applied {@code minPosition}; asserts it answered 200. */
    JsonNode get(String path, long minPosition) throws Exception {
        String separator = path.contains("?") ? "&" : "?";
        ResponseEntity<String> response = rest.getForEntity(path + separator + "minPosition=" + minPosition,
                String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return EventJson.mapper().readTree(response.getBody());
    }
}
