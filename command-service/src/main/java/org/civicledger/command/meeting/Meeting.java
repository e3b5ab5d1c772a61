package org.civicledger.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.civicledger.command.file.Files;
import org.civicledger.command.ledger.AggregateStorage;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.command.meeting.MeetingCommands.AdjournMeeting;
import org.civicledger.command.meeting.MeetingCommands.AgendaChange;
import org.civicledger.command.meeting.MeetingCommands.ApproveMinutes;
import org.civicledger.command.meeting.MeetingCommands.CallToOrder;
import org.civicledger.command.meeting.MeetingCommands.CancelMeeting;
import org.civicledger.command.meeting.MeetingCommands.CorrectVote;
import org.civicledger.command.meeting.MeetingCommands.MakeMotion;
import org.civicledger.command.meeting.MeetingCommands.MemberMovement;
import org.civicledger.command.meeting.MeetingCommands.RecordVote;
import org.civicledger.command.meeting.MeetingCommands.RescheduleMeeting;
import org.civicledger.command.meeting.MeetingCommands.ScheduleMeeting;
import org.civicledger.command.meeting.MeetingCommands.TakeRollCall;
import org.civicledger.command.roster.Roster;
import org.civicledger.events.meeting.MeetingAdjourned;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingCancelled;
import org.civicledger.events.meeting.MeetingRescheduled;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MinutesApproved;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.RollCallTaken;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;

/**
 * A body's meeting: scheduled, its agenda drafted and published, held (attendance, motions, votes), adjourned — or
 * cancelled. The root owns the meeting's {@link MeetingStatus} and the rules that need more than one part of it;
 * its entities own their state: the {@link Agenda}, the {@link Attendance} and the {@link Floor} with its
 * {@link Motion}s. Approving the minutes, which looks at another meeting, is {@link MinutesApproval}'s. Revision: of
 * the state in snapshots (see LegislativeFile); 2 since the floor (motions, the pending one, tabled items) became an
 * entity of its own, 3 since each motion keeps the body, amendment or motion it names (its vote repeats them).
 */
@Aggregate(cache = AggregateStorage.MEETING_CACHE, snapshotTriggerDefinition = AggregateStorage.SNAPSHOT_TRIGGER)
@Revision("3")
@SnapshotState
public class Meeting {

    @AggregateIdentifier
    private String meetingId;
    private String bodyId;
    private OffsetDateTime startsAt;
    private ZoneId zone;
    private MeetingStatus status;
    @AggregateMember
    @JsonMerge
    private final Agenda agenda = new Agenda();
    @AggregateMember
    @JsonMerge
    private final Attendance attendance = new Attendance();
    @AggregateMember
    @JsonMerge
    private final Floor floor = new Floor();
    private boolean minutesApproved;

    protected Meeting() {
    }

