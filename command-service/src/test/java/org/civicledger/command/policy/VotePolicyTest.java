package org.civicledger.command.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.civicledger.command.file.CorrectFileAction;
import org.civicledger.command.file.DecideAmendment;
import org.civicledger.command.file.RecordFileAction;
import org.civicledger.command.file.ReferFile;
import org.civicledger.command.file.ReopenFile;
import org.civicledger.events.file.FileActedOn.Action;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.roster.VoteThreshold;
import org.junit.jupiter.api.Test;

/** Given a vote (or its correction), when it is recorded, then these commands go to the file. */
class VotePolicyTest {

    private static final Instant AT = Instant.parse("2017-02-08T01:15:00Z");

    private static VoteRecorded vote(MotionKind kind, Result result, String fileId) {
        return naming(kind, result, fileId, null, null, null);
    }

    /** A vote on a motion that named a body, an amendment or an earlier motion, as the vote repeats them. */
    private static VoteRecorded naming(MotionKind kind, Result result, String fileId, String referTo,
                                       String amendmentId, String reconsiders) {
        return new VoteRecorded("feb-7", "motion-1", fileId, kind, VoteRecorded.Method.VOICE, List.of(), result,
                VoteThreshold.MAJORITY_CAST, null, null, 15, 20, AT, referTo, amendmentId, reconsiders);
    }

    @Test
    void givenAnAdoptVote_whenItPassesOrFails_thenTheFileIsAdoptedOrFailed() {
        assertThat(VotePolicy.decide(vote(MotionKind.ADOPT, Result.PASSED, "res-1")))
                .containsExactly(new RecordFileAction("res-1", Action.ADOPTED, "feb-7", "motion-1", AT));
        assertThat(VotePolicy.decide(vote(MotionKind.ADOPT_UNDER_SUSPENSION, Result.FAILED, "res-1")))
                .containsExactly(new RecordFileAction("res-1", Action.FAILED, "feb-7", "motion-1", AT));
    }

    @Test
    void givenAPlaceOnFileOrWithdrawVote_whenItPasses_thenTheFileIsClosedSo_andWhenItFailsNothingHappens() {
        assertThat(VotePolicy.decide(vote(MotionKind.PLACE_ON_FILE, Result.PASSED, "res-1")))
                .containsExactly(new RecordFileAction("res-1", Action.PLACED_ON_FILE, "feb-7", "motion-1", AT));
        assertThat(VotePolicy.decide(vote(MotionKind.WITHDRAW, Result.PASSED, "res-1")))
                .containsExactly(new RecordFileAction("res-1", Action.WITHDRAWN, "feb-7", "motion-1", AT));
        assertThat(VotePolicy.decide(vote(MotionKind.PLACE_ON_FILE, Result.FAILED, "res-1"))).isEmpty();
        assertThat(VotePolicy.decide(vote(MotionKind.WITHDRAW, Result.FAILED, "res-1"))).isEmpty();
    }

    @Test
    void givenAReferralVote_whenItPasses_thenTheFileIsReferredToTheBodyTheVoteNames() {
        assertThat(VotePolicy.decide(naming(MotionKind.REFER, Result.PASSED, "res-1", "finance-committee", null,
                null))).containsExactly(new ReferFile("res-1", "finance-committee", AT));
        assertThat(VotePolicy.decide(naming(MotionKind.REFER, Result.FAILED, "res-1", "finance-committee", null,
                null))).isEmpty();
    }

    @Test
    void givenAVoteToAmend_whenItIsDecidedEitherWay_thenTheAmendmentItNamesIsDecidedSo() {
        assertThat(VotePolicy.decide(naming(MotionKind.AMEND, Result.PASSED, "res-1", null, "amendment-1", null)))
                .containsExactly(new DecideAmendment("res-1", "amendment-1", true, "feb-7", "motion-1", AT));
        assertThat(VotePolicy.decide(naming(MotionKind.AMEND, Result.FAILED, "res-1", null, "amendment-1", null)))
                .containsExactly(new DecideAmendment("res-1", "amendment-1", false, "feb-7", "motion-1", AT));
    }

    @Test
    void givenAReconsiderationVote_whenItPasses_thenTheFileIsReopenedFromTheVoteItNames() {
        assertThat(VotePolicy.decide(naming(MotionKind.RECONSIDER, Result.PASSED, "res-1", null, null, "motion-0")))
                .containsExactly(new ReopenFile("res-1", "feb-7", "motion-0", "motion-1", AT));
        assertThat(VotePolicy.decide(naming(MotionKind.RECONSIDER, Result.FAILED, "res-1", null, null, "motion-0")))
                .isEmpty();
    }

    @Test
    void givenATablingVoteOrAVoteOnAnItemWithoutAFile_whenRecorded_thenNothingGoesToAFile() {
        assertThat(VotePolicy.decide(vote(MotionKind.TABLE, Result.PASSED, "res-1"))).isEmpty();
        assertThat(VotePolicy.decide(vote(MotionKind.TAKE_FROM_TABLE, Result.PASSED, "res-1"))).isEmpty();
        assertThat(VotePolicy.decide(vote(MotionKind.ADOPT, Result.PASSED, null))).isEmpty();
    }

    @Test
    void givenACorrectedAdoption_whenTheResultFlips_thenTheFileActionIsCorrected_andOtherKindsAreLeftAlone() {
        VoteCorrected flipped = new VoteCorrected("feb-7", "motion-1", "vote-event", "recorded in error", "res-1",
                MotionKind.ADOPT, List.of(), Result.FAILED, VoteThreshold.MAJORITY_CAST, null, 8, 15, 20, AT);
        assertThat(VotePolicy.decide(flipped, "correction-1")).containsExactly(new CorrectFileAction("res-1",
                Action.FAILED, "feb-7", "motion-1", "correction-1", "recorded in error", AT));
        VoteCorrected amend = new VoteCorrected("feb-7", "motion-2", "vote-event", "typo", "res-1",
                MotionKind.AMEND, List.of(), Result.PASSED, VoteThreshold.MAJORITY_CAST, null, 8, 15, 20, AT);
        assertThat(VotePolicy.decide(amend, "correction-2")).isEmpty();
    }
}
