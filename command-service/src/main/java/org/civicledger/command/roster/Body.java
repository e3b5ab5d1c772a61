package org.civicledger.command.roster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.civicledger.command.ledger.AggregateStorage;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.events.roster.VoteThresholdSet;
import org.civicledger.events.roster.SeatRole;

/** A body, its seats over time and its rules. Revision: of the state in snapshots (see LegislativeFile). */
@Aggregate(cache = AggregateStorage.BODY_CACHE, snapshotTriggerDefinition = AggregateStorage.SNAPSHOT_TRIGGER)
@Revision("1")
@SnapshotState
public class Body {

    @AggregateIdentifier
    private BodyId id;
    private int seatCount;
    private QuorumRule quorum = QuorumRule.MAJORITY_SEATS;
    @JsonMerge
    private final Map<MotionKind, VoteThreshold> thresholds = new EnumMap<>(MotionKind.class);
    @JsonMerge
    private final List<Seat> seats = new ArrayList<>();

    protected Body() {
    }

    @CommandHandler
    public Body(CreateBody command, Roster roster) {
        if (roster.isBodyCreated(command.bodyId())) {
            throw RuleViolation.conflict("body-already-exists",
                    "A body with id '" + command.bodyId() + "' already exists.");
        }
        if (command.seats() < 1) {
            throw RuleViolation.unprocessable("body-needs-seats", "A body has at least one seat.");
        }
        apply(new BodyCreated(command.bodyId(), command.name(), command.kind(), command.seats(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(AssignSeat command, Roster roster) {
        if (!roster.isPersonRegistered(command.personId())) {
            throw RuleViolation.unprocessable("person-not-registered",
                    "'" + command.personId() + "' is not a registered person; register them first.");
        }
        if (command.to() != null && command.to().isBefore(command.from())) {
            throw RuleViolation.unprocessable("seat-ends-before-it-starts",
                    "A seat cannot end (" + command.to() + ") before it starts (" + command.from() + ").");
        }
        Seat seat = new Seat(command.personId(), command.role(), command.from(), command.to());
        if (seats.stream().anyMatch(s -> s.personId().equals(seat.personId()) && s.overlaps(seat))) {
            throw RuleViolation.conflict("seat-already-held",
                    "'" + seat.personId() + "' already holds a seat on " + id.slug() + " during that period.");
        }
        if (seat.role() != SeatRole.MEMBER
                && seats.stream().anyMatch(s -> s.role() == seat.role() && s.overlaps(seat))) {
            throw RuleViolation.conflict("role-already-filled",
                    "Someone else is " + seat.role() + " of " + id.slug() + " during that period.");
        }
        if (Seat.mostHeldAtOnce(seats, seat) >= seatCount) {
            throw RuleViolation.conflict("body-seats-full",
                    id.slug() + " has " + seatCount + " seats and all are held during that period.");
        }
        apply(new SeatAssigned(id.slug(), seat.personId(), seat.role(), seat.from(), seat.to(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(SetQuorumRule command) {
        if (command.quorum() == quorum) {
            throw RuleViolation.conflict("quorum-rule-unchanged",
                    id.slug() + " already uses the quorum rule " + quorum + ".");
        }
        apply(new QuorumRuleSet(id.slug(), command.quorum(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(SetVoteThreshold command) {
        VoteThreshold current = thresholds.getOrDefault(command.motion(), VoteThreshold.MAJORITY_CAST);
        if (command.threshold() == current) {
            throw RuleViolation.conflict("threshold-unchanged",
                    id.slug() + " already carries " + command.motion() + " motions by " + current + ".");
        }
        apply(new VoteThresholdSet(id.slug(), command.motion(), command.threshold(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(BodyCreated event) {
        id = new BodyId(event.bodyId());
        seatCount = event.seats();
    }

    @EventSourcingHandler
    void on(VoteThresholdSet event) {
        thresholds.put(event.motion(), event.threshold());
    }

    @EventSourcingHandler
    void on(QuorumRuleSet event) {
        quorum = event.quorum();
    }

    @EventSourcingHandler
    void on(SeatAssigned event) {
        seats.add(new Seat(event.personId(), event.role(), event.from(), event.to()));
    }
}
