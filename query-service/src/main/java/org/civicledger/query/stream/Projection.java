package org.civicledger.query.stream;

import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;

/** A read model fed by events. Called once per event, inside the transaction that records the event as seen. */
public interface Projection {

    void apply(EventEnvelope envelope, CivicEvent event);

    /** True for a projection built from other read models (the search index): the fold runs it after them. */
    default boolean readsOtherReadModels() {
        return false;
    }
}
