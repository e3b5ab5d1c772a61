package org.civicledger.query.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;

/**
 * A Server-Sent Events client for tests: reads the stream line by line as a browser's EventSource would, keeps every
 * event and comment, and can drop the connection at any moment, as a browser losing its network does.
 */
final class SseClient implements AutoCloseable {

    record Event(long id, String type, String data, long receivedNanos) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    final AtomicBoolean ended = new AtomicBoolean();
    final CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> response;
    private volatile Flow.Subscription subscription;

    private SseClient(HttpRequest request) {
        // Completes with the headers; the body then flows to Lines as it arrives.
        response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher());
        response.thenAccept(r -> r.body().subscribe(new Lines()));
    }

    static SseClient open(int port, String pathAndQuery, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(request.build());
    }

    /** Waits for the response headers; answers the status. */
    int status() {
        return response.join().statusCode();
    }

    List<Long> ids() {
        return events.stream().map(Event::id).toList();
    }

    long lastId() {
        return events.get(events.size() - 1).id();
    }

    void awaitEvents(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= count);
    }

    void awaitId(long id) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !events.isEmpty() && events.get(events.size() - 1).id() >= id);
    }

    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        response.cancel(true);
    }

    /** Lines to events, as the SSE spec's parser does (id, event, data fields; blank line dispatches). */
    private final class Lines implements Flow.Subscriber<List<ByteBuffer>> {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private String id;
        private String type;
        private final List<String> data = new ArrayList<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        onLine(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
        }

        private void onLine(String line) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(Long.parseLong(id), type, String.join("\n", data), System.nanoTime()));
                }
                data.clear();
                type = null;
            } else if (line.startsWith(":")) {
                comments.add(line);
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                type = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended.set(true);
        }

        @Override
        public void onComplete() {
            ended.set(true);
        }
    }
}
