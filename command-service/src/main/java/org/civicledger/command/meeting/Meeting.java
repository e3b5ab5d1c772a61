package org.civicledger.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.civicledger.command.ledger.AggregateStorage;
import org.civicledger.command.file.Files;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.command.meeting.MeetingCommands.AddAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.AdjournMeeting;
import org.civicledger.command.meeting.MeetingCommands.ApproveMinutes;
import org.civicledger.command.meeting.MeetingCommands.CallToOrder;
import org.civicledger.command.meeting.MeetingCommands.CancelMeeting;
import org.civicledger.command.meeting.MeetingCommands.CorrectVote;
import org.civicledger.command.meeting.MeetingCommands.MakeMotion;
import org.civicledger.command.meeting.MeetingCommands.PublishAgenda;
import org.civicledger.command.meeting.MeetingCommands.RecordArrival;
import org.civicledger.command.meeting.MeetingCommands.RecordDeparture;
import org.civicledger.command.meeting.MeetingCommands.RecordVote;
import org.civicledger.command.meeting.MeetingCommands.RemoveAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.ReorderAgenda;
import org.civicledger.command.meeting.MeetingCommands.RescheduleMeeting;
import org.civicledger.command.meeting.MeetingCommands.ScheduleMeeting;
import org.civicledger.command.meeting.MeetingCommands.TakeRollCall;
import org.civicledger.command.roster.BodyRules;
import org.civicledger.command.roster.Roster;
import org.civicledger.events.Sha256;
import org.civicledger.events.meeting.AgendaItemAdded;
import org.civicledger.events.meeting.AgendaItemRemoved;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.AgendaReordered;
import org.civicledger.events.meeting.MeetingAdjourned;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingCancelled;
import org.civicledger.events.meeting.MeetingRescheduled;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MemberArrived;
import org.civicledger.events.meeting.MemberDeparted;
import org.civicledger.events.meeting.MinutesApproved;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.RollCallTaken;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.roster.VoteThreshold;

/**
 * A body's meeting: scheduled, its agenda drafted and published, held (attendance, motions, votes), adjourned — or
 * cancelled. One motion is on the floor at a time. Revision: of the state in snapshots (see LegislativeFile).
 */
@Aggregate(cache = AggregateStorage.MEETING_CACHE, snapshotTriggerDefinition = AggregateStorage.SNAPSHOT_TRIGGER)
@Revision("1")
@SnapshotState
public class Meeting {

    enum Status { SCHEDULED, IN_PROGRESS, ADJOURNED, CANCELLED }

