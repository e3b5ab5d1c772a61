package org.civicledger.events.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

@Revision("1")
public record MeetingRescheduled(String meetingId, OffsetDateTime startsAt, String location, Instant occurredAt)
        implements CivicEvent {
}
