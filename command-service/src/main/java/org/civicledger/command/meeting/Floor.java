package org.civicledger.command.meeting;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteRecorded;

/**
 * The floor of a meeting: the motions made, the one on the floor (at most one at a time) and the items laid on the
 * table. An entity of the {@link Meeting}; each {@link Motion} is an entity of it, keeping its own vote record.
 */
@SnapshotState
final class Floor {

    /** In the order made: a tie in vote times (see Voting.reconsiderable) resolves the same after a snapshot. */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    @JsonMerge
    private final Map<String, Motion> motions = new LinkedHashMap<>();
    private String pendingMotion;
    @JsonMerge
    private final Set<String> tabledItems = new HashSet<>();

    void requireNothingPending() {
        if (pendingMotion != null) {
            throw RuleViolation.conflict("motion-pending",
                    "A " + motions.get(pendingMotion).kind() + " motion is on the floor; vote on it first.");
        }
    }

    /** A tabled item takes no motion but one to take it from the table. */
    void requireTablingAllows(MotionKind kind, String itemId) {
        boolean tabled = tabledItems.contains(itemId);
        if (tabled && kind != MotionKind.TAKE_FROM_TABLE) {
            throw RuleViolation.conflict("item-tabled", "This item is on the table; move to take it from the table.");
        }
        if (!tabled && kind == MotionKind.TAKE_FROM_TABLE) {
            throw RuleViolation.conflict("item-not-tabled", "This item is not on the table.");
        }
    }

    /** The motion a RECONSIDER motion would reopen (see {@link Voting#reconsiderable}); null for any other kind. */
    String reconsiders(MotionKind kind, String itemId, String mover) {
        return kind == MotionKind.RECONSIDER ? Voting.reconsiderable(motions.values(), itemId, mover) : null;
    }

    /** The motion to be voted on now: made at this meeting and still undecided. */
    Motion toVoteOn(String motionId) {
        Motion motion = motions.get(motionId);
        if (motion == null) {
            throw RuleViolation.notFound("motion-not-found", "This meeting has no motion '" + motionId + "'.");
        }
        if (!motionId.equals(pendingMotion)) {
            throw RuleViolation.conflict("motion-already-decided", "This motion has already been voted on.");
        }
        return motion;
    }

    /** The motion whose current vote record is that event. */
    Motion recordOf(String voteEventId) {
        return motions.values().stream().filter(m -> m.isRecord(voteEventId)).findFirst()
                .orElseThrow(() -> RuleViolation.unprocessable("not-the-current-vote-record",
                        "'" + voteEventId + "' is not the current record of a vote at this meeting."));
    }

    @EventSourcingHandler
    void on(MotionMade event) {
        motions.put(event.motionId(), new Motion(event.motionId(), event.kind(), event.itemId(), event.fileId(),
                event.referTo(), event.amendmentId(), event.reconsiders()));
        pendingMotion = event.motionId();
    }

    /** The motion records its own vote (it is forwarded the event); here, what a passed vote does to the floor. */
    @EventSourcingHandler
    void on(VoteRecorded event) {
        Motion motion = motions.get(event.motionId());
        pendingMotion = null;
        if (event.result() != VoteRecorded.Result.PASSED) {
            return;
        }
        switch (motion.kind()) {
            case TABLE -> tabledItems.add(motion.itemId());
            case TAKE_FROM_TABLE -> tabledItems.remove(motion.itemId());
            case RECONSIDER -> {
                motions.get(motion.reconsiders()).reopened();
                pendingMotion = motion.reconsiders();
            }
            default -> {
            }
        }
    }
}
