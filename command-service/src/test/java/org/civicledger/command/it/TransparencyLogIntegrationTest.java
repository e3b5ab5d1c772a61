package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.civicledger.command.log.TransparencyLog;
import org.civicledger.events.EventEnvelope;
import org.civicledger.tlog.ProofVerifier;
import org.civicledger.tlog.TreeBuilder;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The command side's transparency log: leaves from the published bytes, signed checkpoints, consistency. */
class TransparencyLogIntegrationTest extends CommandSideTest {

    static final String ORIGIN = "civic-ledger.example/madison";

    @Autowired
    TransparencyLog log;

    @Autowired
    EventProcessingConfiguration processors;

    @Test
    void theSignedRootIsTheRootOfTheEnvelopeBytesOnTheEventsTopic() throws Exception {
        register("log-ada", "Ada Log");
        register("log-grace", "Grace Log");
        long head = headAfterLeaves();

        Checkpoint checkpoint = Checkpoint.open(signNow(), verifierKey(), ORIGIN);

        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(leavesUpTo(head));
        List<byte[]> published = distinctByEventInPositionOrder(
                read("civic-ledger.events", records -> distinct(records) >= checkpoint.size()));
        TreeBuilder tree = new TreeBuilder();
        published.stream().limit(checkpoint.size()).forEach(tree::addLeaf);
        assertThat(tree.root()).as("root of the bytes Kafka holds").isEqualTo(checkpoint.root());
        assertThat(rest.getForObject("/api/log/checkpoint", String.class)).startsWith(ORIGIN + "\n");
    }

    @Test
    void everyCheckpointGoesToTheCheckpointsTopicKeyedByOriginWithItsLastPositionAndKey() throws Exception {
        register("log-edsger", "Edsger Log");
        headAfterLeaves();
        String note = signNow();

        List<ConsumerRecord<String, byte[]>> records = read("civic-ledger.checkpoints",
                rs -> rs.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals(note)));

        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(note)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(ORIGIN);
        long size = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size();
        Long lastPosition = jdbc.queryForObject("SELECT global_index FROM log_leaf WHERE leaf_index = ?", Long.class,
                size - 1);
        assertThat(header(record, "civic-log-last-position")).isEqualTo(Long.toString(lastPosition));
        assertThat(header(record, "civic-log-verifier-key")).isEqualTo(
                rest.getForObject("/api/log/key", String.class).strip());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void consecutiveCheckpointsAreConsistentAndANewEventIsIncluded() throws Exception {
        register("log-barbara", "Barbara Log");
        headAfterLeaves();
        Checkpoint first = Checkpoint.open(signNow(), verifierKey(), ORIGIN);
        register("log-donald", "Donald Log");
        long head = headAfterLeaves();
        Checkpoint second = Checkpoint.open(signNow(), verifierKey(), ORIGIN);

        assertThat(second.size()).isGreaterThan(first.size());
        ProofVerifier.verifyConsistency(first.size(), second.size(),
                log.consistencyProof(first.size(), second.size()), first.root(), second.root());
        long leaf = jdbc.queryForObject("SELECT leaf_index FROM log_leaf WHERE global_index = ?", Long.class, head);
        byte[] leafHash = jdbc.queryForObject(
                "SELECT hash FROM log_hash WHERE idx = 2 * ? - bit_count(?::bigint::bit(64))", byte[].class, leaf, leaf);
        ProofVerifier.verifyInclusion(leaf, second.size(), leafHash, log.inclusionProof(leaf, second.size()),
                second.root());
    }

    @Test
    void leafIndexesAreDenseAndFollowPositions() {
        register("log-alan", "Alan Log");
        headAfterLeaves();
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM log_leaf ORDER BY leaf_index", Long.class);
        long size = jdbc.queryForObject("SELECT count(*) FROM log_leaf", Long.class);
        assertThat(log.size()).isEqualTo(size);
        assertThat(positions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givenTheWriterLostItsToken_whenItReadsTheStoreAgainFromTheStart_thenNoLeafIsAppendedTwice() {
        register("log-tony", "Tony Log");
        headAfterLeaves();
        long before = log.size();
        TrackingEventProcessor writer = processors.eventProcessor("transparency-log", TrackingEventProcessor.class)
                .orElseThrow();
        writer.shutDown();
        try {
            jdbc.update("DELETE FROM token_entry WHERE processor_name = 'transparency-log'");
        } finally {
            writer.start();
        }
        register("log-tony-after", "Tony After");
        long head = headAfterLeaves();

        assertThat(log.size()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT event_identifier) FROM log_leaf", Long.class))
                .isEqualTo(log.size());
        assertThat(jdbc.queryForObject("SELECT max(leaf_index) FROM log_leaf WHERE global_index = ?", Long.class,
                head)).isEqualTo(before);
    }

    @Test
    void theLogRefusesToRewriteItsPast() {
        register("log-frances", "Frances Log");
        headAfterLeaves();
        signNow();
        for (String sql : List.of("UPDATE log_hash SET hash = hash WHERE idx = 0",
                "DELETE FROM log_leaf WHERE leaf_index = 0", "UPDATE log_checkpoint SET note = note",
                "UPDATE log_leaf SET appended_at = appended_at", "DELETE FROM log_signing_key",
                "TRUNCATE log_hash")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.execute(sql))
                    .rootCause().hasMessageContaining("append-only");
        }
    }

    @Test
    void signingAndAuditingNeedAClerk() {
        assertThat(send(HttpMethod.POST, "/api/log/checkpoints", "", false).getStatusCode().value()).isEqualTo(401);
        assertThat(send(HttpMethod.POST, "/api/log/audit", "", false).getStatusCode().value()).isEqualTo(401);
    }

    /** The head of the store, once the log has a leaf for it. */
    long headAfterLeaves() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> leavesUpTo(head) > 0
                && jdbc.queryForObject("SELECT count(*) FROM log_leaf WHERE global_index = ?", Long.class, head) == 1);
        return head;
    }

    long leavesUpTo(long position) {
        return jdbc.queryForObject("SELECT count(*) FROM log_leaf WHERE global_index <= ?", Long.class, position);
    }

    NoteVerifier verifierKey() {
        return NoteVerifier.parse(rest.getForObject("/api/log/key", String.class));
    }

    /** A checkpoint signed now; waits for the start-up audit that must pass before anything is signed. */
    String signNow() {
        List<ResponseEntity<String>> last = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            last.add(0, post("/api/log/checkpoints", ""));
            return last.get(0).getStatusCode().value() == 200;
        });
        return last.get(0).getBody();
    }

    List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return enough.test(seen);
            });
        }
        return seen;
    }

    long distinct(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> envelope(r.value()).id()).distinct().count();
    }

    /** A retried batch may be sent twice; the log has each event once, in position order. */
    List<byte[]> distinctByEventInPositionOrder(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, byte[]> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.putIfAbsent(envelope(r.value()).id(), r.value()));
        return byId.values().stream().sorted(Comparator.comparingLong(b -> envelope(b).position())).toList();
    }

    EventEnvelope envelope(byte[] bytes) {
        try {
            return json.readValue(bytes, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
