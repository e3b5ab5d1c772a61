package org.civicledger.query.stream;

/**
 * A read model fed by events: its {@link Handles} methods are called once per event of their type, inside the
 * transaction that records the event as seen. It owns its tables, writes them through {@link ReadModelWrites} and
 * answers the reads of them.
 */
public interface Projection {

    /** True for a projection built from other read models (the search index): the fold runs it after them. */
    default boolean readsOtherReadModels() {
        return false;
    }
}
