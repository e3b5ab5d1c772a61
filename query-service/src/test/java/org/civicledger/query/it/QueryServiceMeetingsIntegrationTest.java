package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.AgendaItemAdded;
import org.civicledger.events.meeting.AgendaItemRemoved;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.AgendaPublished.Item;
import org.civicledger.events.meeting.AgendaReordered;
import org.civicledger.events.meeting.MeetingAdjourned;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingCancelled;
import org.civicledger.events.meeting.MeetingRescheduled;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MemberArrived;
import org.civicledger.events.meeting.MemberDeparted;
import org.civicledger.events.meeting.RollCallTaken;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.events.roster.VoteThresholdSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Meetings, agendas, attendance, quorum and referrals, read back from a real topic and database. */
class QueryServiceMeetingsIntegrationTest extends TopicIntegrationTest {

    private static final String ROOM = "City County Building, 210 Martin Luther King Jr. Boulevard; Room 201";

    /** A body with its own slug, so tests sharing the database never see each other's meetings. */
    private static String body(int seats, QuorumRule rule) throws Exception {
        String bodyId = "council-" + id().substring(0, 8);
        topic.publish(new BodyCreated(bodyId, "Common Council", BodyKind.COUNCIL, seats, at(-60 * 24 * 30)),
                new QuorumRuleSet(bodyId, rule, at(-60 * 24 * 30)));
        return bodyId;
    }

    private static String file(String title) throws Exception {
        String fileId = id();
        topic.publish(new FileIntroduced(fileId, "RES-17-" + fileId.substring(0, 5), FileType.RESOLUTION, title,
                "Text", "shiva-bidar", at(-60 * 24 * 14)));
        return fileId;
    }

