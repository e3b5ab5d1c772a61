package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.PersonRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live stream sends the public events as Kafka carries them, byte for byte, and a client that loses its
 * connection resumes with Last-Event-ID exactly after the last event it saw, while events keep arriving: no gap, no
 * duplicate. Filters select the same events live as in the replay.
 */
class LiveStreamIntegrationTest extends TopicIntegrationTest {

    @LocalServerPort
    int port;

    private static String file() throws Exception {
        String fileId = id();
        topic.publish(new FileIntroduced(fileId, "RES-17-" + fileId.substring(0, 5), FileType.RESOLUTION,
                "Streamed resolution", "Text", "shiva-bidar", at(0)));
        return fileId;
    }

    private List<Long> historyPositions(String fileId, long last) throws Exception {
        List<Long> positions = new ArrayList<>();
        get("/api/files/" + fileId + "/history", last).get("items")
                .forEach(item -> positions.add(item.get("position").asLong()));
        return positions;
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsEveryEventOnceWhileEventsKeepArriving() throws Exception {
        long before = get("/api/position", 0).get("position").asLong();
        String fileId = file();
        CompletableFuture<Long> publishing = CompletableFuture.supplyAsync(() -> {
            long last = 0;
            try {
                for (int i = 0; i < 40; i++) {
                    last = topic.publish(new CosponsorAdded(fileId, "alder-" + i, at(i + 1)));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return last;
        });

        List<SseClient.Event> received = new ArrayList<>();
        try (SseClient first = SseClient.open(port, "/api/stream?file=" + fileId + "&lastEventId=" + before, null)) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.response.join().headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");
            first.awaitEvents(10);
            received.addAll(first.events);
        }
        assertThat(publishing).as("the drop happens while events are still arriving").isNotDone();
        try (SseClient second = SseClient.open(port, "/api/stream?file=" + fileId,
                Long.toString(received.get(received.size() - 1).id()))) {
            long last = publishing.get();
            second.awaitId(last);
            received.addAll(second.events);
            List<Long> ids = received.stream().map(SseClient.Event::id).toList();
            assertThat(ids).as("no gap, no duplicate, in position order").isEqualTo(historyPositions(fileId, last));
        }
        SseClient.Event introduced = received.get(0);
        assertThat(introduced.type()).isEqualTo("FileIntroduced");
        assertThat(introduced.data().getBytes(StandardCharsets.UTF_8)).as("the envelope bytes as published")
                .isEqualTo(topic.bytesAt(introduced.id()));
        SseClient.Event later = received.get(5);
        assertThat(later.data().getBytes(StandardCharsets.UTF_8)).isEqualTo(topic.bytesAt(later.id()));
    }

    @Test
    void theQueryParameterLastEventIdResumesAsTheHeaderDoesAndTheHeaderWins() throws Exception {
        String fileId = file();
        long last = topic.publish(new CosponsorAdded(fileId, "ann", at(1)), new CosponsorAdded(fileId, "bob", at(2)),
                new CosponsorAdded(fileId, "cy", at(3)));
        List<Long> all = historyPositions(fileId, last);

        try (SseClient byParameter = SseClient.open(port, "/api/stream?file=" + fileId + "&lastEventId=" + all.get(1),
                null)) {
            byParameter.awaitId(last);
            assertThat(byParameter.ids()).isEqualTo(all.subList(2, 4));
        }
        try (SseClient both = SseClient.open(port, "/api/stream?file=" + fileId + "&lastEventId=" + all.get(0),
                Long.toString(all.get(2)))) {
            both.awaitId(last);
            assertThat(both.ids()).isEqualTo(all.subList(3, 4));
        }
    }

    /**
     * file: the file's events and meeting events about it; meeting: the meeting's; body: the body's own, its
     * meetings' and the files referred to it. The same, whether replayed or live.
     */
    @Test
    void filtersSelectTheSameEventsLiveAndReplayed() throws Exception {
        String suffix = id().substring(0, 8);
        String bodyId = "finance-" + suffix;
        String meetingId = id();
        String otherMeeting = id();
        long before = get("/api/position", 0).get("position").asLong();
        String fileId = id();
        List<String> paths = List.of("file=" + fileId, "meeting=" + meetingId, "body=" + bodyId,
                "file=" + fileId + "&meeting=" + meetingId);
        List<SseClient> live = paths.stream()
                .map(p -> SseClient.open(port, "/api/stream?" + p + "&lastEventId=" + before, null)).toList();
        live.forEach(c -> assertThat(c.status()).isEqualTo(200));

        long last = topic.publish(new PersonRegistered("p-" + suffix, "P", at(0)),
                new BodyCreated(bodyId, "Finance Committee", BodyKind.COMMITTEE, 5, at(0)),
                new FileIntroduced(fileId, "RES-17-" + suffix.substring(0, 5), FileType.RESOLUTION, "Filtered",
                        "Text", "p-" + suffix, at(1)),
                new FileReferred(fileId, bodyId, at(2)),
                new MeetingScheduled(meetingId, bodyId, STARTS, "America/Chicago", "Room 1", at(3)),
                new MeetingScheduled(otherMeeting, "council-" + suffix, STARTS, "America/Chicago", "Room 2", at(3)),
                new MotionMade(meetingId, id(), "item-1", fileId, MotionKind.ADOPT, "a", "b", null, null, at(4)),
                new MotionMade(otherMeeting, id(), "item-1", fileId, MotionKind.ADOPT, "a", "b", null, null, at(5)),
                new MotionMade(meetingId, id(), "item-2", null, MotionKind.ADOPT, "a", "b", null, null, at(6)));
        get("/api/position", last);

        List<List<String>> expected = List.of(
                List.of("FileIntroduced", "FileReferred", "MotionMade@" + meetingId, "MotionMade@" + otherMeeting),
                List.of("MeetingScheduled@" + meetingId, "MotionMade@" + meetingId, "MotionMade@" + meetingId),
                List.of("BodyCreated", "FileReferred", "MeetingScheduled@" + meetingId, "MotionMade@" + meetingId,
                        "MotionMade@" + meetingId),
                List.of("MotionMade@" + meetingId));
        for (int i = 0; i < paths.size(); i++) {
            SseClient liveClient = live.get(i);
            awaitQuiet(liveClient, expected.get(i).size());
            try (SseClient replayed = SseClient.open(port, "/api/stream?" + paths.get(i) + "&lastEventId=" + before,
                    null)) {
                awaitQuiet(replayed, expected.get(i).size());
                assertThat(described(liveClient)).as("live " + paths.get(i)).isEqualTo(expected.get(i));
                assertThat(described(replayed)).as("replayed " + paths.get(i)).isEqualTo(expected.get(i));
            }
            liveClient.close();
        }
    }

    @Test
    void withoutALastEventIdTheStreamStartsNow() throws Exception {
        String fileId = id();
        get("/api/position", topic.publish(new FileIntroduced(fileId, "RES-17-" + fileId.substring(0, 5),
                FileType.RESOLUTION, "Streamed resolution", "Text", "shiva-bidar", at(0))));
        try (SseClient fresh = SseClient.open(port, "/api/stream?file=" + fileId, null)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !fresh.comments.isEmpty());
            long last = topic.publish(new CosponsorAdded(fileId, "dee", at(1)));
            fresh.awaitId(last);
            assertThat(fresh.ids()).as("not the introduction, which came before").containsExactly(last);
        }
    }

    @Test
    void emptyFilterParametersMeanNoFilter() {
        try (SseClient all = SseClient.open(port, "/api/stream?file=&meeting=&body=&lastEventId=0", null)) {
            assertThat(all.status()).isEqualTo(200);
            all.awaitEvents(1);
        }
    }

    @Test
    void aBadLastEventIdOrFilterIsRefusedWithAProblem() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long current = get("/api/position", 0).get("position").asLong();
        List<HttpRequest> bad = List.of(
                request("/api/stream").header("Last-Event-ID", "abc").build(),
                request("/api/stream").header("Last-Event-ID", "-1").build(),
                request("/api/stream").header("Last-Event-ID", "99999999999999999999999").build(),
                request("/api/stream?lastEventId=1.5").build(),
                request("/api/stream?file=" + "x".repeat(300)).build(),
                request("/api/stream?meeting=%20").build());
        for (HttpRequest request : bad) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(request.uri() + " " + request.headers()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(rule(answer)).isEqualTo("invalid-parameter");
        }
        HttpResponse<String> nul = http.send(request("/api/stream?file=a%00b").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(rule(nul)).isEqualTo("invalid-text");
        assertThat(current).isGreaterThan(0);
    }

    private static String rule(HttpResponse<String> answer) throws Exception {
        JsonNode problem = EventJson.mapper().readTree(answer.body());
        return problem.get("rule").asText();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept",
                "text/event-stream");
    }

    /** Waits for {@code count} events, then a little longer, so an extra one would show. */
    private static void awaitQuiet(SseClient client, int count) throws InterruptedException {
        client.awaitEvents(count);
        Thread.sleep(300);
    }

    private static List<String> described(SseClient client) {
        return client.events.stream().map(e -> {
            try {
                JsonNode envelope = EventJson.mapper().readTree(e.data());
                assertThat(envelope.get("position").asLong()).isEqualTo(e.id());
                assertThat(envelope.get("type").asText()).isEqualTo(e.type());
                return "Meeting".equals(envelope.get("aggregatetype").asText())
                        ? e.type() + "@" + envelope.get("aggregateid").asText() : e.type();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }
}
