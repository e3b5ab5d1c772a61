package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.civicledger.command.file.AddCosponsor;
import org.civicledger.command.file.CorrectFileAction;
import org.civicledger.command.file.DecideAmendment;
import org.civicledger.command.file.LegislativeFile;
import org.civicledger.command.file.ProposeAmendment;
import org.civicledger.command.file.RecordFileAction;
import org.civicledger.command.file.ReferFile;
import org.civicledger.command.file.ReopenFile;
import org.civicledger.command.file.WithdrawCosponsor;
import org.civicledger.command.meeting.Meeting;
import org.civicledger.command.meeting.MeetingCommands.AddAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.AdjournMeeting;
import org.civicledger.command.meeting.MeetingCommands.CorrectVote;
import org.civicledger.command.meeting.MeetingCommands.MakeMotion;
import org.civicledger.command.meeting.MeetingCommands.PublishAgenda;
import org.civicledger.command.meeting.MeetingCommands.RecordArrival;
import org.civicledger.command.meeting.MeetingCommands.RecordDeparture;
import org.civicledger.command.meeting.MeetingCommands.RecordVote;
import org.civicledger.command.meeting.MeetingCommands.RemoveAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.TakeRollCall;
import org.civicledger.command.ledger.SnapshotSettings;
import org.civicledger.events.file.FileActedOn.Action;
import org.civicledger.command.roster.AssignSeat;
import org.civicledger.command.roster.Body;
import org.civicledger.command.roster.BodyId;
import org.civicledger.command.roster.SetQuorumRule;
import org.civicledger.command.roster.SetVoteThreshold;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.SeatRole;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Snapshots: written after {@code civic.snapshots.threshold} events, outside the event table, and an aggregate
 * loaded from one (plus the later events) is the aggregate replayed from its first event: same state, same
 * iteration order, and the same decision on every command — refusals by rule, events by value.
 */
class AggregateSnapshotIntegrationTest extends CommandSideTest {

    private static final Instant AT = Instant.parse("2017-02-08T02:00:00Z");

    @Autowired
    EventStore store;

    @Autowired
    ParameterResolverFactory resolvers;

    @Autowired
    HandlerDefinition handlers;

    @Autowired
    Serializer serializer;

    @Autowired
    SnapshotSettings snapshots;

    Replays replays;

    @BeforeEach
    void replays() {
        replays = new Replays(store, resolvers, handlers);
    }

    @Test
    void aFileWithALongHistoryIsSnapshottedAndDecidesFromItsSnapshotAsFromItsWholeHistory() throws Exception {
        seatedBody("snap-file-council", List.of("sf-sponsor", "sf-ann", "sf-bob"));
        String fileId = body(post("/api/files", "{\"type\":\"ORDINANCE\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"sf-sponsor\"}")).get("fileId").asText();
        String file = "/api/files/" + fileId;
        String first = body(post(file + "/amendments", "{\"text\":\"Substitute\",\"proposedBy\":\"sf-ann\"}"))
                .get("amendmentId").asText();
        post(file + "/referrals", "{\"body\":\"snap-file-council\"}");
        while (eventsOf(fileId) < snapshots.threshold() + 5) {
            assertThat(post(file + "/cosponsors", "{\"person\":\"sf-ann\"}").getStatusCode().value()).isEqualTo(201);
            send(HttpMethod.DELETE, file + "/cosponsors/sf-ann", null, true);
        }

        long snapshotAt = awaitOneSnapshot(fileId);
        // Later events, after the snapshot: the load must apply them on top of it.
        String second = body(post(file + "/amendments", "{\"text\":\"Better\",\"proposedBy\":\"sf-bob\",\"amends\":\""
                + first + "\"}")).get("amendmentId").asText();
        post(file + "/cosponsors", "{\"person\":\"sf-bob\"}");

        assertThat(snapshotAt).isBetween((long) snapshots.threshold() - 1, eventsOf(fileId) - 3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, fileId, LegislativeFile.class.getName()))
                .as("a snapshot is not an event").isZero();
        var snapshot = replays.fromSnapshot(LegislativeFile.class, fileId);
        var replayed = replays.fromFirstEvent(LegislativeFile.class, fileId);
        assertThat(snapshot.fromSnapshot()).as("loaded from the snapshot, not a fallback to replay").isTrue();
        assertThat(snapshot.firstSequence()).isEqualTo(snapshotAt);
        assertSameState(snapshot.root(), replayed.root());

