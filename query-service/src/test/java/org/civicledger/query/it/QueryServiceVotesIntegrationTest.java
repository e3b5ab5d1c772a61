package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileReopened;
import org.civicledger.events.file.FileActedOn.Action;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingScheduled;
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
import org.civicledger.events.roster.VoteThreshold;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Motions, votes and what they did to files, read back from a real topic and database. */
class QueryServiceVotesIntegrationTest extends TopicIntegrationTest {


    /** Registered members with their own slugs, so tests sharing the database never see each other's records. */
    private static List<String> members(int count) throws Exception {
        String suffix = id().substring(0, 8);
        List<String> people = IntStream.rangeClosed(1, count).mapToObj(n -> "alder-" + n + "-" + suffix).toList();
        for (String person : people) {
            topic.publish(new PersonRegistered(person, person, at(-60 * 24 * 60)));
        }
        return people;
    }

    private static String body(int seats) throws Exception {
        String bodyId = "council-" + id().substring(0, 8);
        topic.publish(new BodyCreated(bodyId, "Common Council", BodyKind.COUNCIL, seats, at(-60 * 24 * 30)));
        return bodyId;
    }

    private static String file(String title) throws Exception {
        String fileId = id();
        topic.publish(new FileIntroduced(fileId, number(fileId), FileType.RESOLUTION, title, "Text", "shiva-bidar",
                at(-60 * 24 * 14)));
        return fileId;
    }

    private static String number(String fileId) {
        return "RES-17-" + fileId.substring(0, 5);
    }

    /** A meeting called to order whose roll call found the first {@code present} members and the rest absent. */
    private static String heldMeeting(String bodyId, List<String> members, int present, List<String> excused)
            throws Exception {
        String meetingId = id();
        List<String> absent = members.subList(present, members.size()).stream()
                .filter(m -> !excused.contains(m)).toList();
        topic.publish(new MeetingScheduled(meetingId, bodyId, STARTS, "America/Chicago", "Room 201", at(-60 * 24)),
                new MeetingCalledToOrder(meetingId, at(1)),
                new RollCallTaken(meetingId, members.subList(0, present), absent, excused, at(2)));
        return meetingId;
    }

    /** A roll-call vote as the command side records it: tally, ayes needed and result from the threshold. */
    private static VoteRecorded rollCall(String meetingId, String motionId, String fileId, MotionKind kind,
                                         VoteThreshold threshold, int seats, Instant at, List<MemberVote> votes) {
        Tally tally = new Tally(count(votes, VoteChoice.AYE), count(votes, VoteChoice.NO),
                count(votes, VoteChoice.ABSTAIN), count(votes, VoteChoice.RECUSED), count(votes, VoteChoice.ABSENT),
                count(votes, VoteChoice.EXCUSED));
        int present = tally.ayes() + tally.noes() + tally.abstentions() + tally.recusals();
        boolean carried = threshold.carries(tally.ayes(), tally.noes(), present, seats);
        return new VoteRecorded(meetingId, motionId, fileId, kind, Method.ROLL_CALL, votes,
                carried ? Result.PASSED : Result.FAILED, threshold, tally,
                threshold.needed(tally.ayes() + tally.noes(), present, seats), present, seats, at);
    }

    private static int count(List<MemberVote> votes, VoteChoice choice) {
        return (int) votes.stream().filter(v -> v.choice() == choice).count();
    }

