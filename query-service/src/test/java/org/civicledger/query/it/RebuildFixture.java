package org.civicledger.query.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A query side of its own for rebuild tests: its own database in the shared PostgreSQL and its own topic, so
 * dropping its read models disturbs no other test. {@link #rebuild} stops the consumer, empties every table of the
 * query schema, starts it again and waits until it has read the whole topic back.
 */
final class RebuildFixture {

    private RebuildFixture() {
    }

    /** Creates the database, the topic and its (empty) checkpoint topic; answers the JDBC URL. */

    /** Points the Spring context at the database and topics of its own that {@link #prepare} made for {@code name}. */
    static void isolate(DynamicPropertyRegistry registry, String name, String url) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TopicIntegrationTest.POSTGRES::getUsername);
        registry.add("spring.datasource.password", TopicIntegrationTest.POSTGRES::getPassword);
        registry.add("civic.kafka.bootstrap-servers", TopicIntegrationTest.KAFKA::getBootstrapServers);
        registry.add("civic.kafka.topic", () -> name);
        registry.add("civic.kafka.checkpoint-topic", () -> name + "_checkpoints");
    }

    static String prepare(String name) {
        String url = TopicIntegrationTest.POSTGRES.getJdbcUrl();
        try (Connection c = DriverManager.getConnection(url, TopicIntegrationTest.POSTGRES.getUsername(),
                TopicIntegrationTest.POSTGRES.getPassword()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (Exception e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TopicIntegrationTest.KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1),
                    new NewTopic(name + "_checkpoints", 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name, e);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    /** The topic's records applied so far (one partition, offsets from 0): a row read, not a count of the log. */
    static long applied(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COALESCE(sum(next_offset), 0) FROM consumer_offset", Long.class);
    }

    static void awaitApplied(JdbcTemplate jdbc, long events, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(5)).until(() -> applied(jdbc) >= events);
    }

    /** Answers the time the rebuild took, in nanoseconds, from the consumer's start to the last event applied. */
    static long rebuild(JdbcTemplate jdbc, SmartLifecycle consumer, long events) {
        consumer.stop();
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'query' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'
                """, String.class);
        jdbc.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> "query.\"" + t + "\"").toList()));
        long start = System.nanoTime();
        consumer.start();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> applied(jdbc) >= events);
        return System.nanoTime() - start;
    }

    /** Per table of the query schema, row count and MD5 over its sorted rows, without wall-clock default columns. */
    static Map<String, String> digest(JdbcTemplate jdbc) {
        Map<String, List<String>> columns = new TreeMap<>();
        jdbc.query("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'query' AND table_name <> 'flyway_schema_history'
                  AND COALESCE(column_default, '') NOT ILIKE '%now()%'
                  AND COALESCE(column_default, '') NOT ILIKE '%clock_timestamp()%'
                ORDER BY table_name, ordinal_position""", (ResultSet rs) -> {
            columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add('"' + rs.getString(2) + '"');
        });
        Map<String, String> digest = new TreeMap<>();
        columns.forEach((table, cols) -> digest.put(table, jdbc.queryForObject(
                "SELECT count(*) || ':' || md5(COALESCE(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT ROW("
                        + String.join(", ", cols) + ")::text AS r FROM query.\"" + table + "\") rows",
                String.class)));
        return digest;
    }
}
