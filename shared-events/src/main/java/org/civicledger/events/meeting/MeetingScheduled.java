package org.civicledger.events.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** {@code startsAt} carries its UTC offset; {@code timeZone} (e.g. America/Chicago) names the city's zone. */
@Revision("1")
public record MeetingScheduled(String meetingId, String bodyId, OffsetDateTime startsAt, String timeZone,
                               String location, Instant occurredAt) implements CivicEvent {
}
