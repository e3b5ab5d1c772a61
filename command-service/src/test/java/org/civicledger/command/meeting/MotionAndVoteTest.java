package org.civicledger.command.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.civicledger.command.file.KnownFiles;
import org.civicledger.command.ledger.Refused;
import org.civicledger.command.meeting.MeetingCommands.MakeMotion;
import org.civicledger.command.meeting.MeetingCommands.RecordVote;
import org.civicledger.command.roster.BodyRules;
import org.civicledger.command.roster.KnownRoster;
import org.civicledger.events.meeting.AgendaItemAdded;
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
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.VoteThreshold;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Motions and votes at a five-seat body: quorum (majority) is 3. */
class MotionAndVoteTest {

    private static final String M = "7d3c2a10-0b1e-4c55-9a57-1f2e3d4c5b6a";
    private static final String FILE = "5c1f6a3e-6d53-4a8e-9d6b-1f0e2d3c4b5a";
    private static final Instant AT = Instant.parse("2017-02-08T01:00:00Z");
    private static final Set<String> MEMBERS = Set.of("ann", "bo", "cy", "di", "ed");
    private static final MeetingScheduled SCHEDULED = new MeetingScheduled(M, "council",
            OffsetDateTime.parse("2017-02-07T18:30:00-06:00"), "America/Chicago", "Room 201", AT);
    private static final AgendaItemAdded RESOLUTION = new AgendaItemAdded(M, "res", FILE, null, false, AT);
    private static final AgendaItemAdded COMMENT = new AgendaItemAdded(M, "comment", null, "Public comment", false, AT);
    private static final MeetingCalledToOrder CALLED = new MeetingCalledToOrder(M, AT);
    private static final RollCallTaken FOUR_PRESENT =
            new RollCallTaken(M, List.of("ann", "bo", "cy", "di"), List.of("ed"), List.of(), AT);
    private static final MotionMade ADOPT = new MotionMade(M, "m1", "res", FILE, MotionKind.ADOPT, "ann", "bo", null,
            null, AT);

    private FixtureConfiguration<Meeting> fixture;

    private void setUp(VoteThreshold adopt, KnownFiles files) {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(new KnownRoster(MEMBERS, Set.of("council", "finance"),
                new BodyRules(5, QuorumRule.MAJORITY_SEATS, Map.of(MotionKind.ADOPT, adopt))));
        fixture.registerInjectableResource(files);
    }

    @BeforeEach
    void setUp() {
        setUp(VoteThreshold.MAJORITY_CAST, KnownFiles.of(FILE, "ann"));
    }

    private static VoteRecorded rollCallResult(List<MemberVote> votes, Result result, VoteThreshold threshold,
                                               Tally tally, int needed) {
        return new VoteRecorded(M, "m1", FILE, MotionKind.ADOPT, Method.ROLL_CALL, votes, result, threshold, tally,
                needed, 4, 5, AT);
    }

    private static MakeMotion motion(MotionKind kind, String item, String mover, String seconder, String referTo) {
        return new MakeMotion(M, "m2", item, kind, mover, seconder, referTo, null, AT);
    }

    private static RecordVote roll(Map<String, VoteChoice> roll) {
        return new RecordVote(M, "m1", roll, null, AT);
    }

