package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Both services as separate processes over HTTP, a real PostgreSQL and a real Kafka broker between them: the Madison
 * safe-haven resolution from introduction through its cosponsors, then a broker outage.
 */
@Testcontainers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MadisonEndToEndTest {

    private static final String CLERK = Deployment.CLERK;

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private static final Duration OUTAGE = Duration.ofSeconds(12);

    private static Deployment deployment;
    private static ServiceProcess commandService;
    private static ServiceProcess queryService;
    private static Api api;

    @BeforeAll
    static void startServices() throws Exception {
        deployment = Deployment.start(POSTGRES, KAFKA, Map.of());
        commandService = deployment.commandService;
        queryService = deployment.queryService;
        api = deployment.api;
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    private static final List<String> ALDERS = List.of("shiva-bidar", "larry-palm", "tim-gruber", "maurice-cheeks",
            "mark-clear", "marsha-rummel", "sara-eskrich", "matt-phair");

    private static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    private static long cosponsor(String fileId, String person, String occurredAt) throws Exception {
        return api.record("POST", "/api/files/" + fileId + "/cosponsors",
                "{\"person\":\"" + person + "\",\"occurredAt\":\"" + occurredAt + "\"}").get("position").asLong();
    }

    @Test
    @Order(1)
    void theSafeHavenResolutionGathersItsCosponsorsAndThePublicSeesEveryStep() throws Exception {
        Instant testStart = Instant.now();
        for (String person : List.of("shiva-bidar", "larry-palm", "tim-gruber", "maurice-cheeks", "mark-clear",
                "marsha-rummel", "sara-eskrich", "matt-phair", "paul-soglin", "mike-koval")) {
            api.record("POST", "/api/people", "{\"id\":\"" + person + "\",\"name\":\"" + name(person) + "\"}");
        }
        api.record("POST", "/api/bodies", "{\"id\":\"common-council\",\"name\":\"Common Council\","
                + "\"kind\":\"COUNCIL\",\"seats\":20}");
        for (String alder : ALDERS) {
            api.record("POST", "/api/bodies/common-council/seats",
                    "{\"person\":\"" + alder + "\",\"from\":\"2015-04-21\",\"role\":\"MEMBER\"}");
        }

        JsonNode introduced = api.record("POST", "/api/files", """
                {"type":"RESOLUTION","sponsor":"shiva-bidar","occurredAt":"2017-01-24T15:00:00Z",
                 "title":"Codifying the City of Madison as a safe haven for immigrants",
                 "text":"The Common Council Office is designated a safe space. ..."}""");
        String fileId = introduced.get("fileId").asText();
        assertThat(introduced.get("fileNumber").asText()).isEqualTo("RES-17-00001");

        cosponsor(fileId, "larry-palm", "2017-01-25T16:10:00Z");
        cosponsor(fileId, "tim-gruber", "2017-01-26T14:00:00Z");
        cosponsor(fileId, "maurice-cheeks", "2017-01-27T19:30:00Z");
        cosponsor(fileId, "mark-clear", "2017-01-30T15:00:00Z");
        cosponsor(fileId, "marsha-rummel", "2017-01-30T21:45:00Z");
        cosponsor(fileId, "sara-eskrich", "2017-01-31T13:05:00Z");
        cosponsor(fileId, "matt-phair", "2017-01-31T14:15:00Z");
        api.record("DELETE", "/api/files/" + fileId + "/cosponsors/sara-eskrich?occurredAt=2017-01-31T14:40:00Z",
                null);
        long last = cosponsor(fileId, "sara-eskrich", "2017-01-31T15:20:00Z");

        JsonNode file = api.read("/api/files/" + fileId, last);
        assertThat(file.get("fileNumber").asText()).isEqualTo("RES-17-00001");
        assertThat(file.get("type").asText()).isEqualTo("RESOLUTION");
        assertThat(file.get("status").asText()).isEqualTo("INTRODUCED");
        assertThat(file.get("sponsor").asText()).isEqualTo("shiva-bidar");
        assertThat(file.get("cosponsors")).extracting(JsonNode::asText).containsExactly("larry-palm", "tim-gruber",
                "maurice-cheeks", "mark-clear", "marsha-rummel", "matt-phair", "sara-eskrich");

        JsonNode items = api.read("/api/files/" + fileId + "/history", last).get("items");
        assertThat(items).extracting(i -> i.get("type").asText()).containsExactly("FileIntroduced",
                "CosponsorAdded", "CosponsorAdded", "CosponsorAdded", "CosponsorAdded", "CosponsorAdded",
                "CosponsorAdded", "CosponsorAdded", "CosponsorWithdrawn", "CosponsorAdded");
        assertThat(items).extracting(i -> i.get("occurredAt").asText()).containsExactly("2017-01-24T15:00:00Z",
                "2017-01-25T16:10:00Z", "2017-01-26T14:00:00Z", "2017-01-27T19:30:00Z", "2017-01-30T15:00:00Z",
                "2017-01-30T21:45:00Z", "2017-01-31T13:05:00Z", "2017-01-31T14:15:00Z", "2017-01-31T14:40:00Z",
                "2017-01-31T15:20:00Z");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("recordedBy").asText()).isEqualTo(CLERK);
            assertThat(Instant.parse(item.get("recordedAt").asText())).isAfter(testStart.minusSeconds(1));
            assertThat(item.get("eventId").asText()).isNotBlank();
        });
        assertThat(items).extracting(i -> i.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(items.get(8).get("data").get("person").asText()).isEqualTo("sara-eskrich");
        assertThat(items.get(items.size() - 1).get("position").asLong()).isEqualTo(last);
    }

    @Test
    @Order(2)
    void withTheBrokerAwayCommandsSucceedAndEveryEventArrivesExactlyOnceWhenItReturns() throws Exception {
        long before = api.record("POST", "/api/people", "{\"id\":\"before-outage\",\"name\":\"Before Outage\"}")
                .get("position").asLong();
        api.read("/api/people/before-outage", before);

        var docker = KAFKA.getDockerClient();
        docker.pauseContainerCmd(KAFKA.getContainerId()).exec();
        List<Long> positions = new ArrayList<>();
        try {
            for (int i = 1; i <= 6; i++) {
                positions.add(api.record("POST", "/api/people",
                        "{\"id\":\"outage-" + i + "\",\"name\":\"Outage " + i + "\"}").get("position").asLong());
            }
            HttpResponse<String> notYet = api.readRaw("/api/people/outage-1");
            assertThat(notYet.statusCode()).as("nothing can reach the public side without the broker").isEqualTo(404);
            // Longer than the publisher's 5 s send timeout: its sends fail and it must back off and retry.
            Thread.sleep(OUTAGE.toMillis());
        } finally {
            docker.unpauseContainerCmd(KAFKA.getContainerId()).exec();
        }

        long last = positions.get(positions.size() - 1);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.readRaw("/api/people/outage-6?minPosition=" + last).statusCode() == 200);

        JsonNode events = api.read("/api/events?after=" + before + "&limit=100", last).get("items");
        assertThat(events).extracting(e -> e.get("position").asLong()).containsExactlyElementsOf(positions);
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.get("eventId").asText()));
        assertThat(ids).hasSize(positions.size());
        assertThat(api.read("/api/people", last).get("items"))
                .filteredOn(p -> p.get("personId").asText().startsWith("outage-")).hasSize(6);
        assertThat(commandService.logContains("Releasing claim on token and preparing for retry"))
                .as("the outage made the publisher fail and retry").isTrue();
    }

    /** Both services describe themselves (springdoc); every API path the README names is in one of the two. */
    @Test
    @Order(99)
    void everyEndpointTheReadmeNamesIsInTheApiDescriptions() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<java.util.regex.Pattern> described = new ArrayList<>();
        for (ServiceProcess service : List.of(deployment.commandService, deployment.queryService)) {
            HttpResponse<String> docs = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(service.url("/v3/api-docs"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).isEqualTo(200);
            JsonNode api = new com.fasterxml.jackson.databind.ObjectMapper().readTree(docs.body());
            assertThat(api.path("components").path("schemas").has("Problem")).isTrue();
            api.path("paths").fieldNames().forEachRemaining(path -> described.add(java.util.regex.Pattern.compile(
                    path.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.") + "")));
            HttpResponse<String> ui = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(service.url("/swagger-ui/index.html"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ui.statusCode()).as("Swagger UI of " + service.url("")).isEqualTo(200);
        }
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("/(?:api|feeds)/[A-Za-z0-9_/{}$.-]+")
                .matcher(readme);
        Set<String> missing = new java.util.TreeSet<>();
        int checked = 0;
        while (named.find()) {
            String path = named.group().replaceAll("\\$[A-Z_]+|<[a-zA-Z]+>", "x").replaceAll("[.]$", "");
            checked++;
            if (described.stream().noneMatch(p -> p.matcher(path).matches())) {
                missing.add(named.group());
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(missing).as("paths the README names that neither API description has").isEmpty();
    }

    /** What operators scrape: the commands by type and outcome, refusals by rule, the publisher's and readers' lag. */
    @Test
    @Order(100)
    void bothServicesExposeTheirMetersToPrometheus() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        assertThat(api.write("POST", "/api/people", "{").statusCode()).isEqualTo(400);   // one refusal, at least
        String commands = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                deployment.commandService.url("/actuator/prometheus"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(commands).containsPattern("civic_commands_seconds_count\\{[^}]*outcome=\"recorded\"[^}]*"
                        + "type=\"AddCosponsor\"[^}]*} [1-9]")
                .contains("civic_publisher_lag_events")
                .containsPattern("civic_refusals_total\\{[^}]*rule=\"[a-z-]+\"")
                .contains("commandBus_successCounter_total");   // Axon's own (axon-micrometer)
        String queries = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                deployment.queryService.url("/actuator/prometheus"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(queries).containsPattern("civic_projection_position [1-9]")
                .contains("civic_dead_letters_events")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }
}
