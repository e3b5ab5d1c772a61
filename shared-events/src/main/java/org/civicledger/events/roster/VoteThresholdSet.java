package org.civicledger.events.roster;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.meeting.MotionKind;

/** The threshold a body applies to one kind of motion from now on (default {@link VoteThreshold#MAJORITY_CAST}). */
@Revision("1")
public record VoteThresholdSet(String bodyId, MotionKind motion, VoteThreshold threshold, Instant occurredAt)
        implements CivicEvent {
}