        assertSameDecisions(snapshot, replayed, List.of(
                new AddCosponsor(fileId, "sf-sponsor", AT),
                new AddCosponsor(fileId, "sf-bob", AT),
                new WithdrawCosponsor(fileId, "sf-ann", AT),
                new ReferFile(fileId, "snap-file-council", AT),
                new ProposeAmendment(fileId, "third", "T3", "sf-ann", second, AT),
                new DecideAmendment(fileId, second, true, null, null, AT),
                new DecideAmendment(fileId, second, true, null, null, AT),
                new DecideAmendment(fileId, first, true, null, null, AT),
                new RecordFileAction(fileId, Action.ADOPTED, null, null, AT),
                new ProposeAmendment(fileId, "late", "T4", "sf-ann", null, AT),
                new CorrectFileAction(fileId, Action.FAILED, null, null, "c-1", "miscounted", AT),
                new ReopenFile(fileId, null, null, null, AT),
                new ReopenFile(fileId, null, null, null, AT),
                new WithdrawCosponsor(fileId, "sf-bob", AT)),
                List.of("sponsor-cannot-cosponsor", "already-cosponsor", "not-a-cosponsor", "already-referred",
                        "third-degree-amendment", "AmendmentAdopted", "amendment-not-pending", "AmendmentAdopted",
                        "FileActedOn", "file-closed", "FileActionCorrected", "FileReopened", "file-not-closed",
                        "CosponsorWithdrawn"));
    }

    @Test
    void aMeetingWithALongHistoryIsSnapshottedAndDecidesFromItsSnapshotAsFromItsWholeHistory() throws Exception {
        seatedBody("snap-meeting-council", List.of("sm-ada", "sm-ben", "sm-cy"));
        String fileId = body(post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"sm-ada\"}")).get("fileId").asText();
        String meeting = meetingOf("snap-meeting-council");
        String meetingId = meeting.substring("/api/meetings/".length());
        String fileItem = body(post(meeting + "/agenda/items", "{\"fileId\":\"" + fileId + "\"}")).get("itemId")
                .asText();
        String plainItem = body(post(meeting + "/agenda/items", "{\"title\":\"Proclamation\"}")).get("itemId")
                .asText();
        post(meeting + "/agenda/publish", "{}");
        post(meeting + "/call-to-order", "{}");
        post(meeting + "/roll-call", "{\"present\":[\"sm-ada\",\"sm-ben\"],\"absent\":[\"sm-cy\"]}");
        String table = body(post(meeting + "/motions", "{\"itemId\":\"" + plainItem + "\",\"kind\":\"TABLE\","
                + "\"mover\":\"sm-ada\",\"seconder\":\"sm-ben\"}")).get("motionId").asText();
        String tableVote = body(post(meeting + "/motions/" + table + "/vote",
                "{\"roll\":{\"sm-ada\":\"AYE\",\"sm-ben\":\"AYE\"}}")).get("eventId").asText();
        while (eventsOf(meetingId) < snapshots.threshold() + 5) {
            assertThat(post(meeting + "/arrivals", "{\"person\":\"sm-cy\"}").getStatusCode().value()).isEqualTo(200);
            post(meeting + "/departures", "{\"person\":\"sm-cy\"}");
        }

        long snapshotAt = awaitOneSnapshot(meetingId);
        post(meeting + "/arrivals", "{\"person\":\"sm-cy\"}");
        String adopt = body(post(meeting + "/motions", "{\"itemId\":\"" + fileItem + "\",\"kind\":\"ADOPT\","
                + "\"mover\":\"sm-ada\",\"seconder\":\"sm-cy\"}")).get("motionId").asText();

        var snapshot = replays.fromSnapshot(Meeting.class, meetingId);
        var replayed = replays.fromFirstEvent(Meeting.class, meetingId);
        assertThat(snapshot.fromSnapshot()).as("loaded from the snapshot, not a fallback to replay").isTrue();
        assertThat(snapshot.firstSequence()).isEqualTo(snapshotAt);
        assertSameState(snapshot.root(), replayed.root());

        assertSameDecisions(snapshot, replayed, List.of(
                new MakeMotion(meetingId, "m-2", fileItem, MotionKind.ADOPT, "sm-ada", "sm-ben", null, null, AT),
                new RecordArrival(meetingId, "sm-ada", AT),
                new RecordDeparture(meetingId, "sm-cy", AT),
                new CorrectVote(meetingId, tableVote, "miscounted",
                        Map.of("sm-ada", VoteChoice.AYE, "sm-ben", VoteChoice.NO), AT),
                new RecordVote(meetingId, adopt, Map.of("sm-ada", VoteChoice.AYE, "sm-ben", VoteChoice.NO), null,
                        AT),
                new MakeMotion(meetingId, "m-3", plainItem, MotionKind.ADOPT, "sm-ada", "sm-ben", null, null, AT),
                new MakeMotion(meetingId, "m-4", plainItem, MotionKind.TAKE_FROM_TABLE, "sm-ada", "sm-ben", null,
                        null, AT),
                new AddAgendaItem(meetingId, "i-3", fileId, null, false, AT),
                new RemoveAgendaItem(meetingId, "i-unknown", AT),
                new PublishAgenda(meetingId, AT),
                new TakeRollCall(meetingId, List.of("sm-ada"), List.of(), List.of(), AT),
                new AdjournMeeting(meetingId, AT),
                new RecordArrival(meetingId, "sm-cy", AT)),
                List.of("motion-pending", "already-present", "MemberDeparted", "correction-changes-outcome",
                        "VoteRecorded", "item-tabled", "MotionMade", "file-already-on-agenda",
                        "agenda-item-not-found", "agenda-unchanged", "roll-call-already-taken", "MeetingAdjourned",
                        "meeting-adjourned"));
    }

    /**
     * Meeting went to revision 2 when its floor (motions, the pending one, tabled items) became an entity; a snapshot
     * written by revision 1, with those fields at the top, must be ignored and the meeting replayed: the serializer
     * ignores unknown fields, so read as a later revision it would lose every motion.
     */
    @Test
    void aMeetingSnapshotOfTheEarlierRevisionIsIgnoredAndTheMeetingReplayedFromItsEvents() throws Exception {
        seatedBody("snap-rev-council", List.of("sr-ada", "sr-ben"));
        String meeting = meetingOf("snap-rev-council");
        String meetingId = meeting.substring("/api/meetings/".length());
        String item = body(post(meeting + "/agenda/items", "{\"title\":\"Proclamation\"}")).get("itemId").asText();
        post(meeting + "/call-to-order", "{}");
        post(meeting + "/roll-call", "{\"present\":[\"sr-ada\",\"sr-ben\"]}");
        post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"ADOPT\",\"mover\":\"sr-ada\","
                + "\"seconder\":\"sr-ben\"}");
        while (eventsOf(meetingId) < snapshots.threshold() + 5) {
            assertThat(post(meeting + "/departures", "{\"person\":\"sr-ben\"}").getStatusCode().value())
                    .isEqualTo(200);
            post(meeting + "/arrivals", "{\"person\":\"sr-ben\"}");
        }
        awaitOneSnapshot(meetingId);
        ObjectNode state = (ObjectNode) json.readTree(jdbc.queryForObject(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?", byte[].class, meetingId));
        ObjectNode floor = (ObjectNode) state.remove("floor");
        assertThat(floor.get("motions").size()).as("the snapshot holds the motion").isEqualTo(1);
        state.setAll(floor);
        jdbc.update("UPDATE snapshot_event_entry SET payload = ?, payload_revision = '1' WHERE aggregate_identifier = ?",
                json.writeValueAsBytes(state), meetingId);

        var loaded = replays.fromSnapshot(Meeting.class, meetingId);
        var replayed = replays.fromFirstEvent(Meeting.class, meetingId);
        assertThat(loaded.fromSnapshot()).as("the revision-1 snapshot is not used").isFalse();
        assertThat(loaded.firstSequence()).isZero();
        assertSameState(loaded.root(), replayed.root());
        assertThat(loaded.handle(new MakeMotion(meetingId, "m-2", item, MotionKind.ADOPT, "sr-ada", "sr-ben", null,
                null, AT)).refusedBy()).as("the motion on the floor is still known").isEqualTo("motion-pending");
    }

    /**
     * Meeting is at revision 3 since each motion keeps the body, amendment or motion it names, for its vote to
     * repeat. A revision-2 snapshot has none of them: read as revision 3, a pending REFER motion's vote would name no
     * body, and the file would be referred nowhere. So it must be ignored too, and the meeting replayed.
     */
    @Test
    void aMeetingSnapshotOfRevision2IsIgnoredSoAPendingReferralStillNamesItsBody() throws Exception {
        seatedBody("snap-rev2-council", List.of("s2-ada", "s2-ben"));
        String fileId = body(post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"s2-ada\"}")).get("fileId").asText();
        String meeting = meetingOf("snap-rev2-council");
        String meetingId = meeting.substring("/api/meetings/".length());
        String item = body(post(meeting + "/agenda/items", "{\"fileId\":\"" + fileId + "\"}")).get("itemId")
                .asText();
        post(meeting + "/call-to-order", "{}");
        post(meeting + "/roll-call", "{\"present\":[\"s2-ada\",\"s2-ben\"]}");
        String refer = body(post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"REFER\","
                + "\"mover\":\"s2-ada\",\"seconder\":\"s2-ben\",\"body\":\"snap-rev2-council\"}"))
                .get("motionId").asText();
        while (eventsOf(meetingId) < snapshots.threshold() + 5) {
            assertThat(post(meeting + "/departures", "{\"person\":\"s2-ben\"}").getStatusCode().value())
                    .isEqualTo(200);
            post(meeting + "/arrivals", "{\"person\":\"s2-ben\"}");
        }
        awaitOneSnapshot(meetingId);
        ObjectNode state = (ObjectNode) json.readTree(jdbc.queryForObject(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?", byte[].class, meetingId));
        ObjectNode motion = (ObjectNode) state.get("floor").get("motions").get(refer);
        assertThat(motion.get("referTo").asText()).as("the snapshot keeps the body").isEqualTo("snap-rev2-council");
        motion.remove(List.of("referTo", "amendmentId"));
        jdbc.update("UPDATE snapshot_event_entry SET payload = ?, payload_revision = '2' "
                + "WHERE aggregate_identifier = ?", json.writeValueAsBytes(state), meetingId);

        var loaded = replays.fromSnapshot(Meeting.class, meetingId);
        assertThat(loaded.fromSnapshot()).as("the revision-2 snapshot is not used").isFalse();
        assertSameState(loaded.root(), replays.fromFirstEvent(Meeting.class, meetingId).root());
        var vote = (VoteRecorded) loaded.handle(new RecordVote(meetingId, refer, null, Result.PASSED, AT)).events()
                .get(0);
        assertThat(vote.referTo()).as("the vote names the body its motion refers to").isEqualTo("snap-rev2-council");
    }

    @Test
    void aBodyWithALongHistoryIsSnapshottedAndDecidesFromItsSnapshotAsFromItsWholeHistory() throws Exception {
        seatedBody("snap-body", List.of("sb-ann", "sb-bo", "sb-cy"));
        register("sb-dee", "Dee");
        String rules = "/api/bodies/snap-body/rules";
        post(rules, "{\"quorum\":\"TWO_THIRDS_SEATS\"}");
        post(rules, "{\"motion\":\"REFER\",\"threshold\":\"MAJORITY_SEATS\"}");
        String bodyId = new BodyId("snap-body").toString();
        while (eventsOf(bodyId) < snapshots.threshold() + 5) {
            assertThat(post(rules, "{\"motion\":\"ADOPT\",\"threshold\":\"THREE_QUARTERS_SEATS\"}")
                    .getStatusCode().value()).isEqualTo(200);
            post(rules, "{\"motion\":\"ADOPT\",\"threshold\":\"MAJORITY_CAST\"}");
        }

        long snapshotAt = awaitOneSnapshot(bodyId);
        post(rules, "{\"motion\":\"ADOPT_UNDER_SUSPENSION\",\"threshold\":\"TWO_THIRDS_PRESENT\"}");

        var snapshot = replays.fromSnapshot(Body.class, bodyId);
        var replayed = replays.fromFirstEvent(Body.class, bodyId);
        assertThat(snapshot.fromSnapshot()).as("loaded from the snapshot, not a fallback to replay").isTrue();
        assertThat(snapshot.firstSequence()).isEqualTo(snapshotAt);
        assertSameState(snapshot.root(), replayed.root());

        BodyId body = new BodyId("snap-body");
        LocalDate from = LocalDate.parse("2016-01-01");
        assertSameDecisions(snapshot, replayed, List.of(
                new AssignSeat(body, "sb-ann", SeatRole.MEMBER, from, null, AT),
                new AssignSeat(body, "sb-dee", SeatRole.MEMBER, from, null, AT),
                new SetQuorumRule(body, QuorumRule.TWO_THIRDS_SEATS, AT),
                new SetVoteThreshold(body, MotionKind.ADOPT, VoteThreshold.MAJORITY_CAST, AT),
                new SetVoteThreshold(body, MotionKind.REFER, VoteThreshold.MAJORITY_SEATS, AT),
                new SetVoteThreshold(body, MotionKind.ADOPT_UNDER_SUSPENSION, VoteThreshold.TWO_THIRDS_PRESENT, AT),
                new SetVoteThreshold(body, MotionKind.ADOPT, VoteThreshold.THREE_QUARTERS_SEATS, AT),
                new SetQuorumRule(body, QuorumRule.MAJORITY_SEATS, AT)),
                List.of("seat-already-held", "body-seats-full", "quorum-rule-unchanged", "threshold-unchanged",
                        "threshold-unchanged", "threshold-unchanged", "VoteThresholdSet", "QuorumRuleSet"));
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /** One row per aggregate (a newer snapshot replaces the older); answers its sequence number. */
    private long awaitOneSnapshot(String aggregateId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregateId) == 1);
        return jdbc.queryForObject("SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /** Field by field with the same types, and the same JSON (which shows any difference in iteration order). */
    private void assertSameState(Object fromSnapshot, Object replayed) {
        assertThat(fromSnapshot).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(replayed);
        assertThat(serializer.serialize(fromSnapshot, String.class).getData())
                .isEqualTo(serializer.serialize(replayed, String.class).getData());
    }

    private void assertSameDecisions(Replays.Loaded<?> snapshot, Replays.Loaded<?> replayed, List<Object> commands,
                                     List<String> expected) {
        List<String> decided = new ArrayList<>();
        for (Object command : commands) {
            Replays.Outcome fromSnapshot = snapshot.handle(command);
            Replays.Outcome fromHistory = replayed.handle(command);
            assertThat(fromSnapshot).as(command.toString()).isEqualTo(fromHistory);
            decided.add(fromSnapshot.refusedBy() != null ? fromSnapshot.refusedBy()
                    : fromSnapshot.events().get(fromSnapshot.events().size() - 1).getClass().getSimpleName());
        }
        assertThat(decided).as("the probes reach every part of the state").containsExactlyElementsOf(expected);
    }
}
