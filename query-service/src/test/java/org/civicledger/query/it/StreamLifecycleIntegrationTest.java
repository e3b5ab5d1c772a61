package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.civicledger.events.EventJson;
import org.civicledger.query.QueryServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The stream's limits, on a query side of its own (its own database and topic, three subscribers at most, quick
 * heartbeats): past the cap a stream is refused with a problem, a closed client frees its slot, idle streams get
 * heartbeats, and open streams do not hold up a graceful shutdown.
 */
class StreamLifecycleIntegrationTest extends TopicIntegrationTest {

    private static int databases;

    private static ConfigurableApplicationContext start() {
        String name = "stream_life_" + (++databases);
        new JdbcTemplate(new DriverManagerDataSource(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword())).execute("CREATE DATABASE " + name);
        return new SpringApplicationBuilder(QueryServiceApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + POSTGRES.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"),
                "--spring.datasource.username=" + POSTGRES.getUsername(),
                "--spring.datasource.password=" + POSTGRES.getPassword(),
                "--civic.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--civic.kafka.topic=" + name, "--civic.stream.max-subscribers=3",
                "--civic.stream.heartbeat=200ms");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void pastTheCapAStreamIsRefusedAndAClosedClientFreesItsSlotIdleStreamsGetHeartbeats() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            int port = port(service);
            List<SseClient> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(SseClient.open(port, "/api/stream", null));
                assertThat(open.get(i).status()).isEqualTo(200);
            }
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/stream")).header("Accept", "text/event-stream")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(EventJson.mapper().readTree(refused.body()).get("rule").asText())
                    .isEqualTo("too-many-subscribers");

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> open.get(0).comments.size() >= 3);
            assertThat(open.get(0).comments).as("the opening comment, then heartbeats").startsWith(":open")
                    .contains(":");

            open.remove(0).close();
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
                SseClient another = SseClient.open(port, "/api/stream", null);
                if (another.status() == 200) {
                    open.add(another);
                    return true;
                }
                return false;
            });
            open.forEach(SseClient::close);
        }
    }

    @Test
    void openStreamsDoNotHoldUpAGracefulShutdown() {
        ConfigurableApplicationContext service = start();
        int port = port(service);
        List<SseClient> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(SseClient.open(port, "/api/stream", null));
            assertThat(open.get(i).status()).isEqualTo(200);
        }

        long started = System.nanoTime();
        service.close();
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("graceful shutdown with 3 open streams took %d ms%n", tookMs);
        assertThat(tookMs).as("well under the 30 s graceful-shutdown timeout").isLessThan(10_000);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> open.stream().allMatch(c -> c.ended.get()));
        open.forEach(SseClient::close);
    }
}