    @Test
    void givenMembersPresent_whenMovedAndSeconded_thenMotionMadeAboutTheItemsFile() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(new MakeMotion(M, "m1", "res", MotionKind.ADOPT, "ann", "bo", null, null, AT))
                .expectEvents(ADOPT);
    }

    @Test
    void givenMoverAbsent_whenMoved_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(motion(MotionKind.ADOPT, "res", "ed", "bo", null))
                .expectException(Refused.by("mover-not-present")).expectNoEvents();
    }

    @Test
    void givenMembersPresent_whenMoverSecondsOwnMotion_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(motion(MotionKind.ADOPT, "res", "ann", "ann", null))
                .expectException(Refused.by("mover-cannot-second")).expectNoEvents();
    }

    @Test
    void givenPlainItem_whenReferMotion_thenRefusedAsNeedingAFile() {
        fixture.given(SCHEDULED, COMMENT, CALLED, FOUR_PRESENT)
                .when(motion(MotionKind.REFER, "comment", "ann", "bo", "finance"))
                .expectException(Refused.by("motion-needs-a-file"))
                .expectNoEvents();
    }

    @Test
    void givenFileItem_whenReferWithoutBody_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(motion(MotionKind.REFER, "res", "ann", "bo", null))
                .expectException(Refused.by("refer-names-a-body"))
                .expectNoEvents();
    }

    @Test
    void givenFileItem_whenWithdrawMovedByNonSponsor_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(motion(MotionKind.WITHDRAW, "res", "bo", "ann", null))
                .expectException(Refused.by("withdraw-by-sponsor-only")).expectNoEvents();
    }

    @Test
    void givenClosedFile_whenMotionMade_thenRefused() {
        setUp(VoteThreshold.MAJORITY_CAST, new KnownFiles(Map.of(FILE, "ann"), Set.of(FILE)));
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(motion(MotionKind.ADOPT, "res", "ann", "bo", null))
                .expectException(Refused.by("file-closed"))
                .expectNoEvents();
    }

    @Test
    void givenMotionOnTheFloor_whenAnotherMotionMade_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT)
                .when(motion(MotionKind.PLACE_ON_FILE, "res", "cy", "di", null))
                .expectException(Refused.by("motion-pending")).expectNoEvents();
    }

    private static VoteRecorded passed(String motionId, MotionKind kind, String fileId) {
        return new VoteRecorded(M, motionId, fileId, kind, Method.ROLL_CALL, List.of(
                new MemberVote("ann", VoteChoice.AYE), new MemberVote("bo", VoteChoice.AYE),
                new MemberVote("cy", VoteChoice.NO), new MemberVote("di", VoteChoice.ABSTAIN),
                new MemberVote("ed", VoteChoice.ABSENT)), Result.PASSED, VoteThreshold.MAJORITY_CAST,
                new Tally(2, 1, 1, 0, 1, 0), 2, 4, 5, AT);
    }

    @Test
    void givenItemTabled_whenAnyOtherMotionMade_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT,
                        new MotionMade(M, "t1", "res", FILE, MotionKind.TABLE, "ann", "bo", null, null, AT),
                        passed("t1", MotionKind.TABLE, FILE))
                .when(motion(MotionKind.ADOPT, "res", "ann", "bo", null))
                .expectException(Refused.by("item-tabled")).expectNoEvents();
    }

    @Test
    void givenItemTabled_whenTakenFromTheTable_thenMotionMade() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT,
                        new MotionMade(M, "t1", "res", FILE, MotionKind.TABLE, "ann", "bo", null, null, AT),
                        passed("t1", MotionKind.TABLE, FILE))
                .when(motion(MotionKind.TAKE_FROM_TABLE, "res", "cy", "di", null))
                .expectEvents(new MotionMade(M, "m2", "res", FILE, MotionKind.TAKE_FROM_TABLE, "cy", "di", null, null,
                        AT));
    }

    @Test
    void givenItemNotTabled_whenTakenFromTheTable_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(motion(MotionKind.TAKE_FROM_TABLE, "res", "ann", "bo", null))
                .expectException(Refused.by("item-not-tabled")).expectNoEvents();
    }

    @Test
    void givenAdoptionPassed_whenAMemberOfThePrevailingSideMovesToReconsider_thenMotionNamesTheVote() {
        setUp(VoteThreshold.MAJORITY_CAST, new KnownFiles(Map.of(FILE, "ann"), Set.of(FILE)));
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, passed("m1", MotionKind.ADOPT, FILE))
                .when(motion(MotionKind.RECONSIDER, "res", "bo", "cy", null))
                .expectEvents(new MotionMade(M, "m2", "res", FILE, MotionKind.RECONSIDER, "bo", "cy", null, null,
                        "m1", AT));
    }

    @Test
    void givenAdoptionPassed_whenAMemberWhoVotedNoMovesToReconsider_thenRefused() {
        setUp(VoteThreshold.MAJORITY_CAST, new KnownFiles(Map.of(FILE, "ann"), Set.of(FILE)));
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, passed("m1", MotionKind.ADOPT, FILE))
                .when(motion(MotionKind.RECONSIDER, "res", "cy", "bo", null))
                .expectException(Refused.by("reconsider-by-prevailing-side"))
                .expectNoEvents();
    }

    @Test
    void givenNoAdoptionVote_whenMovedToReconsider_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(motion(MotionKind.RECONSIDER, "res", "ann", "bo", null))
                .expectException(Refused.by("nothing-to-reconsider")).expectNoEvents();
    }

    @Test
    void givenReconsiderationPassed_whenTheOriginalMotionIsVotedAgain_thenVoteRecorded() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, passed("m1", MotionKind.ADOPT, FILE),
                        new MotionMade(M, "r1", "res", FILE, MotionKind.RECONSIDER, "bo", "cy", null, null, "m1", AT),
                        passed("r1", MotionKind.RECONSIDER, FILE))
                .when(new RecordVote(M, "m1", null, Result.FAILED, AT))
                .expectEvents(new VoteRecorded(M, "m1", FILE, MotionKind.ADOPT, Method.VOICE, List.of(), Result.FAILED,
                        VoteThreshold.MAJORITY_CAST, null, null, 4, 5, AT));
    }

    @Test
    void givenReconsideredOnce_whenMovedToReconsiderAgain_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, passed("m1", MotionKind.ADOPT, FILE),
                        new MotionMade(M, "r1", "res", FILE, MotionKind.RECONSIDER, "bo", "cy", null, null, "m1", AT),
                        passed("r1", MotionKind.RECONSIDER, FILE), passed("m1", MotionKind.ADOPT, FILE))
                .when(motion(MotionKind.RECONSIDER, "res", "ann", "bo", null))
                .expectException(Refused.by("already-reconsidered")).expectNoEvents();
    }

    @Test
    void givenPendingAmendment_whenAmendMotionNamesIt_thenMotionMade() {
        setUp(VoteThreshold.MAJORITY_CAST, new KnownFiles(Map.of(FILE, "ann"), Set.of(), Set.of("a1")));
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(new MakeMotion(M, "m2", "res", MotionKind.AMEND, "ann", "bo", null, "a1", AT))
                .expectEvents(new MotionMade(M, "m2", "res", FILE, MotionKind.AMEND, "ann", "bo", null, "a1", AT));
    }

    @Test
    void givenNoSuchAmendment_whenAmendMotionNamesIt_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT)
                .when(new MakeMotion(M, "m2", "res", MotionKind.AMEND, "ann", "bo", null, "a9", AT))
                .expectException(Refused.by("amendment-not-pending")).expectNoEvents();
    }

    private static final VoteRecorded PASSED_2_TO_1 = new VoteRecorded(M, "m1", FILE, MotionKind.ADOPT,
            Method.ROLL_CALL, List.of(new MemberVote("ann", VoteChoice.AYE), new MemberVote("bo", VoteChoice.AYE),
            new MemberVote("cy", VoteChoice.NO), new MemberVote("di", VoteChoice.ABSTAIN),
            new MemberVote("ed", VoteChoice.ABSENT)), Result.PASSED, VoteThreshold.MAJORITY_CAST,
            new Tally(2, 1, 1, 0, 1, 0), 2, 4, 5, AT);

    /** The id the fixture gave the recorded vote: a correction names the record it corrects. */
    private String recordedVoteId() {
        return fixture.getEventStore().readEvents(M).asStream()
                .filter(e -> e.getPayload() instanceof VoteRecorded).reduce((a, b) -> b).orElseThrow().getIdentifier();
    }

    private static Map<String, VoteChoice> boVotesNo() {
        return Map.of("ann", VoteChoice.AYE, "bo", VoteChoice.NO, "cy", VoteChoice.NO, "di", VoteChoice.ABSTAIN);
    }

    @Test
    void givenRecordedVote_whenCorrectedOneAyeToNo_thenResultRecomputedUnderTheOriginalRule() {
        var executor = fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, PASSED_2_TO_1);
        String voteId = recordedVoteId();
        executor.when(new MeetingCommands.CorrectVote(M, voteId, "Ald. Bo voted no", boVotesNo(), AT))
                .expectEvents(new VoteCorrected(M, "m1", voteId, "Ald. Bo voted no", FILE, MotionKind.ADOPT,
                        List.of(new MemberVote("ann", VoteChoice.AYE), new MemberVote("bo", VoteChoice.NO),
                                new MemberVote("cy", VoteChoice.NO), new MemberVote("di", VoteChoice.ABSTAIN),
                                new MemberVote("ed", VoteChoice.ABSENT)), Result.FAILED, VoteThreshold.MAJORITY_CAST,
                        new Tally(1, 2, 1, 0, 1, 0), 2, 4, 5, AT));
    }

    @Test
    void givenAdjournedMeeting_whenVoteCorrected_thenStillRecorded() {
        var executor = fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, PASSED_2_TO_1,
                new org.civicledger.events.meeting.MeetingAdjourned(M, AT));
        executor.when(new MeetingCommands.CorrectVote(M, recordedVoteId(), "Ald. Bo voted no", boVotesNo(), AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenRecordedVote_whenCorrectionNamesAnotherEvent_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, PASSED_2_TO_1)
                .when(new MeetingCommands.CorrectVote(M, "not-a-vote", "Typo", boVotesNo(), AT))
                .expectException(Refused.by("not-the-current-vote-record"))
                .expectNoEvents();
    }

    @Test
    void givenRecordedVote_whenCorrectionAddsTheAbsentMember_thenRefused() {
        var executor = fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, PASSED_2_TO_1);
        executor.when(new MeetingCommands.CorrectVote(M, recordedVoteId(), "Typo", Map.of("ann", VoteChoice.AYE,
                        "bo", VoteChoice.AYE, "cy", VoteChoice.NO, "di", VoteChoice.ABSTAIN, "ed", VoteChoice.AYE), AT))
                .expectException(Refused.by("voter-not-present")).expectNoEvents();
    }

    @Test
    void givenRecordedVote_whenCorrectionChangesNothing_thenRefused() {
        var executor = fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, PASSED_2_TO_1);
        executor.when(new MeetingCommands.CorrectVote(M, recordedVoteId(), "Typo", Map.of("ann", VoteChoice.AYE,
                        "bo", VoteChoice.AYE, "cy", VoteChoice.NO, "di", VoteChoice.ABSTAIN), AT))
                .expectException(Refused.by("correction-changes-nothing")).expectNoEvents();
    }

    @Test
    void givenReferVotePassed_whenCorrectionWouldFailIt_thenRefusedAsNotUndoableYet() {
        var refer = new MotionMade(M, "m1", "res", FILE, MotionKind.REFER, "ann", "bo", "finance", null, AT);
        var passed = new VoteRecorded(M, "m1", FILE, MotionKind.REFER, Method.ROLL_CALL, PASSED_2_TO_1.votes(),
                Result.PASSED, VoteThreshold.MAJORITY_CAST, PASSED_2_TO_1.tally(), 2, 4, 5, AT);
        var executor = fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, refer, passed);
        executor.when(new MeetingCommands.CorrectVote(M, recordedVoteId(), "Typo", boVotesNo(), AT))
                .expectException(Refused.by("correction-changes-outcome"))
                .expectNoEvents();
    }

    @Test
    void givenMotion_whenRollCallMajorityOfCastAyes_thenPassedWithTallyAndAbsentRecorded() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT)
                .when(roll(Map.of("ann", VoteChoice.AYE, "bo", VoteChoice.AYE, "cy", VoteChoice.NO,
                        "di", VoteChoice.ABSTAIN)))
                .expectEvents(rollCallResult(List.of(new MemberVote("ann", VoteChoice.AYE),
                                new MemberVote("bo", VoteChoice.AYE), new MemberVote("cy", VoteChoice.NO),
                                new MemberVote("di", VoteChoice.ABSTAIN), new MemberVote("ed", VoteChoice.ABSENT)),
                        Result.PASSED, VoteThreshold.MAJORITY_CAST, new Tally(2, 1, 1, 0, 1, 0), 2));
    }

    @Test
    void givenMotion_whenTie_thenFailed() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT)
                .when(roll(Map.of("ann", VoteChoice.AYE, "bo", VoteChoice.AYE, "cy", VoteChoice.NO,
                        "di", VoteChoice.NO)))
                .expectEvents(rollCallResult(List.of(new MemberVote("ann", VoteChoice.AYE),
                                new MemberVote("bo", VoteChoice.AYE), new MemberVote("cy", VoteChoice.NO),
                                new MemberVote("di", VoteChoice.NO), new MemberVote("ed", VoteChoice.ABSENT)),
                        Result.FAILED, VoteThreshold.MAJORITY_CAST, new Tally(2, 2, 0, 0, 1, 0), 3));
    }

    @Test
    void givenThreeQuartersOfSeatsRule_whenThreeAyesOfFive_thenFailedOneShortOfFour() {
        setUp(VoteThreshold.THREE_QUARTERS_SEATS, KnownFiles.of(FILE, "ann"));
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT)
                .when(roll(Map.of("ann", VoteChoice.AYE, "bo", VoteChoice.AYE, "cy", VoteChoice.AYE,
                        "di", VoteChoice.NO)))
                .expectEvents(rollCallResult(List.of(new MemberVote("ann", VoteChoice.AYE),
                                new MemberVote("bo", VoteChoice.AYE), new MemberVote("cy", VoteChoice.AYE),
                                new MemberVote("di", VoteChoice.NO), new MemberVote("ed", VoteChoice.ABSENT)),
                        Result.FAILED, VoteThreshold.THREE_QUARTERS_SEATS, new Tally(3, 1, 0, 0, 1, 0), 4));
    }

    @Test
    void givenMotion_whenRollLeavesAPresentMemberOut_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT)
                .when(roll(Map.of("ann", VoteChoice.AYE, "bo", VoteChoice.AYE, "cy", VoteChoice.NO)))
                .expectException(Refused.by("roll-incomplete"))
                .expectNoEvents();
    }

    @Test
    void givenMotion_whenAbsentMemberVotes_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT)
                .when(roll(Map.of("ann", VoteChoice.AYE, "bo", VoteChoice.AYE, "cy", VoteChoice.NO,
                        "di", VoteChoice.NO, "ed", VoteChoice.AYE)))
                .expectException(Refused.by("voter-not-present")).expectNoEvents();
    }

    @Test
    void givenTooFewPresent_whenVote_thenRefusedNoQuorum() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED,
                        new RollCallTaken(M, List.of("ann", "bo"), List.of("cy", "di"), List.of("ed"), AT),
                        new MotionMade(M, "m1", "res", FILE, MotionKind.ADOPT, "ann", "bo", null, null, AT))
                .when(roll(Map.of("ann", VoteChoice.AYE, "bo", VoteChoice.AYE)))
                .expectException(Refused.by("no-quorum"))
                .expectNoEvents();
    }

    @Test
    void givenMotion_whenVoiceVote_thenDeclaredResultWithoutRoll() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT)
                .when(new RecordVote(M, "m1", null, Result.PASSED, AT))
                .expectEvents(new VoteRecorded(M, "m1", FILE, MotionKind.ADOPT, Method.VOICE, List.of(), Result.PASSED,
                        VoteThreshold.MAJORITY_CAST, null, null, 4, 5, AT));
    }

    @Test
    void givenReferMotion_whenVoted_thenTheVoteNamesTheBodyTheMotionRefersTo() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT,
                        new MotionMade(M, "m1", "res", FILE, MotionKind.REFER, "ann", "bo", "finance", null, AT))
                .when(new RecordVote(M, "m1", null, Result.PASSED, AT))
                .expectEvents(new VoteRecorded(M, "m1", FILE, MotionKind.REFER, Method.VOICE, List.of(),
                        Result.PASSED, VoteThreshold.MAJORITY_CAST, null, null, 4, 5, AT, "finance", null, null));
    }

    @Test
    void givenAmendMotion_whenVoted_thenTheVoteNamesTheAmendment() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT,
                        new MotionMade(M, "m1", "res", FILE, MotionKind.AMEND, "ann", "bo", null, "a1", AT))
                .when(new RecordVote(M, "m1", null, Result.FAILED, AT))
                .expectEvents(new VoteRecorded(M, "m1", FILE, MotionKind.AMEND, Method.VOICE, List.of(),
                        Result.FAILED, VoteThreshold.MAJORITY_CAST, null, null, 4, 5, AT, null, "a1", null));
    }

    @Test
    void givenReconsiderMotion_whenVotedByRoll_thenTheVoteNamesTheMotionItReconsiders() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, passed("m1", MotionKind.ADOPT, FILE),
                        new MotionMade(M, "r1", "res", FILE, MotionKind.RECONSIDER, "bo", "cy", null, null, "m1", AT))
                .when(new RecordVote(M, "r1", Map.of("ann", VoteChoice.AYE, "bo", VoteChoice.AYE,
                        "cy", VoteChoice.NO, "di", VoteChoice.ABSTAIN), null, AT))
                .expectEvents(new VoteRecorded(M, "r1", FILE, MotionKind.RECONSIDER, Method.ROLL_CALL,
                        passed("r1", MotionKind.RECONSIDER, FILE).votes(), Result.PASSED, VoteThreshold.MAJORITY_CAST,
                        new Tally(2, 1, 1, 0, 1, 0), 2, 4, 5, AT, null, null, "m1"));
    }

    @Test
    void givenDecidedMotion_whenVotedAgain_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION, CALLED, FOUR_PRESENT, ADOPT, new VoteRecorded(M, "m1", FILE,
                        MotionKind.ADOPT, Method.VOICE, List.of(), Result.PASSED, VoteThreshold.MAJORITY_CAST, null,
                        null, 4, 5, AT))
                .when(new RecordVote(M, "m1", null, Result.FAILED, AT))
                .expectException(Refused.by("motion-already-decided")).expectNoEvents();
    }
}