    @CommandHandler
    public Meeting(ScheduleMeeting command, Roster roster) {
        if (!roster.isBodyCreated(command.bodyId())) {
            throw RuleViolation.unprocessable("body-not-registered",
                    "'" + command.bodyId() + "' is not a registered body.");
        }
        apply(new MeetingScheduled(command.meetingId(), command.bodyId(), command.startsAt(), command.timeZone(),
                command.location(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(RescheduleMeeting command) {
        status.require(MeetingStatus.SCHEDULED);
        apply(new MeetingRescheduled(meetingId, command.startsAt(), command.location(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(CancelMeeting command) {
        status.require(MeetingStatus.SCHEDULED);
        apply(new MeetingCancelled(meetingId, command.reason(), command.occurredAt()));
    }

    /** The agenda can change (and be re-published as an amended agenda) until the meeting ends. */
    @CommandHandlerInterceptor
    Object agendaOpen(AgendaChange change, InterceptorChain chain) throws Exception {
        if (status == MeetingStatus.CANCELLED || status == MeetingStatus.ADJOURNED) {
            status.require(MeetingStatus.SCHEDULED);
        }
        return chain.proceed();
    }

    @CommandHandlerInterceptor
    Object rollCalled(MemberMovement movement, InterceptorChain chain) throws Exception {
        requireRollCalled();
        return chain.proceed();
    }

    @CommandHandler
    public void handle(CallToOrder command) {
        status.require(MeetingStatus.SCHEDULED);
        apply(new MeetingCalledToOrder(meetingId, command.occurredAt()));
    }

    /**
     * Calling the roll of a scheduled meeting at or after its start opens it: the meeting is called to order at the
     * roll call's time, then the roll is taken. Before the start it must be called to order explicitly.
     */
    @CommandHandler
    public void handle(TakeRollCall command, Roster roster) {
        boolean opens = status == MeetingStatus.SCHEDULED;
        if (opens && command.occurredAt().isBefore(startsAt.toInstant())) {
            throw RuleViolation.conflict("meeting-not-in-progress", "This meeting has not been called to order, "
                    + "and a roll call at " + command.occurredAt() + " is before its scheduled start at "
                    + startsAt.toInstant() + ". Call it to order first if it opened early.");
        }
        if (!opens) {
            status.require(MeetingStatus.IN_PROGRESS);
        }
        attendance.requireRollCall(roster.seatedOn(bodyId, startsAt.atZoneSameInstant(zone).toLocalDate()), command);
        if (opens) {
            apply(new MeetingCalledToOrder(meetingId, command.occurredAt()));
        }
        apply(new RollCallTaken(meetingId, command.present(), command.absent(), command.excused(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(MakeMotion command, Files files, Roster roster) {
        requireRollCalled();
        String fileId = agenda.fileOf(command.itemId());
        floor.requireNothingPending();
        attendance.requirePresent(command.mover(), "mover", "mover-not-present");
        attendance.requirePresent(command.seconder(), "seconder", "seconder-not-present");
        if (command.mover().equals(command.seconder())) {
            throw RuleViolation.unprocessable("mover-cannot-second", "A member cannot second their own motion.");
        }
        MotionRules.check(command.kind(), fileId, command.mover(), command.referTo(), command.amendmentId(), files,
                roster);
        floor.requireTablingAllows(command.kind(), command.itemId());
        String reconsiders = floor.reconsiders(command.kind(), command.itemId(), command.mover());
        apply(new MotionMade(meetingId, command.motionId(), command.itemId(), fileId, command.kind(), command.mover(),
                command.seconder(), command.referTo(), command.amendmentId(), reconsiders, command.occurredAt()));
    }

    /** Answers the recorded vote: its result with the threshold, tally and ayes needed, for anyone to check. */
    @CommandHandler
    public VoteRecorded handle(RecordVote command, Roster roster) {
        status.require(MeetingStatus.IN_PROGRESS);
        Motion motion = floor.toVoteOn(command.motionId());
        if ((command.roll() == null) == (command.voice() == null)) {
            throw RuleViolation.badRequest("roll-or-voice", "Record either a roll-call vote or a voice vote.");
        }
        VoteRecorded vote = Voting.vote(meetingId, command, motion, roster.rulesOf(bodyId), attendance);
        apply(vote);
        return vote;
    }

    /** Corrects a roll-call vote at any time, even after adjournment (see {@link Voting#correction}). */
    @CommandHandler
    public VoteCorrected handle(CorrectVote command) {
        VoteCorrected correction = Voting.correction(meetingId, command, floor.recordOf(command.corrects()));
        apply(correction);
        return correction;
    }

    @CommandHandler
    public void handle(AdjournMeeting command) {
        status.require(MeetingStatus.IN_PROGRESS);
        apply(new MeetingAdjourned(meetingId, command.occurredAt()));
    }

    /** This meeting's part of approving its minutes (the rest is {@link MinutesApproval}'s): adjourned, not yet. */
    void requireMinutesOpen() {
        status.require(MeetingStatus.ADJOURNED);
        if (minutesApproved) {
            throw RuleViolation.conflict("minutes-already-approved",
                    "These minutes are approved; corrections now appear beside them.");
        }
    }

    /** Called by {@link MinutesApproval} once every rule has let the approval through. */
    void approveMinutes(ApproveMinutes command) {
        apply(new MinutesApproved(meetingId, command.text(), command.sha256(), command.approvingMeetingId(),
                command.motionId(), command.occurredAt()));
    }

    private void requireRollCalled() {
        status.require(MeetingStatus.IN_PROGRESS);
        if (!attendance.rollCallTaken()) {
            throw RuleViolation.conflict("roll-call-not-taken", "Call the roll before recording arrivals or departures.");
        }
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        meetingId = event.meetingId();
        bodyId = event.bodyId();
        startsAt = event.startsAt();
        zone = ZoneId.of(event.timeZone());
        status = MeetingStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(MeetingRescheduled event) {
        startsAt = event.startsAt();
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        status = MeetingStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(MeetingCalledToOrder event) {
        status = MeetingStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(MeetingAdjourned event) {
        status = MeetingStatus.ADJOURNED;
    }

    @EventSourcingHandler
    void on(MinutesApproved event) {
        minutesApproved = true;
    }
}
