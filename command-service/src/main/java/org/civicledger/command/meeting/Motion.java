package org.civicledger.command.meeting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.EntityId;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;

/**
 * A motion made at the meeting and, once voted, the record of its vote as it currently stands (corrections). An
 * entity of the meeting's {@link Floor}: it is forwarded the events that name its motion id.
 */
@SnapshotState
final class Motion {

    @EntityId
    private final String motionId;
    private final MotionKind kind;
    private final String itemId;
    private final String fileId;
    private final String referTo;
    private final String amendmentId;
    private final String reconsiders;
    private VoteRecorded vote;
    private String voteEventId;
    private boolean reconsidered;

    @JsonCreator
    Motion(@JsonProperty("motionId") String motionId, @JsonProperty("kind") MotionKind kind,
           @JsonProperty("itemId") String itemId, @JsonProperty("fileId") String fileId,
           @JsonProperty("referTo") String referTo, @JsonProperty("amendmentId") String amendmentId,
           @JsonProperty("reconsiders") String reconsiders) {
        this.motionId = motionId;
        this.kind = kind;
        this.itemId = itemId;
        this.fileId = fileId;
        this.referTo = referTo;
        this.amendmentId = amendmentId;
        this.reconsiders = reconsiders;
    }

    String motionId() {
        return motionId;
    }

    String itemId() {
        return itemId;
    }

    /** The body a REFER motion names; null for any other kind. */
    String referTo() {
        return referTo;
    }

    /** The amendment an AMEND motion would adopt; null for any other kind. */
    String amendmentId() {
        return amendmentId;
    }

    String reconsiders() {
        return reconsiders;
    }

    boolean reconsidered() {
        return reconsidered;
    }

    /** A passed reconsideration reopens this motion's vote: it is on the floor again, to be voted anew. */
    void reopened() {
        reconsidered = true;
        vote = null;
        voteEventId = null;
    }

    /** Whether the member voted on the side that prevailed: AYE if it passed, NO if it failed. */
    boolean votedOnPrevailingSide(String member) {
        VoteChoice prevailing = vote.result() == VoteRecorded.Result.PASSED ? VoteChoice.AYE : VoteChoice.NO;
        return vote.votes().stream().anyMatch(v -> v.person().equals(member) && v.choice() == prevailing);
    }

    MotionKind kind() {
        return kind;
    }

    String fileId() {
        return fileId;
    }

    VoteRecorded vote() {
        return vote;
    }

    boolean isRecord(String eventId) {
        return eventId.equals(voteEventId);
    }

    @EventSourcingHandler
    void on(VoteRecorded recorded, @MessageIdentifier String eventId) {
        vote = recorded;
        voteEventId = eventId;
    }

    /** The corrected roll becomes the record a later correction must name. */
    @EventSourcingHandler
    void on(VoteCorrected event, @MessageIdentifier String eventId) {
        on(new VoteRecorded(vote.meetingId(), event.motionId(), event.fileId(), event.kind(), vote.method(),
                event.votes(), event.result(), event.threshold(), event.tally(), event.needed(), event.present(),
                event.seats(), event.occurredAt(), vote.referTo(), vote.amendmentId(), vote.reconsiders()), eventId);
    }

    /** Who cast a vote (not absent or excused) when the vote was taken: a correction may only change their choices. */
    Set<String> voters() {
        return vote.votes().stream()
                .filter(v -> v.choice() != VoteChoice.ABSENT && v.choice() != VoteChoice.EXCUSED)
                .map(MemberVote::person).collect(Collectors.toSet());
    }

    Set<String> with(VoteChoice choice) {
        return vote.votes().stream().filter(v -> v.choice() == choice).map(MemberVote::person)
                .collect(Collectors.toSet());
    }

    void requireCorrectable(Map<String, VoteChoice> roll) {
        if (vote.method() != VoteRecorded.Method.ROLL_CALL) {
            throw RuleViolation.unprocessable("voice-vote-not-correctable",
                    "A voice vote has no roll to correct.");
        }
        List<MemberVote> cast = vote.votes().stream().filter(v -> voters().contains(v.person())).toList();
        if (cast.stream().allMatch(v -> v.choice() == roll.get(v.person())) && roll.size() == cast.size()) {
            throw RuleViolation.conflict("correction-changes-nothing", "The corrected roll is the roll on record.");
        }
    }

    /** Value equality, as Axon's test fixture compares aggregate state after handling with state re-sourced. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Motion m && motionId.equals(m.motionId) && kind == m.kind
                && Objects.equals(itemId, m.itemId)
                && Objects.equals(fileId, m.fileId) && Objects.equals(referTo, m.referTo)
                && Objects.equals(amendmentId, m.amendmentId) && Objects.equals(reconsiders, m.reconsiders)
                && Objects.equals(vote, m.vote) && Objects.equals(voteEventId, m.voteEventId)
                && reconsidered == m.reconsidered;
    }

    @Override
    public int hashCode() {
        return Objects.hash(motionId, kind, itemId, fileId, referTo, amendmentId, reconsiders, vote, voteEventId,
                reconsidered);
    }
}
