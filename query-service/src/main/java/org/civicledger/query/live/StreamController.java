package org.civicledger.query.live;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.civicledger.query.history.Selection;
import org.civicledger.query.stream.ProjectionPosition;
import org.civicledger.query.web.BadParameter;
import org.civicledger.query.web.ProblemAnswer;
import org.civicledger.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream}: the public events as Server-Sent Events, the same envelope bytes as Kafka, resumable
 * with {@code Last-Event-ID} (or {@code lastEventId} for clients that cannot set headers; the header wins, since
 * EventSource sends it on every reconnect); without either it starts at the current position, and 0 replays all.
 * {@code file}, {@code meeting}, {@code body} and {@code aggregate} select events as {@link Selection} says; several
 * combine with AND.
 */
@RestController
class StreamController {

    static final String OPENING = "retry: 2000\n:open\n\n";
    private static final int MAX_ID_LENGTH = 255;

    private final Subscriptions subscriptions;
    private final ProjectionPosition position;
    private final LiveSettings settings;

    StreamController(Subscriptions subscriptions, ProjectionPosition position, LiveSettings settings) {
        this.subscriptions = subscriptions;
        this.position = position;
        this.settings = settings;
    }

    @GetMapping("/api/stream")
    SseEmitter stream(@RequestParam(required = false) String file, @RequestParam(required = false) String meeting,
                      @RequestParam(required = false) String body, @RequestParam(required = false) String aggregate,
                      @RequestParam(required = false) String lastEventId,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
                      HttpServletResponse response) {
        Selection selection = new Selection(id("file", file), id("meeting", meeting), id("body", body), null,
                id("aggregate", aggregate));
        // Without an id, the stream starts now: a page shows the record at some position and streams from there.
        long after = !blank(lastEventIdHeader) ? lastEventId("Last-Event-ID", lastEventIdHeader)
                : !blank(lastEventId) ? lastEventId("lastEventId", lastEventId) : position.current();
        // Proxies must neither cache nor buffer a live stream.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        // The timeout is a backstop only: the heartbeat closes streams at maxDuration itself.
        SseEmitter emitter = new SseEmitter(settings.maxDuration().plusMinutes(1).toMillis());
        Sink sink = Sink.of(emitter);
        // Sent before the emitter is handed to Spring, so the request's own thread writes it and commits the
        // response; writer threads write only to a committed response, never racing the filters on the way out.
        opening(sink);
        Subscriber subscriber = subscriptions.open(selection, after, sink);
        emitter.onCompletion(subscriber::gone);
        emitter.onError(e -> subscriber.gone());
        emitter.onTimeout(subscriber::close);
        return emitter;
    }

    /** Tells EventSource clients how soon to reconnect, and puts the stream on the wire. */
    private static void opening(Sink sink) {
        try {
            sink.send(OPENING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems as application/problem+json whatever the client accepts (EventSource asks for text/event-stream). */
    @ExceptionHandler(BadParameter.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameter e) {
        return ProblemAnswer.of(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage()));
    }

    @ExceptionHandler(Subscriptions.Refused.class)
    ResponseEntity<ProblemDetail> refused(Subscriptions.Refused e) {
        return ProblemAnswer.retryAfter(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.rule, e.getMessage()), 2);
    }

    private long lastEventId(String name, String value) {
        long id;
        try {
            id = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadParameter(name, shown(value), "a global position: a whole number, 0 or more");
        }
        if (id < 0) {
            throw new BadParameter(name, shown(value), "a global position: a whole number, 0 or more");
        }
        if (position.isBeyondPublished(id)) {
            throw new BadParameter(name, shown(value), "a position this record has published (it has reached "
                    + position.current() + ")");
        }
        return id;
    }

    private static String id(String name, String value) {
        if (value == null || value.isEmpty()) {
            // ?file=&meeting=&body= : no filter on that.
            return null;
        }
        if (value.isBlank() || value.length() > MAX_ID_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameter(name, shown(value), "an id of 1 to " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Enough of a bad value to recognise it, never all of a huge one. */
    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
