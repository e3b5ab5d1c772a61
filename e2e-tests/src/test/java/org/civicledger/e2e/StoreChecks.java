package org.civicledger.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the event store, the read models and the topic really hold, read with SQL and a plain consumer. */
final class StoreChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreChecks() {
    }

    static long storeHead(Connection c) throws SQLException {
        return FaultFigures.scalar(c, "SELECT COALESCE(MAX(global_index), 0) FROM command.domain_event_entry");
    }

    /** Events in the store that the read models in the same database never applied. */
    static long missingFromReadModels(Connection c) throws SQLException {
        return FaultFigures.scalar(c, """
                SELECT count(*) FROM command.domain_event_entry d
                WHERE NOT EXISTS (SELECT 1 FROM query.event_log e WHERE e.event_id = d.event_identifier)""");
    }

    /** Read-model log entries beyond one per (aggregate, sequence) or per position. */
    static long duplicatedInReadModels(Connection c) throws SQLException {
        return FaultFigures.scalar(c, """
                SELECT (SELECT count(*) - count(DISTINCT (aggregate_id, sequence)) FROM query.event_log)
                     + (SELECT count(*) - count(DISTINCT position) FROM query.event_log)""");
    }

    /** Aggregates whose stored sequence numbers are not exactly 0..n-1: a torn or doubled append. */
    static long tornStreams(Connection c) throws SQLException {
        return FaultFigures.scalar(c, """
                SELECT count(*) FROM (SELECT aggregate_identifier FROM command.domain_event_entry
                                      GROUP BY aggregate_identifier
                                      HAVING count(*) <> max(sequence_number) + 1
                                          OR count(DISTINCT sequence_number) <> count(*)) t""");
    }

    /** Per read-model table of the query schema, an MD5 over all its rows (sorted), without wall-clock columns. */
    static Map<String, String> readModelDigest(Connection c) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'query' AND table_name <> 'flyway_schema_history'
                  AND COALESCE(column_default, '') NOT ILIKE '%now()%'
                  AND COALESCE(column_default, '') NOT ILIKE '%clock_timestamp()%'
                ORDER BY table_name, ordinal_position""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add('"' + rs.getString(2) + '"');
            }
        }
        Map<String, String> digest = new TreeMap<>();
        for (var table : columns.entrySet()) {
            String sql = "SELECT count(*) || ':' || md5(COALESCE(string_agg(r, E'\\n' ORDER BY r), '')) FROM "
                    + "(SELECT ROW(" + String.join(", ", table.getValue()) + ")::text AS r FROM query.\""
                    + table.getKey() + "\") rows";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                digest.put(table.getKey(), rs.getString(1));
            }
        }
        return digest;
    }

    /** Records on the topic and how many of them repeat an event id already seen (redeliveries, absorbed later). */
    record TopicCount(int records, int distinctIds) {
        int copies() {
            return records - distinctIds;
        }
    }

    static TopicCount readTopic(String bootstrap, String topic, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            int records = 0;
            Set<String> ids = new HashSet<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read topic " + topic + " to its end in " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    try {
                        ids.add(JSON.readTree(record.value()).path("id").asText());
                    } catch (Exception e) {
                        ids.add("unreadable@" + record.offset());
                    }
                }
            }
            return new TopicCount(records, ids.size());
        }
    }
}
