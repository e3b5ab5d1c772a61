package org.civicledger.query.live;

import java.nio.charset.StandardCharsets;
import org.civicledger.query.history.Selection;

/**
 * One event as the stream sends it: its SSE frame, encoded once and shared by every subscriber, the facts a
 * {@link Selection} tests, and when it was read from event_log (for the delivery-time metric).
 */
record LiveEvent(long position, Selection.Facts facts, String frame, long readNanos) {

    /** {@code id:} the global position, {@code event:} the type, {@code data:} the envelope bytes (one line). */
    static LiveEvent of(long position, Selection.Facts facts, byte[] envelope) {
        String data = new String(envelope, StandardCharsets.UTF_8);
        return new LiveEvent(position, facts, "id: " + position + "\nevent: " + facts.type() + "\ndata: " + data
                + "\n\n", System.nanoTime());
    }
}
