package org.civicledger.command.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a meeting's life, from scheduling to adjournment; each names the meeting it acts on. */
public final class MeetingCommands {

    private MeetingCommands() {
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
                                String title, boolean consent, Instant occurredAt) {
    }

    public record RemoveAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, Instant occurredAt) {
    }

    public record ReorderAgenda(@TargetAggregateIdentifier String meetingId, List<String> itemIds,
                                Instant occurredAt) {
    }

    public record PublishAgenda(@TargetAggregateIdentifier String meetingId, Instant occurredAt) {
    }

    public record CallToOrder(@TargetAggregateIdentifier String meetingId, Instant occurredAt) {
    }

    public record TakeRollCall(@TargetAggregateIdentifier String meetingId, List<String> present, List<String> absent,
                               List<String> excused, Instant occurredAt) {
    }

    public record RecordArrival(@TargetAggregateIdentifier String meetingId, String person, Instant occurredAt) {
    }

    public record RecordDeparture(@TargetAggregateIdentifier String meetingId, String person, Instant occurredAt) {
    }

    public record AdjournMeeting(@TargetAggregateIdentifier String meetingId, Instant occurredAt) {
    }
}
