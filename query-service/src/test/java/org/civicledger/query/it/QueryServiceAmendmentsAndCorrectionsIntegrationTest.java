package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.AmendmentRejected;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActedOn.Action;
import org.civicledger.events.file.FileActionCorrected;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.RollCallTaken;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.meeting.VoteRecorded.Tally;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.VoteThreshold;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Amendments and text versions, and corrected votes and file actions, read back from a real topic and database. */
class QueryServiceAmendmentsAndCorrectionsIntegrationTest extends TopicIntegrationTest {

    private static final String INTRODUCED_TEXT = """
            WHEREAS Madison welcomes all residents;
            RESOLVED that the city is a safe haven;
            RESOLVED that city staff shall not ask about status.""";

    private static List<String> members(int count) throws Exception {
        String suffix = id().substring(0, 8);
        List<String> people = IntStream.rangeClosed(1, count).mapToObj(n -> "alder-" + n + "-" + suffix).toList();
        for (String person : people) {
            topic.publish(new PersonRegistered(person, person, at(-60 * 24 * 60)));
        }
        return people;
    }

    private static String file() throws Exception {
        String fileId = id();
        topic.publish(new FileIntroduced(fileId, "RES-17-" + fileId.substring(0, 5), FileType.RESOLUTION,
                "Codifying Madison as a safe haven", INTRODUCED_TEXT, "shiva-bidar", at(-60 * 24 * 14)));
        return fileId;
    }

    /** A council of the members, meeting with all of them present. */
    private static String heldMeeting(List<String> members) throws Exception {
        String bodyId = "council-" + id().substring(0, 8);
        String meetingId = id();
        topic.publish(new BodyCreated(bodyId, "Common Council", BodyKind.COUNCIL, members.size(), at(-60 * 24 * 30)),
                new MeetingScheduled(meetingId, bodyId, STARTS, "America/Chicago", "Room 201", at(-60 * 24)),
                new MeetingCalledToOrder(meetingId, at(1)),
                new RollCallTaken(meetingId, members, List.of(), List.of(), at(2)));
        return meetingId;
    }

    /** A majority-cast roll call of the members, each with the choice at the same place in {@code choices}. */
    private static VoteRecorded rollCall(String meetingId, String motionId, String fileId, MotionKind kind,
                                         Instant at, List<String> members, VoteChoice... choices) {
        List<MemberVote> votes = IntStream.range(0, choices.length)
                .mapToObj(i -> new MemberVote(members.get(i), choices[i])).toList();
        int ayes = (int) votes.stream().filter(v -> v.choice() == VoteChoice.AYE).count();
        int noes = (int) votes.stream().filter(v -> v.choice() == VoteChoice.NO).count();
        int abstentions = (int) votes.stream().filter(v -> v.choice() == VoteChoice.ABSTAIN).count();
        VoteThreshold threshold = VoteThreshold.MAJORITY_CAST;
        return new VoteRecorded(meetingId, motionId, fileId, kind, Method.ROLL_CALL, votes,
                threshold.carries(ayes, noes, votes.size(), members.size()) ? Result.PASSED : Result.FAILED,
                threshold, new Tally(ayes, noes, abstentions, 0, 0, 0), threshold.needed(ayes + noes, votes.size(),
                members.size()), votes.size(), members.size(), at);
    }

    /** The correction of {@code corrects} to the roll (and result) of {@code recounted}. */
    private static VoteCorrected correction(String corrects, VoteRecorded recounted, String reason, Instant at) {
        return new VoteCorrected(recounted.meetingId(), recounted.motionId(), corrects, reason, recounted.fileId(),
                recounted.kind(), recounted.votes(), recounted.result(), recounted.threshold(), recounted.tally(),
                recounted.needed(), recounted.present(), recounted.seats(), at);
    }

