package org.civicledger.events.meeting;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

@Revision("1")
public record MemberDeparted(String meetingId, String person, Instant occurredAt) implements CivicEvent {
}
