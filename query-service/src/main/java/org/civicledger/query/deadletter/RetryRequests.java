package org.civicledger.query.deadletter;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * A clerk's request to retry the dead letters, carried out by the consumer between two polls, so a retry never
 * races the stream over the same aggregate.
 */
@Component
public class RetryRequests {

    private final AtomicBoolean requested = new AtomicBoolean();

    void request() {
        requested.set(true);
    }

    /** True once per request. */
    public boolean take() {
        return requested.getAndSet(false);
    }
}
