package org.civicledger.events.meeting;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/**
 * A motion on an agenda item, moved and seconded by members present. {@code fileId} is the item's file (null for
 * a plain item), {@code referTo} the body a REFER motion names, {@code amendmentId} the amendment an AMEND motion
 * would adopt, {@code reconsiders} the motion whose vote a RECONSIDER motion would reopen.
 */
@Revision("1")
public record MotionMade(String meetingId, String motionId, String itemId, String fileId, MotionKind kind,
                         String mover, String seconder, String referTo, String amendmentId, String reconsiders,
                         Instant occurredAt) implements CivicEvent {

    /** A motion that reconsiders nothing. */
    public MotionMade(String meetingId, String motionId, String itemId, String fileId, MotionKind kind, String mover,
                      String seconder, String referTo, String amendmentId, Instant occurredAt) {
        this(meetingId, motionId, itemId, fileId, kind, mover, seconder, referTo, amendmentId, null, occurredAt);
    }
}
