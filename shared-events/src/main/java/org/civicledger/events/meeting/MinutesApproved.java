package org.civicledger.events.meeting;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/**
 * The minutes of a meeting, approved by a passed motion at a later meeting: this exact text, with its SHA-256, is
 * the official account from now on. Later corrections appear beside it as corrections, never as edits.
 */
@Revision("1")
public record MinutesApproved(String meetingId, String text, String sha256, String approvingMeetingId,
                              String motionId, Instant occurredAt) implements CivicEvent {
}
