package org.civicledger.query.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The highest global position this projection has committed (applied, or parked as a dead letter). With the topic's
 * single partition events arrive in global order, so reaching N means every event up to N has been processed
 * (read-your-writes). Readers waiting for a position register a callback instead of holding a thread.
 */
@Component
public class ProjectionPosition {

    /** A reader waiting for {@code wanted}; {@code onReached} runs once, on the consumer's thread. */
    public record Waiter(long wanted, Runnable onReached) {
    }

    private final Object lock = new Object();
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>((a, b) -> Long.compare(a.wanted(), b.wanted()));
    private final List<LongConsumer> committedListeners = new CopyOnWriteArrayList<>();
    private final long aheadWindow;
    private final AtomicLong changes = new AtomicLong();
    private long position;
    private volatile boolean atTopicEnd;

    public ProjectionPosition(JdbcTemplate jdbc, @Value("${civic.query.ahead-window}") long aheadWindow,
                              MeterRegistry meters) {
        this.aheadWindow = aheadWindow;
        // How far behind the topic the read models are is Kafka's own consumer lag (kafka.consumer.fetch.manager.*).
        Gauge.builder("civic.projection.position", this::current).description("highest position applied")
                .register(meters);
        Long stored = jdbc.queryForObject("""
                SELECT GREATEST((SELECT COALESCE(MAX(position), 0) FROM event_log),
                                (SELECT COALESCE(MAX(position), 0) FROM dead_letter))""", Long.class);
        position = stored == null ? 0 : stored;
    }

    public long current() {
        synchronized (lock) {
            return position;
        }
    }

    /**
     * Counts what may have changed the read models, after its commit: every applied batch and every dead-letter
     * retry (a retry changes them below the position, which therefore does not move). Whatever was read from the read
     * models while this count stood at N may be stale once it is past N.
     */
    public long changes() {
        return changes.get();
    }

    /** A dead-letter retry committed. */
    void retried() {
        changes.incrementAndGet();
    }

    /**
     * Tells {@code listener} the position of every batch once its transaction has committed (so whatever it reads
     * from event_log then is there to stay), on the consumer's thread: it must hand the work off, never block.
     */
    public void onCommitted(LongConsumer listener) {
        committedListeners.add(listener);
    }

    /** Called with what a batch's transaction committed, after the commit. */
    void advanceTo(long committed) {
        List<Waiter> reached = new ArrayList<>();
        synchronized (lock) {
            if (committed > position) {
                position = committed;
            }
            changes.incrementAndGet();
            while (!waiters.isEmpty() && waiters.peek().wanted() <= position) {
                reached.add(waiters.poll());
            }
        }
        reached.forEach(w -> w.onReached().run());
        committedListeners.forEach(l -> l.accept(committed));
    }

    /** The consumer read everything the topic held when it last fetched. */
    void reportTopicEnd(boolean reached) {
        atTopicEnd = reached;
    }

    /**
     * True when {@code wanted} lies beyond anything published so far: the consumer is at the topic's end and the
     * position is further ahead than the publisher could plausibly be behind the store. Waiting would not help.
     */
    public boolean isBeyondPublished(long wanted) {
        return atTopicEnd && wanted > current() + aheadWindow;
    }

    /** Registers {@code waiter}; false (and nothing registered) if the position is already reached. */
    public boolean await(Waiter waiter) {
        synchronized (lock) {
            if (position >= waiter.wanted()) {
                return false;
            }
            waiters.add(waiter);
            return true;
        }
    }

    /** Forgets a waiter that gave up; true if it was still waiting. */
    public boolean cancel(Waiter waiter) {
        synchronized (lock) {
            return waiters.remove(waiter);
        }
    }
}