    /** Members in order, each with the choice at the same place in {@code choices}. */
    private static List<MemberVote> roll(List<String> members, VoteChoice... choices) {
        return IntStream.range(0, choices.length).mapToObj(i -> new MemberVote(members.get(i), choices[i])).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).isNull() ? null : node.get(field).asText()));
        return values;
    }

    @Test
    void aPassedReconsiderationShowsTheAdoptedFileAsReconsidered() throws Exception {
        String fileId = file("Reconsidered resolution");
        long last = topic.publish(new FileActedOn(fileId, FileActedOn.Action.ADOPTED, "m", "adopt", at(5)),
                new FileReopened(fileId, "m", "adopt", "reconsider", at(6)));

        assertThat(get("/api/files/" + fileId, last).get("status").asText()).isEqualTo("RECONSIDERED");
    }

    @Test
    void aPassingRollCallOnAnAdoptMotionAdoptsTheFileAndRecordsEveryMembersOcdOption() throws Exception {
        List<String> alders = members(7);
        String council = body(7);
        String safeHaven = file("Codifying Madison as a safe haven");
        topic.publish(new FileReferred(safeHaven, council, at(-60 * 24 * 10)));
        String m = heldMeeting(council, alders, 5, List.of(alders.get(6)));
        String motion = id();
        long last = topic.publish(
                new MotionMade(m, motion, "item-1", safeHaven, MotionKind.ADOPT, alders.get(0), alders.get(1), null,
                        null, at(10)),
                rollCall(m, motion, safeHaven, MotionKind.ADOPT, VoteThreshold.MAJORITY_CAST, 7, at(12),
                        roll(alders, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.NO,
                                VoteChoice.RECUSED, VoteChoice.ABSENT, VoteChoice.EXCUSED)),
                new FileActedOn(safeHaven, Action.ADOPTED, m, motion, at(12)));

        JsonNode file = get("/api/files/" + safeHaven, last);
        JsonNode votes = get("/api/files/" + safeHaven + "/votes", last);
        JsonNode ayeRecord = get("/api/people/" + alders.get(0) + "/votes", last);

        assertThat(file.get("status").asText()).isEqualTo("ADOPTED");
        assertThat(file.get("fileNumber").asText()).isEqualTo(number(safeHaven));
        assertThat(file.get("title").asText()).isEqualTo("Codifying Madison as a safe haven");
        assertThat(file.get("referrals")).hasSize(1);
        assertThat(votes.get("fileId").asText()).isEqualTo(safeHaven);
        assertThat(votes.get("items")).hasSize(1);
        JsonNode vote = votes.get("items").get(0);
        assertThat(vote.get("meetingId").asText()).isEqualTo(m);
        assertThat(vote.get("motionId").asText()).isEqualTo(motion);
        assertThat(vote.get("kind").asText()).isEqualTo("ADOPT");
        assertThat(vote.get("result").asText()).isEqualTo("PASSED");
        assertThat(vote.get("threshold").asText()).isEqualTo("MAJORITY_CAST");
        assertThat(vote.get("votedAt").asText()).isEqualTo(at(12).toString());
        assertThat(EventJson.mapper().treeToValue(vote.get("tally"), Tally.class)).isEqualTo(new Tally(3, 1, 0, 1, 1, 1));
        assertThat(vote.get("needed").asInt()).as("a majority of 4 cast").isEqualTo(3);
        assertThat(vote.get("present").asInt()).isEqualTo(5);
        assertThat(vote.get("seats").asInt()).isEqualTo(7);
        assertThat(texts(vote.get("votes"), "person")).containsExactlyElementsOf(alders);
        assertThat(texts(vote.get("votes"), "choice"))
                .containsExactly("AYE", "AYE", "AYE", "NO", "RECUSED", "ABSENT", "EXCUSED");
        assertThat(texts(vote.get("votes"), "option"))
                .containsExactly("yes", "yes", "yes", "no", "not voting", "absent", "excused");

        assertThat(ayeRecord.get("personId").asText()).isEqualTo(alders.get(0));
        assertThat(ayeRecord.get("items")).hasSize(1);
        JsonNode ballot = ayeRecord.get("items").get(0);
        assertThat(ballot.get("meetingId").asText()).isEqualTo(m);
        assertThat(ballot.get("motionId").asText()).isEqualTo(motion);
        assertThat(ballot.get("fileId").asText()).isEqualTo(safeHaven);
        assertThat(ballot.get("fileNumber").asText()).isEqualTo(number(safeHaven));
        assertThat(ballot.get("kind").asText()).isEqualTo("ADOPT");
        assertThat(ballot.get("choice").asText()).isEqualTo("AYE");
        assertThat(ballot.get("option").asText()).isEqualTo("yes");
        assertThat(ballot.get("result").asText()).isEqualTo("PASSED");
        assertThat(ballot.get("votedAt").asText()).isEqualTo(at(12).toString());
        JsonNode absent = get("/api/people/" + alders.get(5) + "/votes", last).get("items").get(0);
        JsonNode excused = get("/api/people/" + alders.get(6) + "/votes", last).get("items").get(0);
        assertThat(List.of(absent.get("choice").asText(), absent.get("option").asText()))
                .containsExactly("ABSENT", "absent");
        assertThat(List.of(excused.get("choice").asText(), excused.get("option").asText()))
                .containsExactly("EXCUSED", "excused");
    }

    @Test
    void aRollCallShortOfItsThresholdFailsTheMotionAndTheFile() throws Exception {
        List<String> alders = members(8);
        String council = body(8);
        String budget = file("Appropriating funds for the safe haven fund");
        String m = heldMeeting(council, alders, 8, List.of());
        String motion = id();
        long last = topic.publish(
                new MotionMade(m, motion, "item-1", budget, MotionKind.ADOPT, alders.get(0), alders.get(1), null,
                        null, at(10)),
                rollCall(m, motion, budget, MotionKind.ADOPT, VoteThreshold.THREE_QUARTERS_SEATS, 8, at(12),
                        roll(alders, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.AYE,
                                VoteChoice.AYE, VoteChoice.NO, VoteChoice.NO, VoteChoice.ABSTAIN)),
                new FileActedOn(budget, Action.FAILED, m, motion, at(12)));

        JsonNode vote = get("/api/files/" + budget + "/votes", last).get("items").get(0);
        JsonNode motions = get("/api/meetings/" + m + "/motions", last);

        assertThat(get("/api/files/" + budget, last).get("status").asText()).isEqualTo("FAILED");
        assertThat(vote.get("result").asText()).isEqualTo("FAILED");
        assertThat(vote.get("threshold").asText()).isEqualTo("THREE_QUARTERS_SEATS");
        assertThat(vote.get("needed").asInt()).as("three-quarters of 8 seats").isEqualTo(6);
        assertThat(vote.get("tally").get("ayes").asInt()).isEqualTo(5);
        assertThat(vote.get("tally").get("abstentions").asInt()).isEqualTo(1);
        assertThat(motions.get("items").get(0).get("vote").get("result").asText()).isEqualTo("FAILED");
    }

    @Test
    void aVoiceVoteRecordsOnlyTheDeclaredResultWithNoRollAndNoAyesNeeded() throws Exception {
        List<String> alders = members(5);
        String council = body(5);
        String report = file("Accepting the annual report");
        String m = heldMeeting(council, alders, 5, List.of());
        String motion = id();
        long last = topic.publish(
                new MotionMade(m, motion, "item-1", report, MotionKind.PLACE_ON_FILE, alders.get(2), alders.get(3),
                        null, null, at(10)),
                new VoteRecorded(m, motion, report, MotionKind.PLACE_ON_FILE, Method.VOICE, List.of(), Result.PASSED,
                        VoteThreshold.MAJORITY_CAST, null, null, 5, 5, at(11)),
                new FileActedOn(report, Action.PLACED_ON_FILE, m, motion, at(11)));

        JsonNode vote = get("/api/meetings/" + m + "/motions", last).get("items").get(0).get("vote");
        JsonNode fileVote = get("/api/files/" + report + "/votes", last).get("items").get(0);

        assertThat(vote.get("method").asText()).isEqualTo("VOICE");
        assertThat(vote.get("result").asText()).isEqualTo("PASSED");
        assertThat(vote.get("votes")).isEmpty();
        assertThat(vote.get("needed").isNull()).isTrue();
        assertThat(vote.get("tally").isNull()).isTrue();
        assertThat(vote.get("present").asInt()).isEqualTo(5);
        assertThat(fileVote.get("needed").isNull()).isTrue();
        assertThat(fileVote.get("votes")).isEmpty();
        assertThat(get("/api/people/" + alders.get(2) + "/votes", last).get("items")).as("a voice vote names nobody")
                .isEmpty();
        assertThat(get("/api/files/" + report, last).get("status").asText()).isEqualTo("PLACED_ON_FILE");
    }

    @Test
    void aMeetingsMotionsAreListedInTheOrderMadeEachWithItsVoteOrNone() throws Exception {
        List<String> alders = members(3);
        String council = body(3);
        String committee = body(3);
        String safeHaven = file("Codifying Madison as a safe haven");
        String budget = file("Amending the 2017 capital budget");
        String m = heldMeeting(council, alders, 3, List.of());
        String refer = id();
        String adopt = id();
        long last = topic.publish(
                new MotionMade(m, refer, "item-1", safeHaven, MotionKind.REFER, alders.get(0), alders.get(1),
                        committee, null, at(10)),
                rollCall(m, refer, safeHaven, MotionKind.REFER, VoteThreshold.MAJORITY_CAST, 3, at(11),
                        roll(alders, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.NO)),
                new FileReferred(safeHaven, committee, at(11)),
                new MotionMade(m, adopt, "item-2", budget, MotionKind.ADOPT, alders.get(2), alders.get(0), null,
                        null, at(20)));

        JsonNode items = get("/api/meetings/" + m + "/motions", last).get("items");

        assertThat(texts(items, "motionId")).containsExactly(refer, adopt);
        assertThat(texts(items, "itemId")).containsExactly("item-1", "item-2");
        assertThat(texts(items, "fileNumber")).containsExactly(number(safeHaven), number(budget));
        assertThat(texts(items, "kind")).containsExactly("REFER", "ADOPT");
        assertThat(texts(items, "mover")).containsExactly(alders.get(0), alders.get(2));
        assertThat(texts(items, "seconder")).containsExactly(alders.get(1), alders.get(0));
        assertThat(texts(items, "referTo")).containsExactly(committee, null);
        assertThat(texts(items, "madeAt")).containsExactly(at(10).toString(), at(20).toString());
        JsonNode referVote = items.get(0).get("vote");
        assertThat(referVote.get("method").asText()).isEqualTo("ROLL_CALL");
        assertThat(referVote.get("result").asText()).isEqualTo("PASSED");
        assertThat(referVote.get("votedAt").asText()).isEqualTo(at(11).toString());
        assertThat(texts(referVote.get("votes"), "option")).containsExactly("yes", "yes", "no");
        assertThat(items.get(1).get("vote").isNull()).as("not voted on yet").isTrue();
        assertThat(get("/api/files/" + safeHaven, last).get("status").asText()).isEqualTo("REFERRED");
    }

    @Test
    void aVoteOnAFileAtAMeetingOfTheReferredBodyIsThatBodyActingOnTheReferral() throws Exception {
        List<String> alders = members(3);
        String council = body(3);
        String committee = body(3);
        String referredOn = file("Referred to the council, then on to committee");
        String waiting = file("Referred to the council, not taken up");
        String elsewhere = file("Referred to committee, voted on by the council");
        topic.publish(new FileReferred(referredOn, council, at(-60 * 24 * 10)),
                new FileReferred(waiting, council, at(-60 * 24 * 9)),
                new FileReferred(elsewhere, committee, at(-60 * 24 * 8)));
        String m = heldMeeting(council, alders, 3, List.of());
        String refer = id();
        String adopt = id();
        List<MemberVote> ayes = roll(alders, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.AYE);
        long last = topic.publish(
                new MotionMade(m, refer, "item-1", referredOn, MotionKind.REFER, alders.get(0), alders.get(1),
                        committee, null, at(10)),
                rollCall(m, refer, referredOn, MotionKind.REFER, VoteThreshold.MAJORITY_CAST, 3, at(11), ayes),
                new FileReferred(referredOn, committee, at(11)),
                new MotionMade(m, adopt, "item-2", elsewhere, MotionKind.ADOPT, alders.get(0), alders.get(1), null,
                        null, at(20)),
                rollCall(m, adopt, elsewhere, MotionKind.ADOPT, VoteThreshold.MAJORITY_CAST, 3, at(21), ayes));

        JsonNode councilPending = get("/api/bodies/" + council + "/referrals", last);
        JsonNode committeePending = get("/api/bodies/" + committee + "/referrals", last);

        assertThat(texts(councilPending.get("items"), "fileId")).as("the council voted on the first, not the second")
                .containsExactly(waiting);
        assertThat(texts(committeePending.get("items"), "fileId"))
                .as("a council vote does not act for the committee; the passed referral is new work for it")
                .containsExactly(elsewhere, referredOn);
    }

    @Test
    void fileHistoryItemsCarryTheirOpenCivicDataActionClassification() throws Exception {
        List<String> alders = members(3);
        String council = body(3);
        String safeHaven = file("Codifying Madison as a safe haven");
        topic.publish(new CosponsorAdded(safeHaven, "larry-palm", at(-60 * 24 * 13)),
                new FileReferred(safeHaven, council, at(-60 * 24 * 10)));
        String m = heldMeeting(council, alders, 3, List.of());
        String motion = id();
        long last = topic.publish(
                new MotionMade(m, motion, "item-1", safeHaven, MotionKind.ADOPT, alders.get(0), alders.get(1), null,
                        null, at(10)),
                rollCall(m, motion, safeHaven, MotionKind.ADOPT, VoteThreshold.MAJORITY_CAST, 3, at(11),
                        roll(alders, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.AYE)),
                new FileActedOn(safeHaven, Action.ADOPTED, m, motion, at(11)));

        JsonNode items = get("/api/files/" + safeHaven + "/history", last).get("items");

        assertThat(texts(items, "type")).containsExactly("FileIntroduced", "CosponsorAdded", "FileReferred",
                "MotionMade", "VoteRecorded", "FileActedOn");
        assertThat(texts(items, "classification"))
                .containsExactly("introduction", null, "referral-committee", null, null, "passage");
    }

    @Test
    void unknownMeetingFileOrPersonIs404Problem() {
        Map<String, String> rules = Map.of(
                "/api/meetings/" + id() + "/motions", "meeting-not-found",
                "/api/files/" + id() + "/votes", "file-not-found",
                "/api/people/no-such-person/votes", "person-not-found");

        rules.forEach((path, rule) -> {
            ResponseEntity<String> response = rest.getForEntity(path, String.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).as(path).contains("\"rule\":\"" + rule + "\"");
        });
    }
}
