package org.civicledger.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.civicledger.query.history.Selection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's buffer rules, against an event log held in a list: an overflow while replaying only means reading
 * the log again (nothing lost, nothing twice); a client too slow while live is dropped and its slot given back.
 */
class SubscriberTest {

    private final List<LiveEvent> log = new CopyOnWriteArrayList<>();
    private final ExecutorService writers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    private static LiveEvent event(long position) {
        return LiveEvent.of(position, new Selection.Facts("CosponsorAdded", "LegislativeFile", "f", null, null, null),
                ("{\"position\":" + position + "}").getBytes(StandardCharsets.UTF_8));
    }

    private List<LiveEvent> after(long position, Selection selection, int limit) {
        return log.stream().filter(e -> e.position() > position).limit(limit).toList();
    }

    /** The event positions a sink saw, in order. */
    private static List<Long> positions(List<String> frames) {
        return frames.stream().filter(f -> f.startsWith("id: "))
                .map(f -> Long.parseLong(f.substring(4, f.indexOf('\n')))).toList();
    }

    @Test
    void eventsArrivingFasterThanTheBufferDuringReplayAreReadAgainFromTheLog() {
        LongStream.rangeClosed(1, 10).forEach(p -> log.add(event(p)));
        List<String> frames = new CopyOnWriteArrayList<>();
        Subscriber[] subscriber = new Subscriber[1];
        AtomicInteger sent = new AtomicInteger();
        Sink sink = new Sink() {
            @Override
            public void send(String frame) {
                frames.add(frame);
                if (sent.incrementAndGet() == 3) {
                    // While the replay is busy, 8 events commit and are fanned out: more than the buffer holds.
                    for (long p = 11; p <= 18; p++) {
                        log.add(event(p));
                        subscriber[0].offer(event(p));
                    }
                }
            }

            @Override
            public void close() {
            }
        };
        subscriber[0] = new Subscriber(Selection.ALL, 0, sink, this::after, writers, 4, 3, () -> { }, nanos -> { });
        subscriber[0].start();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> positions(frames).size() >= 18);
        subscriber[0].offer(event(19));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> positions(frames).size() >= 19);
        assertThat(positions(frames)).containsExactlyElementsOf(LongStream.rangeClosed(1, 19).boxed().toList());
    }

    @Test
    void aClientTooSlowWhileLiveIsDroppedAndItsSlotGivenBack() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        AtomicBoolean released = new AtomicBoolean();
        List<String> frames = new CopyOnWriteArrayList<>();
        Sink sink = new Sink() {
            @Override
            public void send(String frame) throws java.io.IOException {
                frames.add(frame);
                if (frame.startsWith("id: 1\n")) {
                    try {
                        stalled.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        Subscriber subscriber = new Subscriber(Selection.ALL, 0, sink, this::after, writers, 3, 10,
                () -> released.set(true), nanos -> { });
        subscriber.start();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(subscriber::isLive);

        subscriber.offer(event(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);
        for (long p = 2; p <= 5; p++) {
            subscriber.offer(event(p));
        }
        stalled.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(closed::get);
        assertThat(released).isTrue();
        assertThat(positions(frames)).as("nothing after the drop").containsExactly(1L);
    }

    @Test
    void onlyTheSelectedEventsAreQueued() {
        List<String> frames = new CopyOnWriteArrayList<>();
        Sink sink = new Sink() {
            @Override
            public void send(String frame) {
                frames.add(frame);
            }

            @Override
            public void close() {
            }
        };
        Subscriber subscriber = new Subscriber(Selection.aboutFile("other"), 0, sink, this::after, writers, 3, 10,
                () -> { }, nanos -> { });
        subscriber.start();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(subscriber::isLive);
        for (long p = 1; p <= 10; p++) {
            subscriber.offer(event(p));
        }
        subscriber.heartbeat();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.contains(Subscriber.HEARTBEAT));
        assertThat(positions(frames)).isEmpty();
    }
}
