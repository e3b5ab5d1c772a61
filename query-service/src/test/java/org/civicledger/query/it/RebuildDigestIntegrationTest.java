package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
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
 * A rebuild applies thousands of events per transaction, live operation a few: the read models must come out the
 * same. The events are applied live a few at a time, every table is digested, the read models are dropped and
 * rebuilt from the topic in large batches, and the digests must be equal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildDigestIntegrationTest {

    static final String NAME = "rebuild_digest";
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

    @Autowired
    MeterRegistry meters;

    private double reapplied() {
        return meters.get("civic.stream.batches.reapplied").counter().count();
    }

    @Test
    void rebuildInLargeBatchesEqualsLiveApplication() throws Exception {
        List<CivicEvent> events = CouncilWorkload.of("digest", 1_200);
        Topic topic = new Topic(TopicIntegrationTest.KAFKA.getBootstrapServers(), NAME);
        try (KafkaProducer<String, byte[]> producer = topic.openProducer()) {
            // Live: a few events at a time, each batch applied before the next is sent.
            for (int i = 0; i < events.size(); i += 3) {
                long last = topic.publishAll(producer, events.subList(i, Math.min(i + 3, events.size())));
                RebuildFixture.awaitApplied(jdbc, last, Duration.ofSeconds(30));
            }
        }
        Map<String, String> live = RebuildFixture.digest(jdbc);
        assertThat(live.get("file_search")).startsWith("110:");
        // Each cycle's tenth file: its first referral acted on by the adjournment, the second one still pending.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM file_referral WHERE acted_at IS NULL", Long.class))
                .isEqualTo(11L);

        double reappliedBefore = reapplied();
        RebuildFixture.rebuild(jdbc, consumer, events.size());
        Map<String, String> rebuilt = RebuildFixture.digest(jdbc);

        assertThat(rebuilt).isEqualTo(live);
        // A batch that failed and was applied again event by event would hide a wrong order of its writes.
        assertThat(reapplied()).as("batches applied again event by event").isEqualTo(reappliedBefore);
        assertThat(jdbc.queryForObject("SELECT next_offset FROM consumer_offset", Long.class))
                .isEqualTo((long) events.size());
    }
}
