package org.civicledger.query.stream;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The highest global position this projection has committed. With the topic's single partition events arrive in
 * global order, so reaching N means every event up to N is visible (read-your-writes).
 */
@Component
public class ProjectionPosition {

    private final Object lock = new Object();
    private long position;

    public ProjectionPosition(JdbcTemplate jdbc) {
        Long stored = jdbc.queryForObject("SELECT COALESCE(MAX(position), 0) FROM event_log", Long.class);
        position = stored == null ? 0 : stored;
    }

    public long current() {
        synchronized (lock) {
            return position;
        }
    }

    void advanceTo(long committed) {
        synchronized (lock) {
            if (committed > position) {
                position = committed;
                lock.notifyAll();
            }
        }
    }

    /** Waits until the projection has reached {@code wanted}; false if it has not within {@code timeout}. */
    public boolean awaitAtLeast(long wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (position < wanted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
