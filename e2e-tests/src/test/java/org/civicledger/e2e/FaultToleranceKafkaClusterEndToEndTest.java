package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Three KRaft brokers (each also a controller) as local JVMs, the topic with three replicas and min.insync.replicas
 * 2: the partition leader is killed with SIGKILL in the middle of a stream of commands and stays dead.
 */
class FaultToleranceKafkaClusterEndToEndTest {

    private static final String DB = "civic_ledger";
    private static final String TOPIC = "civic-ledger.events";
    private static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15").withDatabaseName(DB);

    private static LocalKafka kafka;
    private static FaultRig rig;

    @BeforeAll
    static void start() throws Exception {
        POSTGRES.start();
        kafka = LocalKafka.start(3);
        rig = new FaultRig("127.0.0.1", POSTGRES.getMappedPort(5432), DB, POSTGRES.getUsername(),
                POSTGRES.getPassword(), kafka.bootstrapServers(), Map.of("CIVIC_KAFKA_REPLICATION", "3")).start();
        CosponsorLoad.registerPeople(rig.api);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        POSTGRES.stop();
    }

    private static TopicPartitionInfo partition(Admin admin) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(TOPIC);
        return description.partitions().get(0);
    }

    @Test
    void thePartitionLeaderKilledMidLoadLosesNothingDoublesNothingAndFailsNoCommand() throws Exception {
        long first;
        try (Connection c = rig.connect()) {
            first = StoreChecks.storeHead(c);
        }
        FaultFigures.awaitProjected(rig, DB, first, Duration.ofSeconds(60));
        int leader;
        try (Admin admin = kafka.admin()) {
            TopicPartitionInfo partition = partition(admin);
            assertThat(partition.replicas()).as("replicas of the events topic").hasSize(3);
            String minIsr = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                    .all().get(10, TimeUnit.SECONDS).values().iterator().next().get("min.insync.replicas").value();
            assertThat(minIsr).as("the topic's min.insync.replicas").isEqualTo("2");
            leader = partition.leader().id();
        }

        CosponsorLoad load = new CosponsorLoad(rig.commandService.url(""), 3, 100, Duration.ofMillis(30)).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.acceptedCount.get() < 60) {
            assertThat(System.nanoTime()).as("load under way").isLessThan(deadline);
            Thread.sleep(20);
        }
        long killed = System.nanoTime();
        kafka.kill(leader);
        long firstAfter;
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((firstAfter = load.firstAcceptedAtOrAfter(killed)) < 0) {
            assertThat(System.nanoTime()).as("a command accepted after the kill").isLessThan(deadline);
            Thread.sleep(20);
        }
        long caughtUp = FaultFigures.awaitProjected(rig, DB, load.highestAcceptedPosition(), Duration.ofSeconds(90));
        load.awaitDone(Duration.ofSeconds(120));
        FaultFigures.awaitProjected(rig, DB, load.highestAcceptedPosition(), Duration.ofSeconds(60));

        int newLeader;
        int isr;
        try (Admin admin = kafka.admin()) {
            TopicPartitionInfo partition = partition(admin);
            newLeader = partition.leader() == null ? -1 : partition.leader().id();
            isr = partition.isr().size();
        }
        CosponsorLoad.Count count;
        long missing;
        long duplicated;
        try (Connection c = rig.connect()) {
            count = load.count(c);
            FaultFigures.awaitProjected(rig, DB, StoreChecks.storeHead(c), Duration.ofSeconds(60));
            missing = StoreChecks.missingFromReadModels(c);
            duplicated = StoreChecks.duplicatedInReadModels(c);
        }
        StoreChecks.TopicCount topic = StoreChecks.readTopic(kafka.liveBootstrapServers(), TOPIC,
                Duration.ofSeconds(30));
        FaultFigures.report("kafka-leader-sigkill-3-brokers", load.sent.get(), load.acceptedCount.get(),
                count.projected(), count.lost(), count.duplicated(), FaultFigures.seconds(caughtUp - killed),
                "(killed leader " + leader + ", new leader " + newLeader + ", isr " + isr + "; first command after"
                        + " the kill accepted in " + FaultFigures.seconds(firstAfter - killed) + "; topic records="
                        + topic.records() + " extra copies=" + topic.copies() + ")");

        assertThat(load.unexpected).as("no command failed because of the broker").isEmpty();
        assertThat(load.acceptedCount.get()).as("accepted = sent").isEqualTo(load.sent.get());
        assertThat(count.lost()).as("lost").isZero();
        assertThat(count.duplicated()).as("duplicated").isZero();
        assertThat(count.disorder()).as("order per aggregate").isEmpty();
        assertThat(missing).as("stored events the read models lack").isZero();
        assertThat(duplicated).as("events applied twice").isZero();
        assertThat(newLeader).as("a surviving replica leads").isNotIn(-1, leader);
        assertThat(topic.distinctIds()).as("every stored event is on the topic").isGreaterThanOrEqualTo(
                count.projected());
    }
}
