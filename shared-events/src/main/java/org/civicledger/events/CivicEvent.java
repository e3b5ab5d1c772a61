package org.civicledger.events;

import java.time.Instant;

/**
 * Every event of the record. {@code occurredAt} is when the council acted, given by the clerk;
 * when it was recorded and by whom travel beside the event (store metadata, envelope), set by the server.
 */
public interface CivicEvent {

    Instant occurredAt();
}
