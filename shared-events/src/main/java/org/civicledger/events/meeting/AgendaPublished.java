package org.civicledger.events.meeting;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/**
 * A frozen, numbered agenda. Version 1 is the agenda; later versions are amended agendas. Every version stays
 * visible, so the event carries the whole list as published.
 */
@Revision("1")
public record AgendaPublished(String meetingId, int version, List<Item> items, Instant occurredAt)
        implements CivicEvent {

    /** {@code number} is the item's place on this version, from 1. */
    public record Item(int number, String itemId, String fileId, String title, boolean consent) {
    }
}
