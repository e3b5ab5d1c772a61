package org.civicledger.command.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded;

/** The commands of a meeting's life, from scheduling through motions and votes to adjournment. */
public final class MeetingCommands {

    private MeetingCommands() {
    }

    /** A change to the draft or published agenda: the Agenda decides it once the Meeting finds the agenda open. */
    public sealed interface AgendaChange permits AddAgendaItem, RemoveAgendaItem, ReorderAgenda, PublishAgenda {
    }

    /** An arrival or departure after the roll call: the Attendance decides it once the Meeting is under way. */
    public sealed interface MemberMovement permits RecordArrival, RecordDeparture {
    }

    public record ScheduleMeeting(String meetingId, String bodyId, OffsetDateTime startsAt, String timeZone,
                                  String location, Instant occurredAt) {
    }

    public record RescheduleMeeting(@TargetAggregateIdentifier String meetingId, OffsetDateTime startsAt,
                                    String location, Instant occurredAt) {
    }

    public record CancelMeeting(@TargetAggregateIdentifier String meetingId, String reason, Instant occurredAt) {
    }

    public record AddAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, String fileId,
                                String title, boolean consent, Instant occurredAt) implements AgendaChange {
    }

    public record RemoveAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, Instant occurredAt)
            implements AgendaChange {
    }

    public record ReorderAgenda(@TargetAggregateIdentifier String meetingId, List<String> itemIds,
                                Instant occurredAt) implements AgendaChange {
    }

    public record PublishAgenda(@TargetAggregateIdentifier String meetingId, Instant occurredAt)
            implements AgendaChange {
    }

    public record CallToOrder(@TargetAggregateIdentifier String meetingId, Instant occurredAt) {
    }

    public record TakeRollCall(@TargetAggregateIdentifier String meetingId, List<String> present, List<String> absent,
                               List<String> excused, Instant occurredAt) {
    }

    public record RecordArrival(@TargetAggregateIdentifier String meetingId, String person, Instant occurredAt)
            implements MemberMovement {
    }

    public record RecordDeparture(@TargetAggregateIdentifier String meetingId, String person, Instant occurredAt)
            implements MemberMovement {
    }

    public record AdjournMeeting(@TargetAggregateIdentifier String meetingId, Instant occurredAt) {
    }

    public record MakeMotion(@TargetAggregateIdentifier String meetingId, String motionId, String itemId,
                             MotionKind kind, String mover, String seconder, String referTo, String amendmentId,
                             Instant occurredAt) {
    }

    /** Exactly one of {@code roll} (present members' choices) and {@code voice} (the chair's declared result). */
    public record RecordVote(@TargetAggregateIdentifier String meetingId, String motionId,
                             Map<String, VoteChoice> roll, VoteRecorded.Result voice, Instant occurredAt) {
    }

    /** A clerk's correction of a recorded roll-call vote ({@code corrects}: that vote's event id). */
    public record CorrectVote(@TargetAggregateIdentifier String meetingId, String corrects, String reason,
                              Map<String, VoteChoice> roll, Instant occurredAt) {
    }

    /** Approve these minutes ({@code text}, whose SHA-256 the clerk read) by a motion passed at a later meeting. */
    public record ApproveMinutes(@TargetAggregateIdentifier String meetingId, String text, String sha256,
                                 String approvingMeetingId, String motionId, Instant occurredAt) {
    }
}
