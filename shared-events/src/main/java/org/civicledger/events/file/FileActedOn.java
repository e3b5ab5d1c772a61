package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/**
 * What a decided motion did to the file: ADOPTED, FAILED, PLACED_ON_FILE or WITHDRAWN (a referral is a
 * {@link FileReferred}). Each closes the file: it then takes no motion but reconsideration (and corrections).
 * It names the meeting and motion whose vote decided it.
 */
@Revision("1")
public record FileActedOn(String fileId, Action action, String meetingId, String motionId, Instant occurredAt)
        implements CivicEvent {

    public enum Action { ADOPTED, FAILED, PLACED_ON_FILE, WITHDRAWN }
}
