package org.civicledger.command.ledger;

import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Global positions as one tracking processor sees them, mostly without a query. A token's index is the highest
 * position the stream has seen. For an event past everything seen before, that is the event's own position; for one
 * filling an earlier gap (or the first after a start, or a retry) it is not, so that one's position is read back by
 * its id. With appends serialised, gaps are rolled-back inserts that stay empty, so nearly every event takes the
 * first path. One instance per processor: what it has seen is that processor's stream.
 */
public final class TrackedPositions {

    private final EventPositions positions;
    /** The highest token index this processor has been handed; -1 until the first event. */
    private final AtomicLong highestSeen = new AtomicLong(-1);

    public TrackedPositions(EventPositions positions) {
        this.positions = positions;
    }

    public long of(EventMessage<?> message, TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            long index = gapAware.getIndex();
            long before = highestSeen.getAndAccumulate(index, Math::max);
            if (before >= 0 && index > before) {
                return index;
            }
        }
        return positions.of(message.getIdentifier());
    }
}