    private ResponseEntity<String> fetch(String path, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.setAccept(List.of(accept));
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private void assertProblem(String path, int status, String rule) {
        ResponseEntity<String> response = fetch(path, null);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).as(path).contains("\"rule\":\"" + rule + "\"");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).isNull() ? null : node.get(field).asText()));
        return values;
    }

    @Test
    void anAmendmentAndAnAmendmentToItAdoptedInOrderMakeVersionTwoWithTheSecondDegreeText() throws Exception {
        List<String> alders = members(3);
        String safeHaven = file();
        String m = heldMeeting(alders);
        String first = id();
        String second = id();
        String firstText = INTRODUCED_TEXT.replace("the city is a safe haven", "Madison is a safe haven");
        String secondText = firstText + "\nRESOLVED that this takes effect at once.";
        String amendSecond = id();
        long secondAdopted = topic.publish(
                new AmendmentProposed(safeHaven, first, firstText, alders.get(0), null, at(5)),
                new AmendmentProposed(safeHaven, second, secondText, alders.get(1), first, at(6)),
                new MotionMade(m, amendSecond, "item-1", safeHaven, MotionKind.AMEND, alders.get(1), alders.get(2),
                        null, second, at(7)),
                rollCall(m, amendSecond, safeHaven, MotionKind.AMEND, at(8), alders, VoteChoice.AYE, VoteChoice.AYE,
                        VoteChoice.NO),
                new AmendmentAdopted(safeHaven, second, first, null, secondText, m, amendSecond, at(8)));

        JsonNode pending = get("/api/files/" + safeHaven, secondAdopted);
        assertThat(pending.get("version").asInt()).isEqualTo(1);
        assertThat(pending.get("text").asText()).isEqualTo(INTRODUCED_TEXT);
        assertThat(texts(pending.get("amendments"), "amendmentId")).containsExactly(first, second);
        assertThat(texts(pending.get("amendments"), "status")).containsExactly("PENDING", "ADOPTED");
        assertThat(texts(pending.get("amendments"), "amends")).containsExactly(null, first);
        assertThat(texts(pending.get("amendments"), "proposedBy")).containsExactly(alders.get(0), alders.get(1));
        assertThat(texts(pending.get("amendments"), "text")).as("the adopted second degree rewrote the first")
                .containsExactly(secondText, secondText);

        String amendFirst = id();
        long last = topic.publish(
                new MotionMade(m, amendFirst, "item-1", safeHaven, MotionKind.AMEND, alders.get(0), alders.get(2),
                        null, first, at(10)),
                rollCall(m, amendFirst, safeHaven, MotionKind.AMEND, at(11), alders, VoteChoice.AYE, VoteChoice.AYE,
                        VoteChoice.AYE),
                new AmendmentAdopted(safeHaven, first, null, 2, secondText, m, amendFirst, at(11)));

        JsonNode file = get("/api/files/" + safeHaven, last);
        JsonNode versions = get("/api/files/" + safeHaven + "/versions", last);
        JsonNode two = get("/api/files/" + safeHaven + "/versions/2", last);
        JsonNode one = get("/api/files/" + safeHaven + "/versions/1", last);
        JsonNode history = get("/api/files/" + safeHaven + "/history", last).get("items");

        assertThat(file.get("version").asInt()).isEqualTo(2);
        assertThat(file.get("text").asText()).isEqualTo(secondText);
        assertThat(file.get("status").asText()).isEqualTo("INTRODUCED");
        assertThat(texts(file.get("amendments"), "status")).containsExactly("ADOPTED", "ADOPTED");
        assertThat(versions.get("fileId").asText()).isEqualTo(safeHaven);
        assertThat(texts(versions.get("items"), "version")).containsExactly("1", "2");
        assertThat(texts(versions.get("items"), "amendmentId")).containsExactly(null, first);
        assertThat(texts(versions.get("items"), "meetingId")).containsExactly(null, m);
        assertThat(texts(versions.get("items"), "motionId")).containsExactly(null, amendFirst);
        assertThat(texts(versions.get("items"), "adoptedAt"))
                .containsExactly(at(-60 * 24 * 14).toString(), at(11).toString());
        assertThat(two.get("fileId").asText()).isEqualTo(safeHaven);
        assertThat(two.get("version").asInt()).isEqualTo(2);
        assertThat(two.get("text").asText()).isEqualTo(secondText);
        assertThat(two.get("amendmentId").asText()).isEqualTo(first);
        assertThat(two.get("adoptedAt").asText()).isEqualTo(at(11).toString());
        assertThat(one.get("text").asText()).isEqualTo(INTRODUCED_TEXT);
        assertThat(one.get("amendmentId").isNull()).isTrue();
        assertThat(texts(history, "type")).containsExactly("FileIntroduced", "AmendmentProposed", "AmendmentProposed",
                "MotionMade", "VoteRecorded", "AmendmentAdopted", "MotionMade", "VoteRecorded", "AmendmentAdopted");
        assertThat(texts(history, "classification")).containsExactly("introduction", "amendment-introduction",
                "amendment-introduction", null, null, "amendment-passage", null, null, "amendment-passage");
    }

    @Test
    void theDiffBetweenTwoVersionsIsReadableAsJsonOrAsUnifiedText() throws Exception {
        List<String> alders = members(3);
        String safeHaven = file();
        String m = heldMeeting(alders);
        String amendment = id();
        String motion = id();
        String amended = INTRODUCED_TEXT.replace("the city is a safe haven", "Madison is a safe haven")
                + "\nRESOLVED that this takes effect at once.";
        long last = topic.publish(
                new AmendmentProposed(safeHaven, amendment, amended, alders.get(0), null, at(5)),
                new MotionMade(m, motion, "item-1", safeHaven, MotionKind.AMEND, alders.get(0), alders.get(1), null,
                        amendment, at(6)),
                rollCall(m, motion, safeHaven, MotionKind.AMEND, at(7), alders, VoteChoice.AYE, VoteChoice.AYE,
                        VoteChoice.AYE),
                new AmendmentAdopted(safeHaven, amendment, null, 2, amended, m, motion, at(7)));
        String diff = "/api/files/" + safeHaven + "/diff?from=1&to=2";

        JsonNode json = get(diff, last);
        ResponseEntity<String> plain = fetch(diff, MediaType.TEXT_PLAIN);

        assertThat(json.get("fileId").asText()).isEqualTo(safeHaven);
        assertThat(json.get("from").asInt()).isEqualTo(1);
        assertThat(json.get("to").asInt()).isEqualTo(2);
        assertThat(texts(json.get("lines"), "op")).containsExactly("same", "removed", "added", "same", "added");
        assertThat(texts(json.get("lines"), "text")).containsExactly("WHEREAS Madison welcomes all residents;",
                "RESOLVED that the city is a safe haven;", "RESOLVED that Madison is a safe haven;",
                "RESOLVED that city staff shall not ask about status.", "RESOLVED that this takes effect at once.");
        assertThat(plain.getStatusCode().value()).isEqualTo(200);
        assertThat(plain.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(plain.getBody()).isEqualTo("""
                --- version 1
                +++ version 2
                @@ -1,3 +1,4 @@
                 WHEREAS Madison welcomes all residents;
                -RESOLVED that the city is a safe haven;
                +RESOLVED that Madison is a safe haven;
                 RESOLVED that city staff shall not ask about status.
                +RESOLVED that this takes effect at once.
                """);
        assertThat(texts(get("/api/files/" + safeHaven + "/diff?from=2&to=1", last).get("lines"), "op"))
                .containsExactly("same", "removed", "added", "same", "removed");

        String base = "/api/files/" + safeHaven;
        assertProblem(base + "/diff?from=1", 400, "invalid-parameter");
        assertProblem(base + "/diff?from=one&to=2", 400, "invalid-parameter");
        assertProblem(base + "/diff?from=0&to=2", 400, "invalid-parameter");
        assertProblem(base + "/diff?from=1&to=3", 404, "version-not-found");
        assertProblem(base + "/versions/3", 404, "version-not-found");
        assertProblem(base + "/versions/two", 400, "invalid-parameter");
        assertProblem("/api/files/" + id() + "/versions", 404, "file-not-found");
        assertProblem("/api/files/" + id() + "/diff?from=1&to=2", 404, "file-not-found");
    }

    @Test
    void aRejectedAmendmentMakesNoVersionAndLeavesTheTextAlone() throws Exception {
        List<String> alders = members(3);
        String safeHaven = file();
        String m = heldMeeting(alders);
        String amendment = id();
        String motion = id();
        long last = topic.publish(
                new AmendmentProposed(safeHaven, amendment, "RESOLVED that nothing changes.", alders.get(2), null,
                        at(5)),
                new MotionMade(m, motion, "item-1", safeHaven, MotionKind.AMEND, alders.get(2), alders.get(1), null,
                        amendment, at(6)),
                rollCall(m, motion, safeHaven, MotionKind.AMEND, at(7), alders, VoteChoice.NO, VoteChoice.NO,
                        VoteChoice.AYE),
                new AmendmentRejected(safeHaven, amendment, m, motion, at(7)));

        JsonNode file = get("/api/files/" + safeHaven, last);
        JsonNode history = get("/api/files/" + safeHaven + "/history", last).get("items");

        assertThat(file.get("version").asInt()).isEqualTo(1);
        assertThat(file.get("text").asText()).isEqualTo(INTRODUCED_TEXT);
        assertThat(texts(file.get("amendments"), "status")).containsExactly("REJECTED");
        assertThat(texts(get("/api/files/" + safeHaven + "/versions", last).get("items"), "version"))
                .containsExactly("1");
        assertThat(texts(history, "classification"))
                .containsExactly("introduction", "amendment-introduction", null, null, "amendment-failure");
    }

    @Test
    void aCorrectedVoteShowsTheCorrectedRollAndResultEverywhereAndTheOriginalStaysOnRecord() throws Exception {
        List<String> alders = members(5);
        String safeHaven = file();
        String m = heldMeeting(alders);
        String motion = id();
        VoteRecorded recorded = rollCall(m, motion, safeHaven, MotionKind.ADOPT, at(12), alders, VoteChoice.AYE,
                VoteChoice.AYE, VoteChoice.AYE, VoteChoice.NO, VoteChoice.NO);
        long beforeVote = topic.publish(new MotionMade(m, motion, "item-1", safeHaven, MotionKind.ADOPT,
                alders.get(0), alders.get(1), null, null, at(10)));
        topic.publish(recorded, new FileActedOn(safeHaven, Action.ADOPTED, m, motion, at(12)));
        String reason = alders.get(2) + " voted no; the roll recorded aye";
        VoteCorrected corrected = correction(topic.idOf(recorded), rollCall(m, motion, safeHaven, MotionKind.ADOPT,
                at(12), alders, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.NO, VoteChoice.NO, VoteChoice.NO), reason,
                at(60 * 24));
        topic.publishAs("jdoe", corrected);
        long last = topic.publishAs("jdoe", new FileActionCorrected(safeHaven, Action.FAILED, m, motion,
                topic.idOf(corrected), reason, at(60 * 24)));

        JsonNode fileVote = get("/api/files/" + safeHaven + "/votes", last).get("items").get(0);
        JsonNode motionVote = get("/api/meetings/" + m + "/motions", last).get("items").get(0).get("vote");
        JsonNode switched = get("/api/people/" + alders.get(2) + "/votes", last).get("items").get(0);
        JsonNode unchanged = get("/api/people/" + alders.get(0) + "/votes", last).get("items").get(0);
        JsonNode history = get("/api/files/" + safeHaven + "/history", last).get("items");

        assertThat(get("/api/files/" + safeHaven, last).get("status").asText()).isEqualTo("FAILED");
        for (JsonNode vote : List.of(fileVote, motionVote)) {
            assertThat(vote.get("result").asText()).isEqualTo("FAILED");
            assertThat(vote.get("corrected").asBoolean()).isTrue();
            assertThat(vote.get("eventId").asText()).as("the vote as recorded").isEqualTo(topic.idOf(recorded));
            assertThat(vote.get("votedAt").asText()).as("when the council voted").isEqualTo(at(12).toString());
            assertThat(vote.get("tally").get("ayes").asInt()).isEqualTo(2);
            assertThat(vote.get("tally").get("noes").asInt()).isEqualTo(3);
            assertThat(texts(vote.get("votes"), "choice")).containsExactly("AYE", "AYE", "NO", "NO", "NO");
            assertThat(vote.get("corrections")).hasSize(1);
            JsonNode c = vote.get("corrections").get(0);
            assertThat(c.get("eventId").asText()).isEqualTo(topic.idOf(corrected));
            assertThat(c.get("corrects").asText()).isEqualTo(topic.idOf(recorded));
            assertThat(c.get("reason").asText()).isEqualTo(reason);
            assertThat(c.get("correctedAt").asText()).isEqualTo(at(60 * 24).toString());
            assertThat(c.get("recordedBy").asText()).isEqualTo("jdoe");
            assertThat(c.get("result").asText()).isEqualTo("FAILED");
        }
        assertThat(List.of(switched.get("choice").asText(), switched.get("option").asText(),
                switched.get("result").asText())).containsExactly("NO", "no", "FAILED");
        assertThat(switched.get("corrected").asBoolean()).isTrue();
        assertThat(List.of(unchanged.get("choice").asText(), unchanged.get("result").asText()))
                .containsExactly("AYE", "FAILED");

        assertThat(texts(history, "type")).containsExactly("FileIntroduced", "MotionMade", "VoteRecorded",
                "FileActedOn", "VoteCorrected", "FileActionCorrected");
        assertThat(texts(history, "classification"))
                .containsExactly("introduction", null, null, "passage", null, "failure");
        assertThat(texts(history, "recordedBy")).containsExactly("clerk", "clerk", "clerk", "clerk", "jdoe", "jdoe");
        assertThat(history.get(5).get("data").get("reason").asText()).isEqualTo(reason);
        assertThat(history.get(5).get("data").get("correction").asText()).isEqualTo(topic.idOf(corrected));

        JsonNode original = get("/api/events?after=" + beforeVote + "&limit=1", last).get("items").get(0);
        assertThat(original.get("eventId").asText()).isEqualTo(topic.idOf(recorded));
        assertThat(original.get("data").get("result").asText()).as("nothing overwritten").isEqualTo("PASSED");
        assertThat(original.get("data").get("votes").get(2).get("choice").asText()).isEqualTo("AYE");
    }

    @Test
    void aCorrectedVoteIsSeenAsRecordedBeforeItsCorrectionWasRecordedAndCorrectedAfter() throws Exception {
        List<String> alders = members(3);
        String safeHaven = file();
        String m = heldMeeting(alders);
        String motion = id();
        VoteRecorded recorded = rollCall(m, motion, safeHaven, MotionKind.ADOPT, at(12), alders, VoteChoice.AYE,
                VoteChoice.AYE, VoteChoice.NO);
        topic.publish(new MotionMade(m, motion, "item-1", safeHaven, MotionKind.ADOPT, alders.get(0), alders.get(1),
                null, null, at(10)), recorded, new FileActedOn(safeHaven, Action.ADOPTED, m, motion, at(12)));
        Thread.sleep(20);
        Instant beforeCorrection = Instant.now();
        Thread.sleep(20);
        VoteCorrected corrected = correction(topic.idOf(recorded), rollCall(m, motion, safeHaven, MotionKind.ADOPT,
                at(12), alders, VoteChoice.AYE, VoteChoice.NO, VoteChoice.NO), "Ald. 2 voted no", at(60 * 24));
        topic.publish(corrected);
        long last = topic.publish(new FileActionCorrected(safeHaven, Action.FAILED, m, motion, topic.idOf(corrected),
                "Ald. 2 voted no", at(60 * 24)));
        get("/api/files/" + safeHaven, last);

        JsonNode then = get("/api/files/" + safeHaven + "/votes?asOf=" + beforeCorrection, 0).get("items").get(0);
        JsonNode now = get("/api/files/" + safeHaven + "/votes", 0).get("items").get(0);
        // At council time just after the vote, as known now: the correction applies though recorded a day later.
        JsonNode knownNow = get("/api/files/" + safeHaven + "/votes?occurredBy=" + at(13), 0).get("items").get(0);

        assertThat(List.of(then.get("result").asText(), then.get("corrected").asBoolean()))
                .containsExactly("PASSED", false);
        assertThat(get("/api/files/" + safeHaven + "?asOf=" + beforeCorrection, 0).get("status").asText())
                .isEqualTo("ADOPTED");
        assertThat(List.of(now.get("result").asText(), now.get("corrected").asBoolean()))
                .containsExactly("FAILED", true);
        assertThat(List.of(knownNow.get("result").asText(), knownNow.get("corrected").asBoolean()))
                .containsExactly("FAILED", true);
        assertThat(get("/api/files/" + safeHaven + "?occurredBy=" + at(13), 0).get("status").asText())
                .isEqualTo("FAILED");
    }

    @Test
    void aCorrectionOfACorrectionAppliesToTheSameVoteAndListsBothInOrder() throws Exception {
        List<String> alders = members(3);
        String safeHaven = file();
        String m = heldMeeting(alders);
        String motion = id();
        VoteRecorded recorded = rollCall(m, motion, safeHaven, MotionKind.ADOPT, at(12), alders, VoteChoice.AYE,
                VoteChoice.AYE, VoteChoice.NO);
        topic.publish(new MotionMade(m, motion, "item-1", safeHaven, MotionKind.ADOPT, alders.get(0),
                alders.get(1), null, null, at(10)), recorded);
        VoteCorrected first = correction(topic.idOf(recorded), rollCall(m, motion, safeHaven, MotionKind.ADOPT,
                at(12), alders, VoteChoice.AYE, VoteChoice.NO, VoteChoice.NO), "wrong member marked", at(100));
        topic.publish(first);
        VoteCorrected second = correction(topic.idOf(first), rollCall(m, motion, safeHaven, MotionKind.ADOPT, at(12),
                alders, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.ABSTAIN), "the first correction was wrong too",
                at(200));
        long last = topic.publish(second);

        JsonNode vote = get("/api/meetings/" + m + "/motions", last).get("items").get(0).get("vote");

        assertThat(vote.get("result").asText()).isEqualTo("PASSED");
        assertThat(texts(vote.get("votes"), "choice")).containsExactly("AYE", "AYE", "ABSTAIN");
        assertThat(texts(vote.get("corrections"), "eventId")).containsExactly(topic.idOf(first), topic.idOf(second));
        assertThat(texts(vote.get("corrections"), "corrects"))
                .containsExactly(topic.idOf(recorded), topic.idOf(first));
        assertThat(texts(vote.get("corrections"), "result")).containsExactly("FAILED", "PASSED");
        assertThat(get("/api/people/" + alders.get(2) + "/votes", last).get("items")).as("one vote, corrected twice")
                .hasSize(1);
    }

    @Test
    void draftMinutesStateTheVoteAsRecordedThenEachCorrectionWithDateClerkAndReasonThenItsTally() throws Exception {
        List<String> alders = members(3);
        String safeHaven = file();
        String m = heldMeeting(alders);
        String motion = id();
        VoteRecorded recorded = rollCall(m, motion, safeHaven, MotionKind.ADOPT, at(12), alders, VoteChoice.AYE,
                VoteChoice.AYE, VoteChoice.NO);
        topic.publish(new MotionMade(m, motion, "item-1", safeHaven, MotionKind.ADOPT, alders.get(0),
                alders.get(1), null, null, at(10)), recorded);
        VoteCorrected first = correction(topic.idOf(recorded), rollCall(m, motion, safeHaven, MotionKind.ADOPT,
                at(12), alders, VoteChoice.AYE, VoteChoice.NO, VoteChoice.NO), "Ald. Two voted no", at(60 * 24));
        topic.publishAs("jdoe", first);
        VoteCorrected second = correction(topic.idOf(first), rollCall(m, motion, safeHaven, MotionKind.ADOPT,
                at(12), alders, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.ABSTAIN), "Ald. Three abstained",
                at(60 * 24 * 2));
        long last = topic.publishAs("asmith", second);

        List<String> lines = get("/api/meetings/" + m + "/minutes.json", last).get("text").asText().lines()
                .map(String::strip).toList();

        assertThat(lines).containsSubsequence(
                "A motion was made by " + alders.get(0) + ", seconded by " + alders.get(1)
                        + ", to Adopt. The motion passed by the following vote:",
                "Ayes: 2 - " + alders.get(0) + ", " + alders.get(1),
                "Noes: 1 - " + alders.get(2),
                "The vote was corrected on Wednesday, February 8, 2017 by jdoe: Ald. Two voted no. "
                        + "The motion failed by the corrected vote:",
                "Ayes: 1 - " + alders.get(0),
                "Noes: 2 - " + alders.get(1) + ", " + alders.get(2),
                "The vote was corrected on Thursday, February 9, 2017 by asmith: Ald. Three abstained. "
                        + "The motion passed by the corrected vote:",
                "Ayes: 2 - " + alders.get(0) + ", " + alders.get(1),
                "Noes: 0",
                "Abstentions: 1 - " + alders.get(2));
    }
}