    @AggregateIdentifier
    private String meetingId;
    private String bodyId;
    private OffsetDateTime startsAt;
    private ZoneId zone;
    private Status status;
    @JsonMerge
    private final Agenda agenda = new Agenda();
    @JsonMerge
    private final Attendance attendance = new Attendance();
    /** In the order made: a tie in vote times (see Voting.reconsiderable) resolves the same after a snapshot. */
    @JsonMerge
    private final Map<String, Motion> motions = new LinkedHashMap<>();
    private String pendingMotion;
    @JsonMerge
    private final Set<String> tabledItems = new HashSet<>();
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
        requireStatus(Status.SCHEDULED);
        apply(new MeetingRescheduled(meetingId, command.startsAt(), command.location(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(CancelMeeting command) {
        requireStatus(Status.SCHEDULED);
        apply(new MeetingCancelled(meetingId, command.reason(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(AddAgendaItem command, Files files) {
        requireAgendaOpen();
        if (command.fileId() == null && command.title() == null) {
            throw RuleViolation.unprocessable("agenda-item-needs-file-or-title",
                    "An agenda item names a legislative file, a title, or both.");
        }
        if (command.fileId() != null && !files.exists(command.fileId())) {
            throw RuleViolation.unprocessable("file-not-registered",
                    "There is no legislative file '" + command.fileId() + "'.");
        }
        agenda.requireCanAdd(command.fileId());
        apply(new AgendaItemAdded(meetingId, command.itemId(), command.fileId(), command.title(), command.consent(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(RemoveAgendaItem command) {
        requireAgendaOpen();
        agenda.requireItem(command.itemId());
        apply(new AgendaItemRemoved(meetingId, command.itemId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ReorderAgenda command) {
        requireAgendaOpen();
        agenda.requireSameItems(command.itemIds());
        apply(new AgendaReordered(meetingId, command.itemIds(), command.occurredAt()));
    }

    /** Answers the version number just published. */
    @CommandHandler
    public int handle(PublishAgenda command) {
        requireAgendaOpen();
        int version = agenda.nextVersion();
        apply(new AgendaPublished(meetingId, version, agenda.nextVersionItems(), command.occurredAt()));
        return version;
    }

    @CommandHandler
    public void handle(CallToOrder command) {
        requireStatus(Status.SCHEDULED);
        apply(new MeetingCalledToOrder(meetingId, command.occurredAt()));
    }

    /**
     * Calling the roll of a scheduled meeting at or after its start opens it: the meeting is called to order at the
     * roll call's time, then the roll is taken. Before the start it must be called to order explicitly.
     */
    @CommandHandler
    public void handle(TakeRollCall command, Roster roster) {
        boolean opens = status == Status.SCHEDULED;
        if (opens && command.occurredAt().isBefore(startsAt.toInstant())) {
            throw RuleViolation.conflict("meeting-not-in-progress", "This meeting has not been called to order, "
                    + "and a roll call at " + command.occurredAt() + " is before its scheduled start at "
                    + startsAt.toInstant() + ". Call it to order first if it opened early.");
        }
        if (!opens) {
            requireStatus(Status.IN_PROGRESS);
        }
        if (attendance.rollCallTaken()) {
            throw RuleViolation.conflict("roll-call-already-taken",
                    "The roll was already called; record later arrivals and departures instead.");
        }
        Attendance.requireComplete(roster.seatedOn(bodyId, startsAt.atZoneSameInstant(zone).toLocalDate()),
                command.present(), command.absent(), command.excused());
        if (opens) {
            apply(new MeetingCalledToOrder(meetingId, command.occurredAt()));
        }
        apply(new RollCallTaken(meetingId, command.present(), command.absent(), command.excused(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(RecordArrival command) {
        requireRollCalled();
        attendance.requireCanArrive(command.person());
        apply(new MemberArrived(meetingId, command.person(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(RecordDeparture command) {
        requireRollCalled();
        attendance.requireCanDepart(command.person());
        apply(new MemberDeparted(meetingId, command.person(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(MakeMotion command, Files files, Roster roster) {
        requireRollCalled();
        String fileId = agenda.fileOf(command.itemId());
        if (pendingMotion != null) {
            throw RuleViolation.conflict("motion-pending",
                    "A " + motions.get(pendingMotion).kind() + " motion is on the floor; vote on it first.");
        }
        attendance.requirePresent(command.mover(), "mover", "mover-not-present");
        attendance.requirePresent(command.seconder(), "seconder", "seconder-not-present");
        if (command.mover().equals(command.seconder())) {
            throw RuleViolation.unprocessable("mover-cannot-second", "A member cannot second their own motion.");
        }
        MotionRules.check(command.kind(), fileId, command.mover(), command.referTo(), command.amendmentId(), files,
                roster);
        requireTablingAllows(command.kind(), command.itemId());
        String reconsiders = command.kind() == MotionKind.RECONSIDER
                ? Voting.reconsiderable(motions.values(), command.itemId(), command.mover()) : null;
        apply(new MotionMade(meetingId, command.motionId(), command.itemId(), fileId, command.kind(), command.mover(),
                command.seconder(), command.referTo(), command.amendmentId(), reconsiders, command.occurredAt()));
    }

    /** A tabled item takes no motion but one to take it from the table. */
    private void requireTablingAllows(MotionKind kind, String itemId) {
        boolean tabled = tabledItems.contains(itemId);
        if (tabled && kind != MotionKind.TAKE_FROM_TABLE) {
            throw RuleViolation.conflict("item-tabled", "This item is on the table; move to take it from the table.");
        }
        if (!tabled && kind == MotionKind.TAKE_FROM_TABLE) {
            throw RuleViolation.conflict("item-not-tabled", "This item is not on the table.");
        }
    }

    /** Answers the recorded vote: its result with the threshold, tally and ayes needed, for anyone to check. */
    @CommandHandler
    public VoteRecorded handle(RecordVote command, Roster roster) {
        requireStatus(Status.IN_PROGRESS);
        Motion motion = motions.get(command.motionId());
        if (motion == null) {
            throw RuleViolation.notFound("motion-not-found", "This meeting has no motion '" + command.motionId() + "'.");
        }
        if (!command.motionId().equals(pendingMotion)) {
            throw RuleViolation.conflict("motion-already-decided", "This motion has already been voted on.");
        }
        if ((command.roll() == null) == (command.voice() == null)) {
            throw RuleViolation.badRequest("roll-or-voice", "Record either a roll-call vote or a voice vote.");
        }
        BodyRules rules = roster.rulesOf(bodyId);
        Set<String> present = attendance.with(Attendance.Status.PRESENT);
        if (present.size() < rules.quorumRequired()) {
            throw RuleViolation.conflict("no-quorum", present.size() + " of " + rules.seats() + " members present; "
                    + "a quorum (" + rules.quorum() + ") needs " + rules.quorumRequired() + ". No quorum, no vote.");
        }
        VoteThreshold threshold = rules.threshold(motion.kind());
        VoteRecorded vote = command.roll() == null
                ? new VoteRecorded(meetingId, command.motionId(), motion.fileId(), motion.kind(), Method.VOICE,
                        List.of(), command.voice(), threshold, null, null, present.size(), rules.seats(),
                        command.occurredAt())
                : rollCallVote(command, motion, threshold, present, rules.seats());
        apply(vote);
        return vote;
    }

    private VoteRecorded rollCallVote(RecordVote command, Motion motion, VoteThreshold threshold,
                                      Set<String> present, int seats) {
        Voting.Count count = Voting.count(command.roll(), present,
                attendance.with(Attendance.Status.ABSENT, Attendance.Status.DEPARTED),
                attendance.with(Attendance.Status.EXCUSED), threshold, present.size(), seats);
        return new VoteRecorded(meetingId, command.motionId(), motion.fileId(), motion.kind(), Method.ROLL_CALL,
                count.votes(), count.result(), threshold, count.tally(), count.needed(), present.size(), seats,
                command.occurredAt());
    }

    /** Corrects a roll-call vote at any time, even after adjournment (see {@link Voting#correction}). */
    @CommandHandler
    public VoteCorrected handle(CorrectVote command) {
        Motion motion = motions.values().stream().filter(m -> m.isRecord(command.corrects())).findFirst()
                .orElseThrow(() -> RuleViolation.unprocessable("not-the-current-vote-record",
                        "'" + command.corrects() + "' is not the current record of a vote at this meeting."));
        VoteCorrected correction = Voting.correction(meetingId, command, motion);
        apply(correction);
        return correction;
    }

    /** Freezes the text the council approved; the hash proves the text is the one the clerk read. */
    @CommandHandler
    public void handle(ApproveMinutes command, Motions decided) {
        requireStatus(Status.ADJOURNED);
        if (minutesApproved) {
            throw RuleViolation.conflict("minutes-already-approved",
                    "These minutes are approved; corrections now appear beside them.");
        }
        if (!Sha256.hex(command.text()).equals(command.sha256())) {
            throw RuleViolation.unprocessable("minutes-hash-mismatch",
                    "The SHA-256 given is not the SHA-256 of the text given.");
        }
        if (command.approvingMeetingId().equals(meetingId)
                || !decided.passedPlainAdopt(command.approvingMeetingId(), command.motionId())) {
            throw RuleViolation.unprocessable("minutes-need-a-passed-motion", "Minutes are approved by a passed "
                    + "ADOPT motion on a plain agenda item of a later meeting; that motion is not one.");
        }
        apply(new MinutesApproved(meetingId, command.text(), command.sha256(), command.approvingMeetingId(),
                command.motionId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(AdjournMeeting command) {
        requireStatus(Status.IN_PROGRESS);
        apply(new MeetingAdjourned(meetingId, command.occurredAt()));
    }

    private void requireStatus(Status expected) {
        if (status == expected) {
            return;
        }
        throw switch (status) {
            case CANCELLED -> RuleViolation.conflict("meeting-cancelled", "This meeting was cancelled.");
            case ADJOURNED -> RuleViolation.conflict("meeting-adjourned", "This meeting has adjourned.");
            case IN_PROGRESS -> RuleViolation.conflict("meeting-in-progress",
                    "This meeting has been called to order.");
            case SCHEDULED -> RuleViolation.conflict("meeting-not-in-progress",
                    "This meeting has not been called to order.");
        };
    }

    /** The agenda can change (and be re-published as an amended agenda) until the meeting ends. */
    private void requireAgendaOpen() {
        if (status == Status.CANCELLED || status == Status.ADJOURNED) {
            requireStatus(Status.SCHEDULED);
        }
    }

    private void requireRollCalled() {
        requireStatus(Status.IN_PROGRESS);
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
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(MeetingRescheduled event) {
        startsAt = event.startsAt();
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(AgendaItemAdded event) {
        agenda.added(new Agenda.Item(event.itemId(), event.fileId(), event.title(), event.consent()));
    }

    @EventSourcingHandler
    void on(AgendaItemRemoved event) {
        agenda.removed(event.itemId());
    }

    @EventSourcingHandler
    void on(AgendaReordered event) {
        agenda.reordered(event.itemIds());
    }

    @EventSourcingHandler
    void on(AgendaPublished event) {
        agenda.published(event.version());
    }

    @EventSourcingHandler
    void on(MeetingCalledToOrder event) {
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(RollCallTaken event) {
        attendance.rollCall(event.present(), event.absent(), event.excused());
    }

    @EventSourcingHandler
    void on(MemberArrived event) {
        attendance.arrived(event.person());
    }

    @EventSourcingHandler
    void on(MemberDeparted event) {
        attendance.departed(event.person());
    }

    @EventSourcingHandler
    void on(MotionMade event) {
        motions.put(event.motionId(), new Motion(event.motionId(), event.kind(), event.itemId(), event.fileId(),
                event.reconsiders()));
        pendingMotion = event.motionId();
    }

    @EventSourcingHandler
    void on(VoteRecorded event, @MessageIdentifier String eventId) {
        Motion motion = motions.get(event.motionId());
        motion.voted(event, eventId);
        pendingMotion = null;
        if (event.result() != Result.PASSED) {
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

    /** The corrected roll becomes the record a later correction must name. */
    @EventSourcingHandler
    void on(VoteCorrected event, @MessageIdentifier String eventId) {
        Motion motion = motions.get(event.motionId());
        VoteRecorded was = motion.vote();
        motion.voted(new VoteRecorded(meetingId, event.motionId(), event.fileId(), event.kind(), was.method(),
                event.votes(), event.result(), event.threshold(), event.tally(), event.needed(), event.present(),
                event.seats(), event.occurredAt()), eventId);
    }

    @EventSourcingHandler
    void on(MinutesApproved event) {
        minutesApproved = true;
    }

    @EventSourcingHandler
    void on(MeetingAdjourned event) {
        status = Status.ADJOURNED;
    }
}