    private static String meeting(String bodyId, OffsetDateTime startsAt) throws Exception {
        String meetingId = id();
        topic.publish(new MeetingScheduled(meetingId, bodyId, startsAt, "America/Chicago", ROOM,
                at(-60 * 24 * 7)));
        return meetingId;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    @Test
    void anAmendedAgendaIsANewVersionAndBothVersionsStayVisible() throws Exception {
        String council = body(20, QuorumRule.MAJORITY_SEATS);
        String safeHaven = file("Codifying Madison as a safe haven");
        String m = meeting(council, STARTS);
        long last = topic.publish(
                new AgendaItemAdded(m, "roll", null, "Roll call", false, at(-600)),
                new AgendaItemAdded(m, "res", safeHaven, null, false, at(-600)),
                new AgendaItemAdded(m, "comment", null, "Public comment", false, at(-600)),
                new AgendaPublished(m, 1, List.of(new Item(1, "roll", null, "Roll call", false),
                        new Item(2, "res", safeHaven, null, false),
                        new Item(3, "comment", null, "Public comment", false)), at(-500)),
                new AgendaItemRemoved(m, "comment", at(-400)),
                new AgendaItemAdded(m, "minutes", null, "Approval of minutes", true, at(-400)),
                new AgendaReordered(m, List.of("res", "roll", "minutes"), at(-400)),
                new AgendaPublished(m, 2, List.of(new Item(1, "res", safeHaven, null, false),
                        new Item(2, "roll", null, "Roll call", false),
                        new Item(3, "minutes", null, "Approval of minutes", true)), at(-300)));

        JsonNode meeting = get("/api/meetings/" + m, last);

        assertThat(meeting.get("startsAt").asText()).isEqualTo("2017-02-07T18:30:00-06:00");
        assertThat(meeting.get("agenda").get("version").asInt()).isEqualTo(2);
        assertThat(meeting.get("agendaVersions")).hasSize(2);
        JsonNode first = meeting.get("agendaVersions").get(0);
        assertThat(first.get("publishedAt").asText()).isEqualTo(at(-500).toString());
        assertThat(texts(first.get("items"), "title"))
                .containsExactly("Roll call", "Codifying Madison as a safe haven", "Public comment");
        assertThat(first.get("items").get(1).get("fileNumber").asText())
                .isEqualTo("RES-17-" + safeHaven.substring(0, 5));
        assertThat(texts(meeting.get("agenda").get("items"), "itemId")).containsExactly("res", "roll", "minutes");
        assertThat(meeting.get("agenda").get("items").get(2).get("consent").asBoolean()).isTrue();
        assertThat(texts(meeting.get("draftAgenda"), "itemId")).containsExactly("res", "roll", "minutes");
    }

    @Test
    void quorumUnderTwoThirdsOfTwentySeatsFollowsALateArrivalAndAnEarlyDeparture() throws Exception {
        String council = body(20, QuorumRule.TWO_THIRDS_SEATS);
        String m = meeting(council, STARTS);
        List<String> alders = IntStream.rangeClosed(1, 20).mapToObj(n -> "alder-" + n).toList();
        long last = topic.publish(
                new MeetingCalledToOrder(m, at(1)),
                new RollCallTaken(m, alders.subList(0, 13), alders.subList(13, 18), alders.subList(18, 20), at(2)),
                new MemberArrived(m, "alder-14", at(20)),
                new MemberDeparted(m, "alder-1", at(60)),
                new MeetingAdjourned(m, at(90)));

        JsonNode before = get("/api/meetings/" + m + "?at=" + at(10), last).get("quorum");
        JsonNode afterArrival = get("/api/meetings/" + m + "?at=" + at(30), last).get("quorum");
        JsonNode meeting = get("/api/meetings/" + m + "?at=" + at(70), last);
        JsonNode afterDeparture = meeting.get("quorum");

        assertThat(before.get("seats").asInt()).isEqualTo(20);
        assertThat(before.get("required").asInt()).isEqualTo(14);
        assertThat(before.get("rule").asText()).isEqualTo("TWO_THIRDS_SEATS");
        assertThat(before.get("present").asInt()).isEqualTo(13);
        assertThat(before.get("met").asBoolean()).isFalse();
        assertThat(afterArrival.get("present").asInt()).isEqualTo(14);
        assertThat(afterArrival.get("met").asBoolean()).isTrue();
        assertThat(afterDeparture.get("present").asInt()).isEqualTo(13);
        assertThat(afterDeparture.get("met").asBoolean()).isFalse();
        assertThat(afterDeparture.get("at").asText()).isEqualTo(at(70).toString());

        JsonNode attendance = meeting.get("attendance");
        assertThat(attendance.get("members")).hasSize(20);
        assertThat(attendance.get("members")).anySatisfy(member -> {
            assertThat(member.get("person").asText()).isEqualTo("alder-1");
            assertThat(member.get("status").asText()).isEqualTo("DEPARTED");
        });
        assertThat(attendance.get("members")).anySatisfy(member -> {
            assertThat(member.get("person").asText()).isEqualTo("alder-14");
            assertThat(member.get("status").asText()).isEqualTo("PRESENT");
        });
        JsonNode timeline = attendance.get("timeline");
        assertThat(timeline).hasSize(22);
        assertThat(texts(timeline, "kind").subList(18, 22))
                .containsExactly("EXCUSED", "EXCUSED", "ARRIVED", "DEPARTED");
        assertThat(timeline.get(20).get("occurredAt").asText()).isEqualTo(at(20).toString());
        assertThat(meeting.get("status").asText()).isEqualTo("ADJOURNED");
        assertThat(meeting.get("calledToOrderAt").asText()).isEqualTo(at(1).toString());
        assertThat(meeting.get("adjournedAt").asText()).isEqualTo(at(90).toString());
        assertThat(get("/api/bodies/" + council, last).get("quorum").asText()).isEqualTo("TWO_THIRDS_SEATS");
    }

    @Test
    void aCancelledMeetingKeepsItsReasonAndLeavesTheUpcomingList() throws Exception {
        String council = body(20, QuorumRule.MAJORITY_SEATS);
        String held = meeting(council, STARTS);
        String cancelled = meeting(council, OffsetDateTime.parse("2099-03-07T18:30:00-06:00"));
        String upcoming = meeting(council, OffsetDateTime.parse("2099-02-21T18:30:00-06:00"));
        long last = topic.publish(new MeetingCancelled(cancelled, "No quorum expected: spring recess", at(5)));

        JsonNode meeting = get("/api/meetings/" + cancelled, last);
        JsonNode soon = get("/api/meetings?upcoming=true&body=" + council, last);
        JsonNode calendar = get("/api/bodies/" + council + "/meetings", last);
        JsonNode onTheSeventh = get("/api/meetings?body=" + council + "&from=2017-02-07&to=2017-02-07", last);

        assertThat(meeting.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(meeting.get("cancelReason").asText()).isEqualTo("No quorum expected: spring recess");
        assertThat(meeting.get("agenda").get("version").isNull()).isTrue();
        assertThat(meeting.get("agenda").get("items")).isEmpty();
        assertThat(texts(soon.get("items"), "meetingId")).containsExactly(upcoming);
        assertThat(texts(calendar.get("items"), "meetingId")).containsExactly(held, upcoming, cancelled);
        assertThat(texts(calendar.get("items"), "status")).containsExactly("SCHEDULED", "SCHEDULED", "CANCELLED");
        assertThat(texts(onTheSeventh.get("items"), "meetingId")).containsExactly(held);
    }

    @Test
    void aReferralIsPendingUntilAnAdjournedMeetingOfTheBodyHadTheFileOnItsLatestAgenda() throws Exception {
        String council = body(20, QuorumRule.MAJORITY_SEATS);
        String safeHaven = file("Codifying Madison as a safe haven");
        String budget = file("Amending the 2017 capital budget");
        long referred = topic.publish(new FileReferred(safeHaven, council, at(-60 * 24 * 10)),
                new FileReferred(budget, council, at(-60 * 24 * 9)));

        JsonNode file = get("/api/files/" + safeHaven, referred);
        JsonNode pendingBefore = get("/api/bodies/" + council + "/referrals", referred);

        String m = meeting(council, STARTS);
        long adjourned = topic.publish(
                new AgendaPublished(m, 1, List.of(new Item(1, "a", safeHaven, null, false),
                        new Item(2, "b", budget, null, false)), at(-600)),
                new AgendaPublished(m, 2, List.of(new Item(1, "a", safeHaven, null, false)), at(-300)),
                new MeetingCalledToOrder(m, at(1)),
                new MeetingAdjourned(m, at(90)));
        JsonNode pendingAfter = get("/api/bodies/" + council + "/referrals", adjourned);

        assertThat(file.get("status").asText()).isEqualTo("REFERRED");
        assertThat(file.get("fileNumber").asText()).isEqualTo("RES-17-" + safeHaven.substring(0, 5));
        assertThat(file.get("cosponsors")).isEmpty();
        assertThat(file.get("referrals")).hasSize(1);
        assertThat(file.get("referrals").get(0).get("body").asText()).isEqualTo(council);
        assertThat(file.get("referrals").get(0).get("referredAt").asText()).isEqualTo(at(-60 * 24 * 10).toString());
        assertThat(texts(pendingBefore.get("items"), "fileId")).containsExactly(safeHaven, budget);
        assertThat(texts(pendingBefore.get("items"), "title"))
                .containsExactly("Codifying Madison as a safe haven", "Amending the 2017 capital budget");
        // The budget was on version 1 only: the amended agenda dropped it, so it still waits.
        assertThat(texts(pendingAfter.get("items"), "fileId")).containsExactly(budget);
    }

    @Test
    void aPersonsAttendanceRecordCountsAttendedAbsentAndExcused() throws Exception {
        String council = body(3, QuorumRule.MAJORITY_SEATS);
        String person = "larry-palm-" + id().substring(0, 8);
        topic.publish(new PersonRegistered(person, "Larry Palm", at(-60 * 24 * 60)));
        List<String> others = List.of("shiva-bidar", "marsha-rummel");
        String[] meetings = new String[4];
        for (int i = 0; i < 4; i++) {
            meetings[i] = meeting(council, STARTS.plusWeeks(i));
        }
        long last = topic.publish(
                new RollCallTaken(meetings[0], List.of(person, others.get(0)), List.of(others.get(1)), List.of(),
                        at(2)),
                new RollCallTaken(meetings[1], others, List.of(person), List.of(), at(2)),
                new MemberArrived(meetings[1], person, at(30)),
                new RollCallTaken(meetings[2], others, List.of(person), List.of(), at(2)),
                new RollCallTaken(meetings[3], others, List.of(), List.of(person), at(2)));

        JsonNode record = get("/api/people/" + person + "/attendance", last);

        assertThat(record.get("attended").asInt()).isEqualTo(2);
        assertThat(record.get("absent").asInt()).isEqualTo(1);
        assertThat(record.get("excused").asInt()).isEqualTo(1);
        assertThat(texts(record.get("meetings"), "meetingId")).containsExactly(meetings);
        assertThat(texts(record.get("meetings"), "status"))
                .containsExactly("ATTENDED", "ATTENDED", "ABSENT", "EXCUSED");
        assertThat(record.get("meetings").get(0).get("body").asText()).isEqualTo(council);
    }

    @Test
    void theCalendarFeedIsAnICalendarWithOneEventPerMeeting() throws Exception {
        String council = body(20, QuorumRule.TWO_THIRDS_SEATS);
        String held = meeting(council, STARTS);
        String moved = meeting(council, OffsetDateTime.parse("2099-03-07T18:30:00-06:00"));
        long last = topic.publish(new MeetingCalledToOrder(held, at(1)), new MeetingAdjourned(held, at(95)),
                new MeetingRescheduled(moved, OffsetDateTime.parse("2099-03-14T18:30:00-05:00"), null, at(5)),
                new MeetingCancelled(moved, "Recess", at(6)));

        get("/api/bodies/" + council, last);
        ResponseEntity<String> response = rest.getForEntity("/api/bodies/" + council + "/meetings.ics",
                String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/calendar")))
                .isTrue();
        assertThat(response.getHeaders().getContentType().getCharset()).hasToString("UTF-8");
        String ics = response.getBody();
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
        List<String> lines = Arrays.asList(ics.replace("\r\n ", "").split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Common Council meetings",
                "UID:" + held + "@civic-ledger", "DTSTART:20170208T003000Z", "DTEND:20170208T020500Z",
                "STATUS:CONFIRMED", "SEQUENCE:0", "UID:" + moved + "@civic-ledger", "DTSTART:20990314T233000Z",
                "DTEND:20990315T013000Z", "STATUS:CANCELLED", "SEQUENCE:1", "SUMMARY:Common Council meeting",
                "LOCATION:City County Building\\, 210 Martin Luther King Jr. Boulevard\\; Room 201");
        assertThat(lines).filteredOn(line -> line.startsWith("PRODID:")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.startsWith("DTSTAMP:")).hasSize(2);
        assertThat(lines).filteredOn(line -> line.equals("BEGIN:VEVENT")).hasSize(2);
        assertThat(lines).filteredOn(line -> line.equals("END:VEVENT")).hasSize(2);
    }

    @Test
    void theBodyPageListsEveryMotionKindWithItsThresholdDefaultingToMajorityCast() throws Exception {
        String bodyId = body(20, QuorumRule.TWO_THIRDS_SEATS);
        long last = topic.publish(new VoteThresholdSet(bodyId, MotionKind.ADOPT, VoteThreshold.MAJORITY_SEATS, at(0)),
                new VoteThresholdSet(bodyId, MotionKind.ADOPT, VoteThreshold.THREE_QUARTERS_SEATS, at(1)));

        JsonNode thresholds = get("/api/bodies/" + bodyId, last).get("thresholds");

        assertThat(thresholds.get("ADOPT").asText()).as("the latest setting").isEqualTo("THREE_QUARTERS_SEATS");
        assertThat(thresholds.get("TABLE").asText()).isEqualTo("MAJORITY_CAST");
        assertThat(thresholds).hasSize(MotionKind.values().length);
    }

    @Test
    void unknownRecordsAre404AndBadTimesAre400Problems() {
        Map<String, String> rules = Map.of(
                "/api/meetings/" + id(), "meeting-not-found",
                "/api/bodies/no-such-body/meetings", "body-not-found",
                "/api/bodies/no-such-body/meetings.ics", "body-not-found",
                "/api/bodies/no-such-body/referrals", "body-not-found",
                "/api/people/no-such-person/attendance", "person-not-found",
                "/api/meetings/" + id() + "?at=yesterday", "invalid-parameter",
                "/api/meetings?from=2017-13-01", "invalid-parameter",
                "/api/meetings?to=soon", "invalid-parameter",
                "/api/meetings?upcoming=maybe", "invalid-parameter");

        rules.forEach((path, rule) -> {
            ResponseEntity<String> response = rest.getForEntity(path, String.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(rule.endsWith("not-found") ? 404 : 400);
            assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).as(path).contains("\"rule\":\"" + rule + "\"");
        });
    }
}
