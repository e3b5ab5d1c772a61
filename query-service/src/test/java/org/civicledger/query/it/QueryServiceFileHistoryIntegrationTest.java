package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.civicledger.events.file.CosponsorAdded;
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

/**
 * A file's public history is its whole legislative history, as Legistar's matter history is: its own events and, in
 * position order among them, the motions made on it at meetings, every vote with result and tally, and every
 * correction with its reason and the clerk who made it.
 */
class QueryServiceFileHistoryIntegrationTest extends TopicIntegrationTest {

    private static List<String> members() throws Exception {
        String suffix = id().substring(0, 8);
        List<String> people = IntStream.rangeClosed(1, 3).mapToObj(n -> "alder-" + n + "-" + suffix).toList();
        for (String person : people) {
            topic.publish(new PersonRegistered(person, person, at(-60 * 24 * 60)));
        }
        return people;
    }

    private static String file(String title) throws Exception {
        String fileId = id();
        topic.publish(new FileIntroduced(fileId, "RES-17-" + fileId.substring(0, 5), FileType.RESOLUTION, title,
                "Text", "shiva-bidar", at(-60 * 24 * 14)));
        return fileId;
    }

    /** A three-seat council meeting, called to order, with everyone present. */
    private static String heldMeeting(List<String> members) throws Exception {
        String bodyId = "council-" + id().substring(0, 8);
        String meetingId = id();
        topic.publish(new BodyCreated(bodyId, "Common Council", BodyKind.COUNCIL, 3, at(-60 * 24 * 30)),
                new MeetingScheduled(meetingId, bodyId, STARTS, "America/Chicago", "Room 201", at(-60 * 24)),
                new MeetingCalledToOrder(meetingId, at(1)),
                new RollCallTaken(meetingId, members, List.of(), List.of(), at(2)));
        return meetingId;
    }

    private static MotionMade motion(String meetingId, String motionId, String itemId, String fileId,
                                     MotionKind kind, List<String> members, int minute) {
        return new MotionMade(meetingId, motionId, itemId, fileId, kind, members.get(0), members.get(1), null, null,
                at(minute));
    }

    /** A majority-cast roll call of three members present, three seats. */
    private static VoteRecorded rollCall(MotionMade motion, List<String> members, int minute, VoteChoice... choices) {
        List<MemberVote> votes = IntStream.range(0, 3).mapToObj(i -> new MemberVote(members.get(i), choices[i]))
                .toList();
        int ayes = (int) votes.stream().filter(v -> v.choice() == VoteChoice.AYE).count();
        return new VoteRecorded(motion.meetingId(), motion.motionId(), motion.fileId(), motion.kind(),
                Method.ROLL_CALL, votes, ayes >= 2 ? Result.PASSED : Result.FAILED, VoteThreshold.MAJORITY_CAST,
                new Tally(ayes, 3 - ayes, 0, 0, 0, 0), 2, 3, 3, at(minute));
    }

