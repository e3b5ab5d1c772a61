package org.civicledger.events.meeting;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** Every member seated on the body on the meeting's date, each in exactly one list. */
@Revision("1")
public record RollCallTaken(String meetingId, List<String> present, List<String> absent, List<String> excused,
                            Instant occurredAt) implements CivicEvent {
}
