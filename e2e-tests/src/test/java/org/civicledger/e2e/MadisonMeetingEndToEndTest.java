package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
 * The Common Council meeting of February 7, 2017 over HTTP, both services as processes with a real PostgreSQL and a
 * real Kafka broker between them: the safe-haven resolution referred and placed on the agenda, the agenda published
 * and amended, roll call short of the two-thirds quorum, a late arrival who makes it and an early departure who
 * breaks it, adjournment; then the public record read back at every step. Who came and went is illustrative.
 */
@Testcontainers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MadisonMeetingEndToEndTest {

    private static final String CLERK = Deployment.CLERK;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private static Deployment deployment;
    private static ServiceProcess commandService;
    private static ServiceProcess queryService;
    private static Api api;

    private static final String BODY = "common-council";
    private static final String LOCATION = "City County Building, 210 Martin Luther King Jr. Boulevard";

    /** The twenty alders of early 2017, district 1 to 20, all seated after the April 2015 election. */
    private static final Map<String, String> ALDERS = new LinkedHashMap<>();

    static {
        String[] alders = {"barbara-harrington-mckinney", "Barbara Harrington-McKinney", "ledell-zellers",
                "Ledell Zellers", "amanda-hall", "Amanda Hall", "mike-verveer", "Mike Verveer", "shiva-bidar",
                "Shiva Bidar", "marsha-rummel", "Marsha Rummel", "steve-king", "Steve King", "zach-wood", "Zach Wood",
                "paul-skidmore", "Paul Skidmore", "maurice-cheeks", "Maurice Cheeks", "tim-gruber", "Tim Gruber",
                "larry-palm", "Larry Palm", "sara-eskrich", "Sara Eskrich", "sheri-carter", "Sheri Carter",
                "david-ahrens", "David Ahrens", "denise-demarb", "Denise DeMarb", "samba-baldeh", "Samba Baldeh",
                "rebecca-kemble", "Rebecca Kemble", "mark-clear", "Mark Clear", "matt-phair", "Matt Phair"};
        for (int i = 0; i < alders.length; i += 2) {
            ALDERS.put(alders[i], alders[i + 1]);
        }
    }

    private static final List<String> ABSENT = List.of("zach-wood", "paul-skidmore", "david-ahrens", "denise-demarb");
    private static final List<String> EXCUSED = List.of("amanda-hall", "steve-king", "samba-baldeh");
    private static final List<String> PRESENT = ALDERS.keySet().stream()
            .filter(a -> !ABSENT.contains(a) && !EXCUSED.contains(a)).toList();
    private static final String LATE = "david-ahrens";
    private static final String LEAVES_EARLY = "mike-verveer";

    // 6:30 pm in Madison on February 7, 2017 is 00:30 UTC on the 8th.
    private static final String STARTS_AT = "2017-02-07T18:30:00-06:00";
    private static final String REFERRED = "2017-01-31T18:00:00Z";
    private static final String PUBLISHED = "2017-02-03T21:00:00Z";
    private static final String AMENDED = "2017-02-06T21:00:00Z";
    private static final String CALLED_TO_ORDER = "2017-02-08T00:33:00Z";
    private static final String ROLL_CALL = "2017-02-08T00:35:00Z";
    private static final String ARRIVED = "2017-02-08T00:52:00Z";
    private static final String DEPARTED = "2017-02-08T03:10:00Z";
    private static final String ADJOURNED = "2017-02-08T04:25:00Z";

    // What the clerk recorded in the first test, read back by the others.
    private static String fileId;
    private static String meetingId;
    private static List<String> publishedOrder;
    private static List<String> amendedOrder;
    private static long arrival;
    private static long departure;
    private static long last;

    @BeforeAll
    static void startServicesAndSeatTheCouncil() throws Exception {
        deployment = Deployment.start(POSTGRES, KAFKA, Map.of());
        commandService = deployment.commandService;
        queryService = deployment.queryService;
        api = deployment.api;

        Map<String, String> people = new LinkedHashMap<>(ALDERS);
        people.put("paul-soglin", "Paul Soglin");
        for (var person : people.entrySet()) {
            api.record("POST", "/api/people", json(Map.of("id", person.getKey(), "name", person.getValue())));
        }
        api.record("POST", "/api/bodies", """
                {"id":"common-council","name":"Common Council","kind":"COUNCIL","seats":20}""");
        for (String alder : ALDERS.keySet()) {
            api.record("POST", "/api/bodies/common-council/seats",
                    json(Map.of("person", alder, "from", "2015-04-21", "role", "MEMBER")));
        }
        api.record("POST", "/api/bodies/common-council/rules", "{\"quorum\":\"TWO_THIRDS_SEATS\"}");
        fileId = api.record("POST", "/api/files", """
                {"type":"RESOLUTION","sponsor":"shiva-bidar","occurredAt":"2017-01-24T15:00:00Z",
                 "title":"Codifying the City of Madison's commitment to be a safe haven for immigrants",
                 "text":"The Common Council Office is designated a safe space. ..."}""").get("fileId").asText();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void theClerkRecordsTheFebruarySeventhMeetingAndEveryRefusalStoresNothing() throws Exception {
        last = api.record("POST", "/api/files/" + fileId + "/referrals",
                json(Map.of("body", BODY, "occurredAt", REFERRED))).get("position").asLong();
        assertThat(api.read("/api/bodies/common-council/referrals", last).get("items"))
                .as("referred and not yet acted on").anySatisfy(r -> {
                    assertThat(r.get("fileId").asText()).isEqualTo(fileId);
                    assertThat(r.get("fileNumber").asText()).isEqualTo("RES-17-00001");
                    assertThat(Instant.parse(r.get("referredAt").asText())).isEqualTo(Instant.parse(REFERRED));
                });

        JsonNode scheduled = api.record("POST", "/api/meetings", json(Map.of("body", BODY, "startsAt", STARTS_AT,
                "location", LOCATION, "timeZone", "America/Chicago", "occurredAt", "2017-01-03T15:00:00Z")));
        meetingId = scheduled.get("meetingId").asText();
        String meeting = "/api/meetings/" + meetingId;
        String rollCallItem = addItem(meeting, Map.of("title", "Roll call"));
        String resolutionItem = addItem(meeting, Map.of("fileId", fileId));
        String publicCommentItem = addItem(meeting, Map.of("title", "Public comment"));
        publishedOrder = List.of(rollCallItem, resolutionItem, publicCommentItem);
        JsonNode first = api.record("POST", meeting + "/agenda/publish", json(Map.of("occurredAt", PUBLISHED)));
        assertThat(first.get("version").asInt()).isEqualTo(1);

        String minutesItem = addItem(meeting,
                Map.of("title", "Approval of the minutes of January 17, 2017", "consent", true));
        amendedOrder = List.of(rollCallItem, minutesItem, resolutionItem, publicCommentItem);
        api.record("PUT", meeting + "/agenda/order", json(Map.of("itemIds", amendedOrder)));
        JsonNode amended = api.record("POST", meeting + "/agenda/publish", json(Map.of("occurredAt", AMENDED)));
        assertThat(amended.get("version").asInt()).isEqualTo(2);

        refused(409, "meeting-not-in-progress", "POST", meeting + "/roll-call", json(Map.of("present", PRESENT,
                "absent", ABSENT, "excused", EXCUSED, "occurredAt", "2017-02-08T00:20:00Z")));   // before the start
        api.record("POST", meeting + "/call-to-order", json(Map.of("occurredAt", CALLED_TO_ORDER)));
        List<String> withTheMayor = new ArrayList<>(PRESENT);
        withTheMayor.add("paul-soglin");
        refused(422, "not-seated", "POST", meeting + "/roll-call", rollCall(withTheMayor, ABSENT, EXCUSED));
        refused(422, "roll-call-incomplete", "POST", meeting + "/roll-call",
                rollCall(PRESENT.subList(1, PRESENT.size()), ABSENT, EXCUSED));
        api.record("POST", meeting + "/roll-call", rollCall(PRESENT, ABSENT, EXCUSED));
        refused(409, "roll-call-already-taken", "POST", meeting + "/roll-call", rollCall(PRESENT, ABSENT, EXCUSED));
        refused(422, "not-seated", "POST", meeting + "/arrivals", json(Map.of("person", "paul-soglin")));
        refused(409, "already-present", "POST", meeting + "/arrivals", json(Map.of("person", "shiva-bidar")));
        arrival = api.record("POST", meeting + "/arrivals", json(Map.of("person", LATE, "occurredAt", ARRIVED)))
                .get("position").asLong();
        refused(422, "occurred-at-in-future", "POST", meeting + "/departures",
                json(Map.of("person", LEAVES_EARLY, "occurredAt", "2999-01-01T00:00:00Z")));
        departure = api.record("POST", meeting + "/departures",
                json(Map.of("person", LEAVES_EARLY, "occurredAt", DEPARTED))).get("position").asLong();
        last = api.record("POST", meeting + "/adjourn", json(Map.of("occurredAt", ADJOURNED)))
                .get("position").asLong();

        refused(409, "meeting-adjourned", "POST", meeting + "/arrivals", json(Map.of("person", "zach-wood")));
        refused(409, "meeting-adjourned", "POST", meeting + "/adjourn", "{}");
    }

    @Test
    @Order(2)
    void theMeetingPageShowsBothAgendasAndWhoCameAndWent() throws Exception {
        JsonNode view = api.read("/api/meetings/" + meetingId, last);
        assertThat(view.get("meetingId").asText()).isEqualTo(meetingId);
        assertThat(view.get("body").asText()).isEqualTo(BODY);
        assertThat(view.get("status").asText()).isEqualTo("ADJOURNED");
        assertThat(OffsetDateTime.parse(view.get("startsAt").asText()).toInstant())
                .isEqualTo(Instant.parse("2017-02-08T00:30:00Z"));
        assertThat(view.get("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(view.get("location").asText()).isEqualTo(LOCATION);
        assertThat(Instant.parse(view.get("calledToOrderAt").asText())).isEqualTo(Instant.parse(CALLED_TO_ORDER));
        assertThat(Instant.parse(view.get("adjournedAt").asText())).isEqualTo(Instant.parse(ADJOURNED));

        assertAgenda(view.get("agenda"), 2, AMENDED, amendedOrder);
        assertThat(view.get("agendaVersions")).hasSize(2);
        assertAgenda(view.get("agendaVersions").get(0), 1, PUBLISHED, publishedOrder);
        assertAgenda(view.get("agendaVersions").get(1), 2, AMENDED, amendedOrder);
        JsonNode resolution = view.get("agenda").get("items").get(2);
        assertThat(resolution.get("fileId").asText()).isEqualTo(fileId);
        assertThat(resolution.get("fileNumber").asText()).isEqualTo("RES-17-00001");
        assertThat(view.get("agenda").get("items").get(0).get("title").asText()).isEqualTo("Roll call");
        assertThat(view.get("agenda").get("items").get(1).get("consent").asBoolean()).isTrue();
        assertThat(view.get("agenda").get("items").get(3).get("consent").asBoolean()).isFalse();
        assertThat(view.get("draftAgenda")).extracting(i -> i.get("itemId").asText())
                .containsExactlyElementsOf(amendedOrder);

        assertAttendance(view.get("attendance"));
    }

    @Test
    @Order(3)
    void quorumIsKnownAtEveryInstantOfTheMeeting() throws Exception {
        assertQuorum("2017-02-08T00:34:00Z", 0, false);   // called to order, roll not yet called
        assertQuorum("2017-02-08T00:40:00Z", 13, false);  // roll call: 13 of the 14 needed
        assertQuorum("2017-02-08T01:30:00Z", 14, true);   // after the late arrival
        assertQuorum("2017-02-08T03:30:00Z", 13, false);  // after the early departure
    }

    @Test
    @Order(4)
    void theFileShowsItsReferralAndTheCouncilHasActedOnIt() throws Exception {
        JsonNode file = api.read("/api/files/" + fileId, last);
        assertThat(file.get("status").asText()).isEqualTo("REFERRED");
        assertThat(file.get("referrals")).singleElement().satisfies(r -> {
            assertThat(r.get("body").asText()).isEqualTo(BODY);
            assertThat(Instant.parse(r.get("referredAt").asText())).isEqualTo(Instant.parse(REFERRED));
        });
        JsonNode history = api.read("/api/files/" + fileId + "/history", last).get("items");
        assertThat(history).extracting(e -> e.get("type").asText())
                .containsSubsequence("FileIntroduced", "FileReferred");
        assertThat(history).filteredOn(e -> e.get("type").asText().equals("FileReferred")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("data").get("bodyId").asText()).isEqualTo(BODY);
                    assertThat(Instant.parse(e.get("occurredAt").asText())).isEqualTo(Instant.parse(REFERRED));
                    assertThat(e.get("recordedBy").asText()).isEqualTo(CLERK);
                });
        assertThat(api.read("/api/bodies/common-council/referrals", last).get("items"))
                .as("the council acted on it at the meeting").noneMatch(r -> r.get("fileId").asText().equals(fileId));
    }

    @Test
    @Order(5)
    void attendanceRecordsMeetingListsAndTheCalendarAgree() throws Exception {
        JsonNode late = api.read("/api/people/" + LATE + "/attendance", last);
        assertThat(late.get("personId").asText()).isEqualTo(LATE);
        assertThat(List.of(late.get("attended").asInt(), late.get("absent").asInt(), late.get("excused").asInt()))
                .as("a late arrival attended").containsExactly(1, 0, 0);
        assertThat(late.get("meetings").toString()).contains(meetingId);
        JsonNode excused = api.read("/api/people/amanda-hall/attendance", last);
        assertThat(List.of(excused.get("attended").asInt(), excused.get("absent").asInt(),
                excused.get("excused").asInt())).containsExactly(0, 0, 1);
        JsonNode absent = api.read("/api/people/zach-wood/attendance", last);
        assertThat(List.of(absent.get("attended").asInt(), absent.get("absent").asInt(),
                absent.get("excused").asInt())).containsExactly(0, 1, 0);

        assertThat(api.read("/api/bodies/common-council/meetings", last).findValuesAsText("meetingId"))
                .contains(meetingId);
        assertThat(api.read("/api/meetings?body=common-council&from=2017-02-07&to=2017-02-07", last)
                .findValuesAsText("meetingId")).as("on the 7th in Madison, the 8th in UTC").containsExactly(meetingId);
        assertThat(api.read("/api/meetings?body=common-council&upcoming=true", last).findValuesAsText("meetingId"))
                .doesNotContain(meetingId);
        assertCalendarHas(meetingId);
    }

    @Test
    @Order(6)
    void aCancelledMeetingRefusesEverythingAndStoresNothing() throws Exception {
        JsonNode scheduled = api.record("POST", "/api/meetings", json(Map.of("body", BODY,
                "startsAt", "2017-02-21T18:30:00-06:00", "location", LOCATION, "occurredAt", "2017-01-03T15:00:00Z")));
        String cancelled = scheduled.get("meetingId").asText();
        String meeting = "/api/meetings/" + cancelled;
        String item = addItem(meeting, Map.of("fileId", fileId));
        api.record("POST", meeting + "/cancel", json(Map.of("reason", "Spring primary election")));

        refused(409, "meeting-cancelled", "POST", meeting + "/agenda/items", json(Map.of("title", "Public comment")));
        refused(409, "meeting-cancelled", "DELETE", meeting + "/agenda/items/" + item, null);
        refused(409, "meeting-cancelled", "POST", meeting + "/agenda/publish", null);
        refused(409, "meeting-cancelled", "POST", meeting + "/reschedule",
                json(Map.of("startsAt", "2017-02-28T18:30:00-06:00")));
        refused(409, "meeting-cancelled", "POST", meeting + "/call-to-order",
                json(Map.of("occurredAt", "2017-02-22T00:31:00Z")));
        refused(409, "meeting-cancelled", "POST", meeting + "/cancel", json(Map.of("reason", "again")));

        JsonNode view = api.read(meeting, api.position());
        assertThat(view.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(view.get("cancelReason").asText()).isEqualTo("Spring primary election");
        assertThat(view.get("timeZone").asText()).as("the city's zone by default").isEqualTo("America/Chicago");
        assertThat(view.get("draftAgenda")).extracting(i -> i.get("itemId").asText()).containsExactly(item);
        assertThat(calendarEvent(cancelled)).as("calendar apps drop it").contains("\r\nSTATUS:CANCELLED\r\n");
    }

    private static void refused(int status, String rule, String method, String path, String body) throws Exception {
        assertThat(api.refuse(status, method, path, body).get("rule").asText()).as(method + " " + path)
                .isEqualTo(rule);
    }

    private static String addItem(String meeting, Map<String, Object> item) throws Exception {
        JsonNode added = api.record("POST", meeting + "/agenda/items", json(item));
        assertThat(added.get("position").asLong()).isPositive();
        return added.get("itemId").asText();
    }

    private static String rollCall(List<String> present, List<String> absent, List<String> excused) throws Exception {
        return json(Map.of("present", present, "absent", absent, "excused", excused, "occurredAt", ROLL_CALL));
    }

    private static void assertAgenda(JsonNode agenda, int version, String publishedAt, List<String> itemIds) {
        assertThat(agenda.get("version").asInt()).isEqualTo(version);
        assertThat(Instant.parse(agenda.get("publishedAt").asText())).isEqualTo(Instant.parse(publishedAt));
        assertThat(agenda.get("items")).extracting(i -> i.get("itemId").asText()).containsExactlyElementsOf(itemIds);
        assertThat(agenda.get("items")).extracting(i -> i.get("number").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, itemIds.size()).boxed().toList());
    }

    private static void assertAttendance(JsonNode attendance) {
        Map<String, String> status = new HashMap<>();
        attendance.get("members").forEach(m -> status.put(m.get("person").asText(), m.get("status").asText()));
        assertThat(attendance.get("members")).hasSize(20);
        assertThat(status.keySet()).containsExactlyInAnyOrderElementsOf(ALDERS.keySet());
        EXCUSED.forEach(p -> assertThat(status.get(p)).as(p).isEqualTo("EXCUSED"));
        ABSENT.stream().filter(p -> !p.equals(LATE)).forEach(p -> assertThat(status.get(p)).as(p).isEqualTo("ABSENT"));
        PRESENT.stream().filter(p -> !p.equals(LEAVES_EARLY))
                .forEach(p -> assertThat(status.get(p)).as(p).isEqualTo("PRESENT"));
        assertThat(status.get(LATE)).as("arrived late, still there").isEqualTo("PRESENT");
        assertThat(status.get(LEAVES_EARLY)).as("left early").isNotIn("PRESENT", "ABSENT", "EXCUSED");

        JsonNode timeline = attendance.get("timeline");
        assertThat(timeline).extracting(t -> Instant.parse(t.get("occurredAt").asText())).isSorted();
        assertThat(timeline).filteredOn(t -> t.get("person").asText().equals(LATE))
                .anySatisfy(t -> {
                    assertThat(t.get("kind").asText()).containsIgnoringCase("arriv");
                    assertThat(Instant.parse(t.get("occurredAt").asText())).isEqualTo(Instant.parse(ARRIVED));
                    assertThat(t.get("position").asLong()).isEqualTo(arrival);
                });
        assertThat(timeline).filteredOn(t -> t.get("person").asText().equals(LEAVES_EARLY))
                .anySatisfy(t -> {
                    assertThat(t.get("kind").asText()).containsIgnoringCase("depart");
                    assertThat(Instant.parse(t.get("occurredAt").asText())).isEqualTo(Instant.parse(DEPARTED));
                    assertThat(t.get("position").asLong()).isEqualTo(departure);
                });
    }

    private static void assertQuorum(String at, int present, boolean met) throws Exception {
        JsonNode quorum = api.read("/api/meetings/" + meetingId + "?at=" + at, last).get("quorum");
        assertThat(quorum.get("present").asInt()).as("present at " + at).isEqualTo(present);
        assertThat(quorum.get("seats").asInt()).isEqualTo(20);
        assertThat(quorum.get("required").asInt()).as("two-thirds of 20 seats").isEqualTo(14);
        assertThat(quorum.get("met").asBoolean()).as("quorum at " + at).isEqualTo(met);
        assertThat(quorum.get("rule").asText()).isEqualTo("TWO_THIRDS_SEATS");
        assertThat(Instant.parse(quorum.get("at").asText())).isEqualTo(Instant.parse(at));
    }

    private static void assertCalendarHas(String meetingId) throws Exception {
        assertThat(calendarEvent(meetingId)).contains("\r\nDTSTART:20170208T003000Z\r\n",
                "\r\nLOCATION:City County Building\\, 210 Martin Luther King Jr. Boulevard\r\n");
    }

    /** The body's calendar feed, checked as a whole; answers the meeting's VEVENT, lines unfolded. */
    private static String calendarEvent(String meetingId) throws Exception {
        HttpResponse<String> ics = api.readRaw("/api/bodies/common-council/meetings.ics?minPosition=" + api.position());
        assertThat(ics.statusCode()).as(ics.body()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(ics.body()).as("RFC 5545 lines end in CRLF").contains("\r\n").doesNotContainPattern("[^\r]\n");
        String unfolded = ics.body().replace("\r\n ", "").replace("\r\n\t", "");
        assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n", "\r\nPRODID:")
                .endsWith("END:VCALENDAR\r\n");
        return Arrays.stream(unfolded.split("BEGIN:VEVENT")).skip(1)
                .filter(event -> event.contains("\r\nUID:" + meetingId)).findFirst()
                .map(event -> "BEGIN:VEVENT" + event.substring(0, event.indexOf("END:VEVENT")))
                .orElseThrow(() -> new AssertionError("no VEVENT with UID " + meetingId + " in\n" + ics.body()));
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }
}
