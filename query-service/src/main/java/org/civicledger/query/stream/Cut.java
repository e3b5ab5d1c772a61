package org.civicledger.query.stream;

import java.time.Instant;

/**
 * Which part of the record a past read sees. {@code asOf}: only events recorded by then (the record as the public saw
 * it); {@code occurredBy}: only actions the council took by then, with their corrections whenever recorded (the state
 * of affairs then, as known now); {@code atPosition}: the first N events. Any may be null; they combine.
 */
public record Cut(Instant asOf, Instant occurredBy, Long atPosition) {

    public static final Cut NONE = new Cut(null, null, null);

    public boolean isPast() {
        return asOf != null || occurredBy != null || atPosition != null;
    }
}
