package org.civicledger.query.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActedOn.Action;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.AgendaItemAdded;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.AgendaPublished.Item;
import org.civicledger.events.meeting.MeetingAdjourned;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingCancelled;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MemberArrived;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.RollCallTaken;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.meeting.VoteRecorded.Tally;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.SeatRole;
import org.civicledger.events.roster.VoteThreshold;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** Draft minutes written from a meeting's events, read back from a real topic and database. */
@Testcontainers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "civic.minutes.city=City of Madison")
class QueryServiceMinutesIntegrationTest {

    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2017-02-07T18:30:00-06:00");
    private static final String LOCATION = "City County Building, 210 Martin Luther King Jr. Boulevard";

    @Container
    @ServiceConnection
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("civic.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    static Ledger ledger;

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topic.NAME, 1, (short) 1))).all().get();
        }
        ledger = new Ledger(KAFKA.getBootstrapServers());
    }

    @Autowired
    TestRestTemplate rest;

    /** The meeting's local clock on February 7, 2017 (past 24:00 is the next morning). */
    private static Instant at(int hour, int minute) {
        return STARTS.withHour(0).withMinute(0).plusHours(hour).plusMinutes(minute).toInstant();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** A council with six seated alders, slugs unique to the test; answers [body, bidar, palm, rummel, …]. */
    private static List<String> council(String suffix) throws Exception {
        String body = "council-" + suffix;
        List<String> names = List.of("Shiva Bidar", "Larry Palm", "Marsha A. Rummel", "Sara Eskrich",
                "David Ahrens", "Mike Verveer");
        Instant before = Instant.parse("2015-04-01T12:00:00Z");
        ledger.publish(new BodyCreated(body, "Common Council", BodyKind.COUNCIL, 6, before));
        List<String> people = new ArrayList<>(List.of(body));
        for (String name : names) {
            String person = name.toLowerCase().replace(". ", "-").replace(' ', '-') + "-" + suffix;
            ledger.publish(new PersonRegistered(person, name, before),
                    new SeatAssigned(body, person, SeatRole.MEMBER, LocalDate.of(2015, 4, 21), null, before));
            people.add(person);
        }
        return people;
    }

    private ResponseEntity<String> get(String path, long minPosition, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, accept);
        String separator = path.contains("?") ? "&" : "?";
        return rest.exchange(path + separator + "minPosition=" + minPosition, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    }

    @Test
    void aHeldMeetingsMinutesRecordAttendanceTheMotionAndTheRollCallVoteAsTextAndHtml() throws Exception {
        String suffix = id().substring(0, 8);
        List<String> c = council(suffix);
        String body = c.get(0);
        String bidar = c.get(1), palm = c.get(2), rummel = c.get(3), eskrich = c.get(4), ahrens = c.get(5),
                verveer = c.get(6);
        String fileId = id();
        String fileNumber = "RES-17-" + suffix.substring(0, 5);
        String m = id();
        String motion = id();
        List<MemberVote> roll = List.of(new MemberVote(bidar, VoteChoice.AYE), new MemberVote(palm, VoteChoice.AYE),
                new MemberVote(rummel, VoteChoice.AYE), new MemberVote(eskrich, VoteChoice.NO),
                new MemberVote(ahrens, VoteChoice.ABSTAIN), new MemberVote(verveer, VoteChoice.EXCUSED));
        long last = ledger.publish(
                new FileIntroduced(fileId, fileNumber, FileType.RESOLUTION, "Codifying Madison as a \"safe haven\"",
                        "Text", bidar, at(-14 * 24, 0)),
                new MeetingScheduled(m, body, STARTS, "America/Chicago", LOCATION, at(-7 * 24, 0)),
                new AgendaItemAdded(m, "roll", null, "Roll call", false, at(-6 * 24, 0)),
                new AgendaItemAdded(m, "res", fileId, null, false, at(-6 * 24, 0)),
                new AgendaItemAdded(m, "comment", null, "Public comment & <questions>", false, at(-6 * 24, 0)),
                new AgendaPublished(m, 1, List.of(new Item(1, "roll", null, "Roll call", false),
                        new Item(2, "res", fileId, null, false),
                        new Item(3, "comment", null, "Public comment & <questions>", false)), at(-5 * 24, 0)),
                new MeetingCalledToOrder(m, at(18, 31)),
                new RollCallTaken(m, List.of(bidar, palm, rummel, eskrich), List.of(ahrens), List.of(verveer),
                        at(18, 32)),
                new MemberArrived(m, ahrens, at(18, 52)),
                new MotionMade(m, motion, "res", fileId, MotionKind.ADOPT, palm, rummel, null, null, at(19, 0)),
                new VoteRecorded(m, motion, fileId, MotionKind.ADOPT, Method.ROLL_CALL, roll, Result.PASSED,
                        VoteThreshold.MAJORITY_CAST, new Tally(3, 1, 1, 0, 0, 1), 3, 5, 6, at(19, 5)),
                new FileActedOn(fileId, Action.ADOPTED, m, motion, at(19, 5)),
                new MeetingAdjourned(m, at(22, 25)));

        ResponseEntity<String> text = get("/api/meetings/" + m + "/minutes", last, "text/plain");
        ResponseEntity<String> html = get("/api/meetings/" + m + "/minutes", last, "text/html");
        ResponseEntity<String> anything = get("/api/meetings/" + m + "/minutes", last, "*/*");
        ResponseEntity<String> asked = get("/api/meetings/" + m + "/minutes?format=text", last, "text/html");
        ResponseEntity<String> json = get("/api/meetings/" + m + "/minutes.json", last, "application/json");

        assertThat(text.getStatusCode().value()).as(text.getBody()).isEqualTo(200);
        assertThat(text.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("text/plain;charset=utf-8");
        assertThat(text.getHeaders().getFirst("Minutes-Status")).isEqualTo("DRAFT");
        assertThat(text.getBody()).isEqualTo("""
                CITY OF MADISON — COMMON COUNCIL
                MINUTES (DRAFT)
                Meeting of Tuesday, February 7, 2017, 6:30 PM (America/Chicago)
                City County Building, 210 Martin Luther King Jr. Boulevard

                CALL TO ORDER AND ROLL CALL
                The meeting was called to order at 6:31 PM.
                Present: 4 - Shiva Bidar, Sara Eskrich, Larry Palm, Marsha A. Rummel
                Absent: 1 - David Ahrens
                Excused: 1 - Mike Verveer
                Ald. David Ahrens arrived at 6:52 PM.

                ITEMS
                1. Roll call
                2. %s Codifying Madison as a "safe haven"
                   A motion was made by Ald. Palm, seconded by Ald. Rummel, to Adopt. The motion passed by the following vote:
                   Ayes: 3 - Bidar, Palm, Rummel
                   Noes: 1 - Eskrich
                   Abstentions: 1 - Ahrens
                   Recused: 0
                   Absent: 0
                   Excused: 1 - Verveer
                   (MAJORITY_CAST: 3 ayes needed of 4 cast.)
                3. Public comment & <questions>

                ADJOURNMENT
                The meeting adjourned at 10:25 PM.
                """.formatted(fileNumber));
        String hash = sha256(text.getBody());
        assertThat(text.getHeaders().getETag()).isEqualTo("\"" + hash + "\"");

        assertThat(html.getStatusCode().value()).isEqualTo(200);
        assertThat(html.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("text/html;charset=utf-8");
        assertThat(html.getHeaders().getFirst("Minutes-Status")).isEqualTo("DRAFT");
        assertThat(html.getHeaders().getETag()).as("the same facts as the text: its hash, weakly")
                .isEqualTo("W/\"" + hash + "\"");
        assertThat(html.getHeaders().getVary()).contains(HttpHeaders.ACCEPT);
        assertThat(html.getBody()).startsWith("<!DOCTYPE html>").contains(
                "<h1>CITY OF MADISON — COMMON COUNCIL</h1>",
                "<h2>CALL TO ORDER AND ROLL CALL</h2>",
                "<p>Ald. David Ahrens arrived at 6:52 PM.</p>",
                "<li value=\"2\"><p>" + fileNumber + " Codifying Madison as a &quot;safe haven&quot;</p>",
                "<p>A motion was made by Ald. Palm, seconded by Ald. Rummel, to Adopt. The motion passed by the "
                        + "following vote:</p>",
                "<p>Ayes: 3 - Bidar, Palm, Rummel</p>",
                "<li value=\"3\"><p>Public comment &amp; &lt;questions&gt;</p></li>",
                "<p>The meeting adjourned at 10:25 PM.</p>");
        assertThat(html.getBody()).doesNotContain("<questions>", "<script");
        assertThat(anything.getHeaders().getContentType()).as("HTML by default")
                .isEqualTo(MediaType.parseMediaType("text/html;charset=utf-8"));
        assertThat(asked.getBody()).as("?format= outranks Accept").isEqualTo(text.getBody());

        JsonNode minutes = EventJson.mapper().readTree(json.getBody());
        assertThat(minutes.get("meetingId").asText()).isEqualTo(m);
        assertThat(minutes.get("status").asText()).isEqualTo("DRAFT");
        assertThat(minutes.get("text").asText()).isEqualTo(text.getBody());
        assertThat(minutes.get("sha256").asText()).isEqualTo(hash);

        HttpHeaders conditional = new HttpHeaders();
        conditional.set(HttpHeaders.ACCEPT, "text/plain");
        conditional.setIfNoneMatch("\"" + hash + "\"");
        ResponseEntity<String> unchanged = rest.exchange("/api/meetings/" + m + "/minutes", HttpMethod.GET,
                new HttpEntity<>(conditional), String.class);
        assertThat(unchanged.getStatusCode().value()).isEqualTo(304);
        assertThat(get("/api/meetings/" + m + "/minutes", last, "text/plain").getBody()).as("byte-identical again")
                .isEqualTo(text.getBody());
    }

    @Test
    void aCancelledMeetingsMinutesSayOnlyThatWithTheReason() throws Exception {
        String body = council(id().substring(0, 8)).get(0);
        String m = id();
        long last = ledger.publish(
                new MeetingScheduled(m, body, STARTS, "America/Chicago", LOCATION, at(-7 * 24, 0)),
                new MeetingCancelled(m, "Snow emergency", at(12, 0)));

        ResponseEntity<String> text = get("/api/meetings/" + m + "/minutes?format=text", last, "*/*");

        assertThat(text.getBody()).endsWith("""
                Meeting of Tuesday, February 7, 2017, 6:30 PM (America/Chicago)
                City County Building, 210 Martin Luther King Jr. Boulevard

                The meeting was cancelled: Snow emergency.
                """);
    }

    @Test
    void unknownMeetingIs404ProblemAndAnUnknownFormatIs400() {
        for (String accept : List.of("text/html", "text/plain")) {
            ResponseEntity<String> response = get("/api/meetings/" + id() + "/minutes", 0, accept);
            assertThat(response.getStatusCode().value()).as(accept).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).as(accept).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).as(accept).contains("\"rule\":\"meeting-not-found\"");
        }
        ResponseEntity<String> json = get("/api/meetings/" + id() + "/minutes.json", 0, "application/json");
        assertThat(json.getStatusCode().value()).isEqualTo(404);
        assertThat(json.getBody()).contains("\"rule\":\"meeting-not-found\"");

        ResponseEntity<String> pdf = get("/api/meetings/" + id() + "/minutes?format=pdf", 0, "*/*");
        assertThat(pdf.getStatusCode().value()).isEqualTo(400);
        assertThat(pdf.getBody()).contains("\"rule\":\"invalid-parameter\"");
        assertThat(get("/api/meetings/" + id() + "/minutes", 0, "image/png").getStatusCode().value())
                .isEqualTo(406);
    }

    /**
     * Publishes as the command side does. {@link Topic} has no aggregate for SeatAssigned; this one takes the
     * aggregate from the ids an event names, the meeting first, then file, body and person.
     */
    static final class Ledger {

        private final String bootstrapServers;
        private final Map<String, Long> sequences = new HashMap<>();
        private long position;

        Ledger(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        synchronized long publish(CivicEvent... events) throws Exception {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    new StringSerializer(), new ByteArraySerializer())) {
                for (CivicEvent event : events) {
                    JsonNode data = EventJson.mapper().valueToTree(event);
                    List<String> aggregate = aggregateOf(event, data);
                    long sequence = sequences.merge(aggregate.get(1), 1L, Long::sum) - 1;
                    EventEnvelope envelope = EventEnvelope.of(id(), event.getClass().getSimpleName(),
                            aggregate.get(0), aggregate.get(1), sequence, ++position, event.occurredAt(),
                            Instant.now(), "clerk", "1", data);
                    producer.send(new ProducerRecord<>(Topic.NAME, envelope.aggregateId(),
                            EventJson.mapper().writeValueAsBytes(envelope))).get();
                }
            }
            return position;
        }

        private static List<String> aggregateOf(CivicEvent event, JsonNode data) {
            if (data.hasNonNull("meetingId") && !(event instanceof FileActedOn)) {
                return List.of("Meeting", data.get("meetingId").asText());
            } else if (data.hasNonNull("fileId")) {
                return List.of("LegislativeFile", data.get("fileId").asText());
            } else if (data.hasNonNull("bodyId")) {
                return List.of("Body", "body:" + data.get("bodyId").asText());
            }
            return List.of("Person", "person:" + data.get("personId").asText());
        }
    }
}
