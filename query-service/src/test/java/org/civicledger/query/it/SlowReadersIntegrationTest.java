package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.civicledger.events.roster.PersonRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Readers waiting for a position hold no thread, are capped, and never slow down anyone else's read. */
class SlowReadersIntegrationTest extends TopicIntegrationTest {

    private static final int WAITING = 400;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withFourHundredReadersWaitingAnOrdinaryReadAnswersAtOnce() throws Exception {
        long current = get("/api/position", topic.publish(new PersonRegistered("slow-reader-" + id().substring(0, 8),
                "Slow Reader", at(0)))).get("position").asLong();
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            waiting.add(http.sendAsync(request("/api/people?minPosition=" + (current + 500)),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(1000);

        long worst = 0;
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            HttpResponse<String> ordinary = http.send(request("/api/people"), HttpResponse.BodyHandlers.ofString());
            worst = Math.max(worst, (System.nanoTime() - started) / 1_000_000);
            assertThat(ordinary.statusCode()).isEqualTo(200);
        }
        System.out.printf("ordinary read with %d readers waiting for a position: worst of 10 took %d ms%n",
                WAITING, worst);
        assertThat(worst).isLessThan(1000);

        List<HttpResponse<String>> answers = waiting.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(503);
            assertThat(a.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(a.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(a.body()).contains("\"rule\":\"projection-behind\"");
        });
        assertThat(answers.stream().filter(a -> a.body().contains("Too many readers")).count())
                .as("past the cap, refused at once").isEqualTo(WAITING - 200);
    }

    @Test
    void aPositionFarBeyondAnythingPublishedIsAnsweredAtOnce() throws Exception {
        long current = get("/api/position", 0).get("position").asLong();

        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(request("/api/people?minPosition=" + (current + 1_000_000)),
                HttpResponse.BodyHandlers.ofString());
        long took = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("beyond anything published");
        assertThat(took).as("answered without waiting the 5 s").isLessThan(2000);
    }

    @Test
    void aWaitingReaderIsAnsweredAsSoonAsItsPositionArrives() throws Exception {
        long current = get("/api/position", 0).get("position").asLong();
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
                request("/api/people?minPosition=" + (current + 1)), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        topic.publish(new PersonRegistered("late-writer-" + id().substring(0, 8), "Late Writer", at(0)));

        HttpResponse<String> answer = waiting.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Long.parseLong(answer.headers().firstValue("Civic-Position").orElseThrow()))
                .isGreaterThanOrEqualTo(current + 1);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .build();
    }
}
