package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/**
 * A passed motion to reconsider reopened the vote that decided the file: the file is open again until that
 * motion is voted on anew. {@code motionId} is the reconsidered motion, {@code reconsiderMotionId} the one that
 * reopened it.
 */
@Revision("1")
public record FileReopened(String fileId, String meetingId, String motionId, String reconsiderMotionId,
                           Instant occurredAt) implements CivicEvent {
}
