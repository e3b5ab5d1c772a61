package org.civicledger.query.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicledger.query.history.Selection;
import org.civicledger.query.stream.ProjectionPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every open stream, and the one fan-out that feeds them. When the projection commits a batch
 * ({@link ProjectionPosition#onCommitted}), one thread reads the new rows of event_log once, in position order, and
 * offers each to every subscriber; writer threads, shared by all, put them on the wire. A stream costs a queue, not a
 * thread. It stops before the web server's graceful shutdown (a higher phase stops first) and closes every stream, so
 * open streams never hold shutdown up.
 */
@Component
class Subscriptions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    private static final int FAN_OUT_PAGE = 500;

    /** A stream is refused: too many open, or the service is stopping. */
    static final class Refused extends RuntimeException {
        final String rule;

        Refused(String rule, String message) {
            super(message);
            this.rule = rule;
        }
    }

    private final LiveSettings settings;
    private final EventLogReader eventLog;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final Timer delivery;
    private final AtomicBoolean catchUpPending = new AtomicBoolean();
    private volatile boolean running;
    private volatile ExecutorService writers;
    private volatile ExecutorService fanOut;
    private volatile ScheduledExecutorService clock;
    /** The last position offered to subscribers; only the fan-out thread writes it. */
    private volatile long dispatched;
    /** The highest position the projection has committed, as last told. */
    private final AtomicLong committed = new AtomicLong();

    Subscriptions(LiveSettings settings, EventLogReader eventLog, ProjectionPosition position, MeterRegistry meters) {
        this.settings = settings;
        this.eventLog = eventLog;
        this.slots = new Semaphore(settings.maxSubscribers());
        position.onCommitted(reached -> {
            committed.accumulateAndGet(reached, Math::max);
            catchUp();
        });
        Gauge.builder("civic.stream.subscribers", subscribers, Set::size).description("open SSE streams")
                .register(meters);
        delivery = Timer.builder("civic.stream.delivery").description("from reading a committed event to writing it "
                + "to a live subscriber").publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Opens a stream that resumes after {@code lastEventId}; throws {@link Refused} when it cannot. */
    Subscriber open(Selection selection, long lastEventId, Sink sink) {
        if (!running) {
            throw new Refused("stream-closing", "The service is shutting down; reconnect shortly.");
        }
        if (!slots.tryAcquire()) {
            throw new Refused("too-many-subscribers", "The live stream has " + settings.maxSubscribers()
                    + " subscribers, as many as it serves at once; try again shortly.");
        }
        Subscriber[] self = new Subscriber[1];
        self[0] = new Subscriber(selection, lastEventId, sink, eventLog::after, writers, settings.bufferSize(),
                settings.replayPage(), () -> {
                    subscribers.remove(self[0]);
                    slots.release();
                }, nanos -> delivery.record(nanos, TimeUnit.NANOSECONDS));
        // Registered for live events before its replay reads the table: nothing committed in between is missed.
        subscribers.add(self[0]);
        self[0].start();
        return self[0];
    }

    @Override
    public void start() {
        writers = Executors.newFixedThreadPool(settings.writers(), named("stream-writer"));
        fanOut = Executors.newSingleThreadExecutor(named("stream-fan-out"));
        clock = Executors.newSingleThreadScheduledExecutor(named("stream-clock"));
        dispatched = eventLog.lastPosition();
        running = true;
        long beat = settings.heartbeat().toMillis();
        clock.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        catchUp();
    }

    /** Closes every stream and waits briefly for them to end; clients reconnect elsewhere with Last-Event-ID. */
    @Override
    public void stop() {
        running = false;
        List.copyOf(subscribers).forEach(Subscriber::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!subscribers.isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
        clock.shutdownNow();
        fanOut.shutdownNow();
        writers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Coalesced: many commits while a catch-up runs need only one more. */
    private void catchUp() {
        if (running && catchUpPending.compareAndSet(false, true)) {
            try {
                fanOut.execute(() -> {
                    catchUpPending.set(false);
                    fanOutNewEvents();
                });
            } catch (RejectedExecutionException e) {
                // Stopping: the streams are being closed anyway. Never let it reach the consumer's thread.
                catchUpPending.set(false);
            }
        }
    }

    private void fanOutNewEvents() {
        if (subscribers.isEmpty()) {
            // No one to offer them to (a rebuild, or simply no one watching): nothing is read. A stream that opens
            // later registers first and then replays from event_log itself, which holds everything committed by now.
            dispatched = Math.max(dispatched, committed.get());
            return;
        }
        try {
            List<LiveEvent> batch;
            do {
                batch = eventLog.after(dispatched, Selection.ALL, FAN_OUT_PAGE);
                for (LiveEvent event : batch) {
                    subscribers.forEach(s -> s.offer(event));
                    dispatched = event.position();
                }
            } while (batch.size() == FAN_OUT_PAGE && running);
        } catch (RuntimeException e) {
            // The store is away: the next commit (or heartbeat) tries again from the same position.
            log.warn("live stream could not read new events: {}", e.toString());
        }
    }

    private void beat() {
        long maxAge = settings.maxDuration().toNanos();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.ageNanos() > maxAge) {
                subscriber.close();
            } else {
                subscriber.heartbeat();
            }
        }
        catchUp();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
