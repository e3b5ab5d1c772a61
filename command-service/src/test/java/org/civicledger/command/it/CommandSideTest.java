package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.civicledger.events.EventJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The command side against one real PostgreSQL and one real Kafka broker, shared by every test class that extends
 * it: one Spring context, one pair of containers, started once per JVM. Tests use slugs of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.clerks[0].username=ada",
        // bcrypt of "s3cret"
        "civic.clerks[0].password={bcrypt}$2a$10$cxLg36HNySHHUQ5SRYO3wuIJHygS.I6lB5ytAhocTIIY/Auw1bSqu",
        // A second clerk (same password) for per-clerk scoping, a third whose account the login tests lock.
        "civic.clerks[1].username=bea",
        "civic.clerks[1].password={bcrypt}$2a$10$cxLg36HNySHHUQ5SRYO3wuIJHygS.I6lB5ytAhocTIIY/Auw1bSqu",
        "civic.clerks[2].username=cyd",
        "civic.clerks[2].password={bcrypt}$2a$10$cxLg36HNySHHUQ5SRYO3wuIJHygS.I6lB5ytAhocTIIY/Auw1bSqu"})
abstract class CommandSideTest {

    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    static {
        POSTGRES.start();
        KAFKA.start();
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

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = EventJson.mapper();

    ResponseEntity<String> post(String path, String body) {
        return send(HttpMethod.POST, path, body, true);
    }

    ResponseEntity<String> send(HttpMethod method, String path, String body, boolean authenticated) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = authenticated ? rest.withBasicAuth("ada", "s3cret") : rest;
        // A path with percent-escapes is sent exactly as written, not encoded a second time.
        return path.contains("%")
                ? client.exchange(URI.create(rest.getRootUri() + path), method, new HttpEntity<>(body, headers),
                        String.class)
                : client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    void register(String id, String name) {
        ResponseEntity<String> response = post("/api/people", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    }

    /** Registers the members and seats them on a new body with one seat each. */
    void seatedBody(String bodyId, List<String> members) {
        members.forEach(p -> register(p, p));
        post("/api/bodies", "{\"id\":\"" + bodyId + "\",\"name\":\"" + bodyId + "\",\"seats\":"
                + members.size() + "}");
        members.forEach(p -> post("/api/bodies/" + bodyId + "/seats", "{\"person\":\"" + p
                + "\",\"from\":\"2015-01-01\"}"));
    }

    /** A meeting of the body on February 7, 2017; answers its path. */
    String meetingOf(String bodyId) throws Exception {
        return "/api/meetings/" + body(post("/api/meetings", "{\"body\":\"" + bodyId + "\","
                + "\"startsAt\":\"2017-02-07T18:30:00-06:00\",\"location\":\"Room 201\"}"))
                .get("meetingId").asText();
    }

    JsonNode assertProblem(ResponseEntity<String> response, int status, String rule) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = body(response);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        return problem;
    }
}
