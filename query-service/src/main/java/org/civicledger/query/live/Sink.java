package org.civicledger.query.live;

import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Where a subscriber's frames go. Called by one thread at a time: the subscriber's own writer task. */
interface Sink {

    /** Writes an already encoded SSE frame and flushes it; may block while the client's TCP window is full. */
    void send(String frame) throws IOException;

    /** Ends the stream (the client may reconnect with Last-Event-ID). */
    void close();

    /** An SseEmitter that sends frames as they are: encoded once per event, not once per subscriber. */
    static Sink of(SseEmitter emitter) {
        return new Sink() {
            @Override
            public void send(String frame) throws IOException {
                emitter.send(Set.of(new DataWithMediaType(frame, MediaType.TEXT_PLAIN)));
            }

            @Override
            public void close() {
                emitter.complete();
            }
        };
    }
}
