package org.civicledger.query.web;

import org.civicledger.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicledger.query.deadletter.DeadLetters;
import org.civicledger.query.stream.ProjectionPosition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes for every GET under /api: {@code minPosition=N} (the position a command answered with) holds the
 * request until the projection has caught up with N, at most {@code civic.query.max-wait}. A waiting request holds
 * no servlet thread (it is suspended with the Servlet async API and resumed by the consumer), at most
 * {@code civic.query.max-waiting} wait at once, and a position beyond anything published is answered at once. Every
 * answer names the position it reflects in the {@code Civic-Position} header.
 */
class MinPositionFilter extends OncePerRequestFilter {

    static final String HEADER = "Civic-Position";
    static final String HELD_HEADER = "Civic-Held-Records";
    private static final String PARAMETER = "minPosition";
    private static final String OUTCOME = MinPositionFilter.class.getName() + ".outcome";

    private enum Outcome { REACHED, TIMED_OUT }

    private final ProjectionPosition position;
    private final Duration maxWait;
    private final Semaphore waitingSlots;
    private final ObjectMapper json;
    private final DeadLetters deadLetters;

    MinPositionFilter(ProjectionPosition position, Duration maxWait, int maxWaiting, ObjectMapper json,
                      DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.position = position;
        this.maxWait = maxWait;
        this.waitingSlots = new Semaphore(maxWaiting);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** The live stream says where it starts with Last-Event-ID, and never waits for a position. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals("/api/stream");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            resumed(request, response, chain);
            return;
        }
        String raw = request.getParameter(PARAMETER);
        if (raw == null) {
            proceed(request, response, chain);
            return;
        }
        Long wanted = parse(raw);
        if (wanted == null) {
            write(response, Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                    "Parameter 'minPosition' must be a global position: a whole number, 0 or more."));
        } else if (position.current() >= wanted) {
            proceed(request, response, chain);
        } else if (position.isBeyondPublished(wanted)) {
            behind(response, wanted, "Position " + wanted + " lies beyond anything published so far.");
        } else if (!waitingSlots.tryAcquire()) {
            behind(response, wanted, "Too many readers are waiting for the public record to catch up.");
        } else {
            suspend(request, wanted);
        }
    }

    /** Resumed after a wait of ours, or some other async dispatch (which is not ours to judge). */
    private void resumed(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object outcome = request.getAttribute(OUTCOME);
        request.removeAttribute(OUTCOME);
        if (outcome == Outcome.TIMED_OUT) {
            behind(response, parse(request.getParameter(PARAMETER)),
                    "The public record has not reached that position within " + maxWait.toSeconds() + " s.");
        } else if (outcome == Outcome.REACHED) {
            proceed(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void suspend(HttpServletRequest request, long wanted) {
        AsyncContext async = request.startAsync();
        async.setTimeout(maxWait.toMillis());
        AtomicBoolean resumed = new AtomicBoolean();
        AtomicBoolean released = new AtomicBoolean();
        ProjectionPosition.Waiter waiter = new ProjectionPosition.Waiter(wanted,
                () -> resume(async, resumed, Outcome.REACHED));
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                position.cancel(waiter);
                resume(async, resumed, Outcome.TIMED_OUT);
            }

            @Override
            public void onComplete(AsyncEvent event) {
                position.cancel(waiter);
                if (released.compareAndSet(false, true)) {
                    waitingSlots.release();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                position.cancel(waiter);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        if (!position.await(waiter)) {
            resume(async, resumed, Outcome.REACHED);
        }
    }

    private static void resume(AsyncContext async, AtomicBoolean resumed, Outcome outcome) {
        if (resumed.compareAndSet(false, true)) {
            async.getRequest().setAttribute(OUTCOME, outcome);
            async.dispatch();
        }
    }

    private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, Long.toString(position.current()));
        int held = deadLetters.heldAggregates().size();
        if (held > 0) {
            // The answer may lack events parked as dead letters: say so, and how many records wait on them.
            response.setHeader(HELD_HEADER, Integer.toString(held));
        }
        chain.doFilter(request, response);
    }

    private void behind(HttpServletResponse response, Long wanted, String why) throws IOException {
        long current = position.current();
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind",
                why + " The public record has reached position " + current + "; try again shortly.");
        problem.setProperty("minPosition", wanted);
        problem.setProperty("currentPosition", current);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setHeader(HEADER, Long.toString(current));
        write(response, problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(response, json, problem);
    }

    private static Long parse(String value) {
        try {
            long wanted = Long.parseLong(value);
            return wanted >= 0 ? wanted : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
