package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.civicledger.events.CivicEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Figures for the README, not a timed assertion: rebuilding every read model from the topic. Publishes a council's
 * record ({@link CouncilWorkload}, 18 event types), lets the consumer apply it, then drops the read models and times
 * the rebuild, and checks the rebuilt tables against the first application. Opt-in, run alone: {@code bash
 * infra/test.sh -pl query-service -am -Dtest=RebuildBench [-Dcivic.bench.events=100000]
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildBench {

    static final String NAME = "rebuild_bench";
    static final String URL = RebuildFixture.prepare(NAME);

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        RebuildFixture.isolate(registry, NAME, URL);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("eventStreamConsumer")
    SmartLifecycle consumer;

    @Test
    void rebuildEveryReadModelFromTheTopic() throws Exception {
        List<CivicEvent> events = CouncilWorkload.of("bench", Integer.getInteger("civic.bench.events", 100_000));
        Topic topic = new Topic(TopicIntegrationTest.KAFKA.getBootstrapServers(), NAME);
        long first = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = topic.openProducer()) {
            topic.publishAll(producer, events);
        }
        RebuildFixture.awaitApplied(jdbc, events.size(), Duration.ofMinutes(10));
        System.out.printf("[bench] first application while publishing: %d events in %.1f s%n", events.size(),
                (System.nanoTime() - first) / 1e9);
        Map<String, String> before = RebuildFixture.digest(jdbc);
        for (int run = 1; run <= Integer.getInteger("civic.bench.runs", 2); run++) {
            long nanos = RebuildFixture.rebuild(jdbc, consumer, events.size());
            System.out.printf("[bench] rebuild %d: %d events into every read model in %.2f s: %.0f events/s%n", run,
                    events.size(), nanos / 1e9, events.size() / (nanos / 1e9));
            assertThat(RebuildFixture.digest(jdbc)).isEqualTo(before);
        }
    }
}
