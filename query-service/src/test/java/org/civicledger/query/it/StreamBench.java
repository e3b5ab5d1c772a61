package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Figures for the README, not a timed assertion: delivery latency to many concurrent SSE subscribers, from the
 * broker's ack of the published event to the line arriving at each client (clients and service share this JVM and
 * its 2 cores, so the figures are conservative). Opt-in, run alone: {@code bash infra/test.sh -pl query-service -am
 * -Dtest=StreamBench [-Dcivic.bench.subscribers=1000] [-Dcivic.bench.events=60] [-Dcivic.bench.interval-ms=250]
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StreamBench extends TopicIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void deliveryLatencyToManySubscribers() throws Exception {
        int subscribers = Integer.getInteger("civic.bench.subscribers", 1000);
        int events = Integer.getInteger("civic.bench.events", 60);
        int intervalMs = Integer.getInteger("civic.bench.interval-ms", 250);
        String fileId = id();
        long introduced = topic.publish(new FileIntroduced(fileId, "RES-17-" + fileId.substring(0, 5),
                FileType.RESOLUTION, "Benchmarked resolution", "Text", "bench", at(0)));
        get("/api/position", introduced);

        List<SseClient> clients = new ArrayList<>();
        long opening = System.nanoTime();
        // In steps of 50, as a ramp: a thousand connects at once overflow the listen backlog (100) on the client's
        // side of the test, not the service's.
        for (int i = 0; i < subscribers; i++) {
            clients.add(SseClient.open(port, "/api/stream?file=" + fileId + "&lastEventId=" + introduced, null));
            if (clients.size() % 50 == 0) {
                clients.subList(clients.size() - 50, clients.size())
                        .forEach(c -> assertThat(c.status()).isEqualTo(200));
            }
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> clients.stream().allMatch(c -> !c.comments.isEmpty()));
        } catch (RuntimeException e) {
            Map<String, Long> silent = new java.util.TreeMap<>();
            clients.stream().filter(c -> c.comments.isEmpty()).forEach(c -> silent.merge(
                    !c.response.isDone() ? "pending" : c.response.isCompletedExceptionally() ? "failed: "
                            + c.response.handle((r, x) -> String.valueOf(x)).join() : "status "
                            + c.response.join().statusCode() + " ended=" + c.ended.get(), 1L, Long::sum));
            System.out.println("silent clients: " + silent);
            throw e;
        }
        System.out.printf("%d SSE subscribers open in %d ms%n", subscribers, (System.nanoTime() - opening) / 1_000_000);

        Map<Long, Long> acked = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = topic.openProducer()) {
            for (int i = 0; i < events; i++) {
                long position = topic.publishOn(producer, new CosponsorAdded(fileId, "bench-" + i, at(i + 1)));
                acked.put(position, System.nanoTime());
                Thread.sleep(intervalMs);
            }
        }
        long last = Collections.max(acked.keySet());
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> clients.stream().allMatch(c -> !c.events.isEmpty() && c.lastId() >= last));

        List<Long> latencies = new ArrayList<>();
        for (SseClient client : clients) {
            assertThat(client.ids()).as("every event once, in order").containsExactlyElementsOf(
                    acked.keySet().stream().sorted().toList());
            client.events.forEach(e -> latencies.add((e.receivedNanos() - acked.get(e.id())) / 1_000));
            client.close();
        }
        Collections.sort(latencies);
        System.out.printf("SSE delivery, %d subscribers x %d events every %d ms (%d deliveries), broker ack to "
                        + "client: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", subscribers, events, intervalMs,
                latencies.size(),
                percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1000.0);
        // The service's own share: from reading the committed event to having written it to each subscriber.
        HistogramSnapshot server = meters.get("civic.stream.delivery").timer().takeSnapshot();
        for (ValueAtPercentile p : server.percentileValues()) {
            System.out.printf("service side, event_log read to written: p%.0f %.1f ms%n", p.percentile() * 100,
                    p.value(TimeUnit.MILLISECONDS));
        }
    }

    private static double percentile(List<Long> sortedMicros, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
