package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.query.QueryServiceApplication;
import org.civicledger.query.stream.ProjectionPosition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A query schema left stuck by an earlier deployment (schema before dead letters, offsets stored at a poison record
 * it retried forever) recovers by itself when this build starts on it: the poison is parked, the rest flows.
 */
class StuckSchemaRecoveryIntegrationTest extends TopicIntegrationTest {

    private static final String STUCK_TOPIC = "stuck.events";

    @Test
    void aSchemaStuckAtAPoisonRecordRecoversOnStart() throws Exception {
        String url = POSTGRES.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/stuck$1");
        new JdbcTemplate(new DriverManagerDataSource(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword())).execute("CREATE DATABASE stuck");
        DriverManagerDataSource stuckDb = new DriverManagerDataSource(url, POSTGRES.getUsername(), POSTGRES.getPassword());
        Flyway.configure().dataSource(stuckDb).schemas("query").defaultSchema("query").createSchemas(true)
                .target("6").load().migrate();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(STUCK_TOPIC, 1, (short) 1))).all().get();
        }
        Topic stuckTopic = new Topic(KAFKA.getBootstrapServers(), STUCK_TOPIC);
        String poisoned = id();
        String healthy = id();
        stuckTopic.publish(new PersonRegistered("stuck-ann", "Ann", at(0)));
        stuckTopic.publish(new FileIntroduced(poisoned, "RES-17-00900", FileType.RESOLUTION, "Bad\u0000title",
                "text", "stuck-ann", at(1)));
        long last = stuckTopic.publish(new FileIntroduced(healthy, "RES-17-00901", FileType.RESOLUTION, "Good",
                "text", "stuck-ann", at(2)), new CosponsorAdded(healthy, "larry-palm", at(3)));
        // What the earlier deployment left: the first event applied, its offset stored, then stuck at offset 1.
        JdbcTemplate stuck = new JdbcTemplate(stuckDb);
        stuck.update("""
                INSERT INTO query.event_log (event_id, position, type, aggregate_type, aggregate_id, sequence,
                    occurred_at, recorded_at, recorded_by, revision, data)
                VALUES ('stuck-1', 1, 'PersonRegistered', 'Person', 'person:stuck-ann', 0, now(), now(), 'clerk',
                    '1', '{"personId":"stuck-ann","name":"Ann"}')""");
        stuck.update("INSERT INTO query.person (person_id, name, registered_at) VALUES ('stuck-ann', 'Ann', now())");
        stuck.update("INSERT INTO query.consumer_offset (topic, partition, next_offset) VALUES (?, 0, 1)", STUCK_TOPIC);

        // Command-line arguments: they outrank application.yml, as a deployment's settings do.
        try (ConfigurableApplicationContext recovered = new SpringApplicationBuilder(QueryServiceApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + POSTGRES.getUsername(),
                        "--spring.datasource.password=" + POSTGRES.getPassword(),
                        "--civic.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                        "--civic.kafka.topic=" + STUCK_TOPIC)) {
            ProjectionPosition position = recovered.getBean(ProjectionPosition.class);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> position.current() >= last);

            assertThat(stuck.queryForObject("SELECT count(*) FROM query.file_cosponsor WHERE file_id = ?", Long.class,
                    healthy)).isEqualTo(1);
            assertThat(stuck.queryForList("SELECT aggregate_id FROM query.dead_letter", String.class))
                    .containsExactly(poisoned);
            assertThat(stuck.queryForObject("SELECT count(*) FROM query.person", Long.class)).isEqualTo(1);
            assertThat(stuck.queryForObject("SELECT next_offset FROM query.consumer_offset", Long.class))
                    .isEqualTo(4);
        }
    }
}