    private static VoteRecorded voice(MotionMade motion, Result result, int minute) {
        return new VoteRecorded(motion.meetingId(), motion.motionId(), motion.fileId(), motion.kind(), Method.VOICE,
                List.of(), result, VoteThreshold.MAJORITY_CAST, null, null, 3, 3, at(minute));
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(field).isNull() ? null : item.get(field).asText()));
        return values;
    }

    @Test
    void aFilesHistoryHasTheMotionsOnItEveryVoteWithResultAndTallyAndEveryCorrectionWithReasonAndClerk()
            throws Exception {
        List<String> alders = members();
        String safeHaven = file("Codifying Madison as a safe haven");
        String other = file("Another resolution");
        String m = heldMeeting(alders);

        MotionMade table = motion(m, id(), "item-1", safeHaven, MotionKind.TABLE, alders, 5);
        MotionMade plain = motion(m, id(), "item-0", null, MotionKind.ADOPT, alders, 3);
        MotionMade otherAdopt = motion(m, id(), "item-2", other, MotionKind.ADOPT, alders, 20);
        MotionMade adopt = motion(m, id(), "item-1", safeHaven, MotionKind.ADOPT, alders, 10);
        VoteRecorded recorded = rollCall(adopt, alders, 12, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.NO);
        topic.publish(plain, voice(plain, Result.PASSED, 4), table, voice(table, Result.FAILED, 6), adopt, recorded,
                new FileActedOn(safeHaven, Action.ADOPTED, m, adopt.motionId(), at(12)), otherAdopt,
                rollCall(otherAdopt, alders, 21, VoteChoice.AYE, VoteChoice.AYE, VoteChoice.AYE),
                new CosponsorAdded(safeHaven, alders.get(2), at(60)));
        String reason = alders.get(1) + " voted no; the roll recorded aye";
        VoteCorrected corrected = new VoteCorrected(m, adopt.motionId(), topic.idOf(recorded), reason, safeHaven,
                MotionKind.ADOPT, List.of(new MemberVote(alders.get(0), VoteChoice.AYE),
                        new MemberVote(alders.get(1), VoteChoice.NO), new MemberVote(alders.get(2), VoteChoice.NO)),
                Result.FAILED, VoteThreshold.MAJORITY_CAST, new Tally(1, 2, 0, 0, 0, 0), 2, 3, 3, at(60 * 24));
        topic.publishAs("jdoe", corrected);
        long last = topic.publishAs("jdoe", new FileActionCorrected(safeHaven, Action.FAILED, m, adopt.motionId(),
                topic.idOf(corrected), reason, at(60 * 24)));

        JsonNode items = get("/api/files/" + safeHaven + "/history", last).get("items");

        assertThat(texts(items, "type")).containsExactly("FileIntroduced", "MotionMade", "VoteRecorded",
                "MotionMade", "VoteRecorded", "FileActedOn", "CosponsorAdded", "VoteCorrected", "FileActionCorrected");
        List<Long> positions = new ArrayList<>();
        items.forEach(item -> positions.add(item.get("position").asLong()));
        assertThat(positions).as("position order, the file's and the meetings' events together").isSorted()
                .doesNotHaveDuplicates();
        assertThat(texts(items, "classification"))
                .containsExactly("introduction", null, null, null, null, "passage", null, null, "failure");
        assertThat(texts(items, "meetingId")).containsExactly(null, m, m, m, m, m, null, m, m);
        assertThat(texts(items, "motionId")).containsExactly(null, table.motionId(), table.motionId(),
                adopt.motionId(), adopt.motionId(), adopt.motionId(), null, adopt.motionId(), adopt.motionId());
        assertThat(texts(items, "result"))
                .containsExactly(null, null, "FAILED", null, "PASSED", null, null, "FAILED", null);
        assertThat(texts(items, "recordedBy"))
                .containsExactly("clerk", "clerk", "clerk", "clerk", "clerk", "clerk", "clerk", "jdoe", "jdoe");

        JsonNode motion = items.get(3);
        assertThat(motion.get("aggregateType").asText()).isEqualTo("Meeting");
        assertThat(motion.get("aggregateId").asText()).isEqualTo(m);
        assertThat(motion.get("data").get("kind").asText()).isEqualTo("ADOPT");
        assertThat(motion.get("data").get("mover").asText()).isEqualTo(alders.get(0));
        assertThat(motion.get("occurredAt").asText()).isEqualTo(at(10).toString());

        assertThat(items.get(2).get("tally").isNull()).as("a voice vote has no tally").isTrue();
        JsonNode vote = items.get(4);
        assertThat(vote.get("eventId").asText()).isEqualTo(topic.idOf(recorded));
        assertThat(vote.get("tally").get("ayes").asInt()).isEqualTo(2);
        assertThat(vote.get("tally").get("noes").asInt()).isEqualTo(1);
        assertThat(vote.get("data").get("votes")).hasSize(3);

        JsonNode correction = items.get(7);
        assertThat(correction.get("reason").asText()).isEqualTo(reason);
        assertThat(correction.get("corrects").asText()).isEqualTo(topic.idOf(recorded));
        assertThat(correction.get("tally").get("ayes").asInt()).isEqualTo(1);
        assertThat(correction.get("tally").get("noes").asInt()).isEqualTo(2);
        assertThat(correction.get("occurredAt").asText()).isEqualTo(at(60 * 24).toString());
        assertThat(items.get(8).get("reason").asText()).isEqualTo(reason);
        assertThat(items.get(0).get("reason").isNull()).isTrue();

        JsonNode others = get("/api/files/" + other + "/history", last).get("items");
        assertThat(texts(others, "type")).as("only the motion and vote on that file")
                .containsExactly("FileIntroduced", "MotionMade", "VoteRecorded");
        assertThat(texts(others, "motionId")).containsExactly(null, otherAdopt.motionId(), otherAdopt.motionId());
    }
}
