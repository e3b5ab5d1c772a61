package org.civicledger.query.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;
import org.civicledger.query.history.Selection;

/**
 * One open stream. It first replays event_log after the client's last event id, while live events queue up behind
 * it, then sends the queue: everything in position order, none missed (it was registered for live events before the
 * replay read the table), none twice (only positions above the last sent go out). It holds no thread: a writer task
 * runs on the shared pool only while there is something to send, and only one at a time, so frames never interleave.
 * Its buffer is bounded: during the replay an overflow just means reading the table again; live, the client is too
 * slow and is dropped.
 */
final class Subscriber {

    private enum State { REPLAYING, LIVE, CLOSED }

    static final String HEARTBEAT = ":\n\n";

    private final Selection selection;
    private final Sink sink;
    private final Replay log;
    private final Executor writers;
    private final int bufferSize;
    private final int replayPage;
    private final Runnable onClosed;
    private final LongConsumer liveDelivered;
    private final long openedAt = System.nanoTime();

    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private State state = State.REPLAYING;
    private boolean writing = true;
    private boolean overflowedWhileReplaying;
    private boolean released;
    /** Only the writer task touches it. */
    private long lastSent;

    /** Where missed events are read from: event_log ({@link EventLogReader#after}). */
    interface Replay {
        List<LiveEvent> after(long position, Selection selection, int limit);
    }

    Subscriber(Selection selection, long lastEventId, Sink sink, Replay log, Executor writers, int bufferSize,
               int replayPage, Runnable onClosed, LongConsumer liveDelivered) {
        this.selection = selection;
        this.lastSent = lastEventId;
        this.sink = sink;
        this.log = log;
        this.writers = writers;
        this.bufferSize = bufferSize;
        this.replayPage = replayPage;
        this.onClosed = onClosed;
        this.liveDelivered = liveDelivered;
    }

    /** Call once, after registering for live events. */
    void start() {
        schedule();
    }

    private void schedule() {
        try {
            writers.execute(this::write);
        } catch (RejectedExecutionException e) {
            // The pool is stopping with the service: this stream is over.
            gone();
            closeSink();
        }
    }

    /** From the fan-out, in position order. Never blocks on the client. */
    void offer(LiveEvent event) {
        if (!selection.matches(event.facts())) {
            return;
        }
        enqueue(event);
    }

    /** A comment line, if nothing else is waiting. */
    void heartbeat() {
        synchronized (this) {
            if (!queue.isEmpty()) {
                return;
            }
        }
        enqueue(HEARTBEAT);
    }

    /** Ends the stream from outside (shutdown, too slow, too old): the writer task closes the sink. */
    void close() {
        boolean startWriter;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            queue.clear();
            startWriter = !writing;
            writing = true;
        }
        if (startWriter) {
            schedule();
        }
    }

    /** The client went away or the container ended the request: nothing more is written. */
    void gone() {
        synchronized (this) {
            state = State.CLOSED;
            queue.clear();
        }
        release();
    }

    /** Gives the subscriber's slot back, once. */
    private void release() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        onClosed.run();
    }

    long ageNanos() {
        return System.nanoTime() - openedAt;
    }

    private void enqueue(Object item) {
        boolean startWriter = false;
        boolean tooSlow = false;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            if (queue.size() >= bufferSize) {
                if (state == State.REPLAYING) {
                    overflowedWhileReplaying = true;
                    queue.clear();
                } else {
                    tooSlow = true;
                }
            } else {
                queue.add(item);
                startWriter = !writing;
                writing = true;
            }
        }
        if (tooSlow) {
            close();
        } else if (startWriter) {
            schedule();
        }
    }

    /** The writer task: one at a time per subscriber ({@code writing}), on the shared pool. */
    private void write() {
        try {
            if (replaying() && !replayPage()) {
                // More to replay: yield the thread to other subscribers and come back.
                schedule();
                return;
            }
            Object item;
            while ((item = next()) != null) {
                if (item instanceof LiveEvent event) {
                    if (event.position() > lastSent) {
                        sink.send(event.frame());
                        lastSent = event.position();
                        liveDelivered.accept(System.nanoTime() - event.readNanos());
                    }
                } else {
                    sink.send((String) item);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Broken pipe, or the store failed during a replay: end this stream; the client resumes from its id.
            gone();
            closeSink();
            return;
        }
        if (isClosed()) {
            closeSink();
            release();
        }
    }

    private void closeSink() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // Already completed by the container: nothing left to end.
        }
    }

    /** Caught up with the log: sending live events. */
    synchronized boolean isLive() {
        return state == State.LIVE;
    }

    private synchronized boolean replaying() {
        return state == State.REPLAYING;
    }

    private synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    /** One page of replay; true when the replay has caught up and the subscriber is live. */
    private boolean replayPage() throws IOException {
        List<LiveEvent> page = log.after(lastSent, selection, replayPage);
        for (LiveEvent event : page) {
            sink.send(event.frame());
            lastSent = event.position();
        }
        if (page.size() == replayPage) {
            return false;
        }
        synchronized (this) {
            if (state != State.REPLAYING) {
                return true;
            }
            if (overflowedWhileReplaying) {
                // Live events were dropped from the buffer, but they are committed: read the table again.
                overflowedWhileReplaying = false;
                queue.clear();
                return false;
            }
            state = State.LIVE;
            return true;
        }
    }

    /** The next item to write, or null (and the writer task ends) when there is none or the stream is closed. */
    private synchronized Object next() {
        if (state == State.CLOSED) {
            return null;
        }
        Object item = queue.poll();
        if (item == null) {
            writing = false;
        }
        return item;
    }
}
