package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Faults of the real parts, one after another on one deployment: the broker killed and restarted, PostgreSQL
 * stopped and started, the command service killed mid-command, the query service killed mid-rebuild. Nothing is
 * mocked: PostgreSQL runs in a container on a fixed host port (so it comes back where the services expect it), the
 * broker is a local KRaft JVM, both services are their jars. Each test prints one FAULT line with its figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceEndToEndTest {

    private static final String DB = "civic_ledger";
    private static final int POSTGRES_PORT = freePort();

    private static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15")
            .withDatabaseName(DB)
            .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(new PortBinding(
                    Ports.Binding.bindIpAndPort("127.0.0.1", POSTGRES_PORT), ExposedPort.tcp(5432))));

    private static LocalKafka kafka;
    private static FaultRig rig;

    private static int freePort() {
        try {
            return ServiceProcess.freePort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        POSTGRES.start();
        kafka = LocalKafka.start(1);
        rig = new FaultRig("127.0.0.1", POSTGRES_PORT, DB, POSTGRES.getUsername(), POSTGRES.getPassword(),
                kafka.bootstrapServers(), Map.of()).start();
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

    private static void awaitAccepted(CosponsorLoad load, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (load.acceptedCount.get() < count) {
            assertThat(System.nanoTime()).as("%d commands accepted within %s", count, timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void assertGlobalExactlyOnce(String fault) throws Exception {
        try (Connection c = rig.connect()) {
            FaultFigures.awaitProjected(rig, DB, StoreChecks.storeHead(c), Duration.ofSeconds(90));
            assertThat(StoreChecks.missingFromReadModels(c)).as(fault + ": stored events the read models lack")
                    .isZero();
            assertThat(StoreChecks.duplicatedInReadModels(c)).as(fault + ": events applied twice").isZero();
            assertThat(StoreChecks.tornStreams(c)).as(fault + ": aggregates with a gap or a doubled sequence")
                    .isZero();
        }
    }

    @Test
    @Order(1)
    void theBrokerKilledMidStreamAndRestartedLosesAndDoublesNothing() throws Exception {
        CosponsorLoad load = new CosponsorLoad(rig.commandService.url(""), 3, 100, Duration.ofMillis(30)).start();
        awaitAccepted(load, 60, Duration.ofSeconds(60));
        long killed = System.nanoTime();
        kafka.kill(1);
        Thread.sleep(4000);
        long restarted = System.nanoTime();
        kafka.restart(1);
        long upAgain = System.nanoTime();
        long caughtUp = FaultFigures.awaitProjected(rig, DB, load.highestAcceptedPosition(), Duration.ofSeconds(90));
        load.awaitDone(Duration.ofSeconds(120));
        FaultFigures.awaitProjected(rig, DB, load.highestAcceptedPosition(), Duration.ofSeconds(60));

        CosponsorLoad.Count count;
        try (Connection c = rig.connect()) {
            count = load.count(c);
        }
        StoreChecks.TopicCount topic = StoreChecks.readTopic(kafka.bootstrapServers(), "civic-ledger.events",
                Duration.ofSeconds(30));
        FaultFigures.report("kafka-broker-sigkill", load.sent.get(), load.acceptedCount.get(), count.projected(),
                count.lost(), count.duplicated(), FaultFigures.seconds(caughtUp - restarted),
                "(broker down " + FaultFigures.seconds(restarted - killed) + ", restart took "
                        + FaultFigures.seconds(upAgain - restarted) + "; topic records=" + topic.records()
                        + " extra copies=" + topic.copies() + ")");

        assertThat(load.unexpected).as("every command answered normally while the broker was away").isEmpty();
        assertThat(load.acceptedCount.get()).as("commands never fail because of Kafka").isEqualTo(load.sent.get());
        assertThat(count.lost()).as("lost").isZero();
        assertThat(count.duplicated()).as("duplicated").isZero();
        assertThat(count.disorder()).as("order per aggregate").isEmpty();
        assertGlobalExactlyOnce("kafka-broker-sigkill");
    }

    @Test
    @Order(2)
    void withPostgresStoppedCommandsAnswerACleanUnavailableAndBothServicesRecover() throws Exception {
        CosponsorLoad load = new CosponsorLoad(rig.commandService.url(""), 3, 120, Duration.ofMillis(30)).start();
        awaitAccepted(load, 60, Duration.ofSeconds(60));
        var docker = POSTGRES.getDockerClient();
        long stopped = System.nanoTime();
        docker.stopContainerCmd(POSTGRES.getContainerId()).withTimeout(10).exec();
        Thread.sleep(6000);
        long started = System.nanoTime();
        docker.startContainerCmd(POSTGRES.getContainerId()).exec();
        awaitDatabase(Duration.ofSeconds(60));
        long dbUp = System.nanoTime();

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long firstAccepted;
        while ((firstAccepted = load.firstAcceptedAtOrAfter(started)) < 0) {
            assertThat(System.nanoTime()).as("a command accepted after PostgreSQL returned").isLessThan(deadline);
            Thread.sleep(20);
        }
        long caughtUp = FaultFigures.awaitProjected(rig, DB, load.highestAcceptedPosition(), Duration.ofSeconds(90));
        load.awaitDone(Duration.ofSeconds(180));
        FaultFigures.awaitProjected(rig, DB, load.highestAcceptedPosition(), Duration.ofSeconds(60));

        CosponsorLoad.Count count;
        try (Connection c = rig.connect()) {
            count = load.count(c);
        }
        FaultFigures.report("postgres-stop", load.sent.get(), load.acceptedCount.get(), count.projected(),
                count.lost(), count.duplicated(),
                FaultFigures.seconds(firstAccepted - started) + " commands / "
                        + FaultFigures.seconds(caughtUp - started) + " projections",
                "(down " + FaultFigures.seconds(started - stopped) + ", db accepting again after "
                        + FaultFigures.seconds(dbUp - started) + "; 503 event-store-unavailable="
                        + load.unavailable.get() + ", slowest 503=" + load.slowestRefusalMillis.get()
                        + "ms, slowest answer=" + load.slowestAnswerMillis.get()
                        + "ms, recorded although answered with an error=" + load.tookEffectDespiteError.get()
                        + ", stored without an answer=" + count.unacknowledged() + ")");

        assertThat(load.unexpected).as("no 500, no hang: every answer is a success or a clean 503").isEmpty();
        assertThat(load.unavailable.get()).as("commands sent while PostgreSQL was down answered 503").isPositive();
        // Bounded: the connection timeout (3 s) plus the command's own work, never the outage's length.
        assertThat(load.slowestAnswerMillis.get()).as("every answer within a bounded time").isLessThan(5_000);
        assertThat(count.lost()).as("lost").isZero();
        assertThat(count.duplicated()).as("duplicated").isZero();
        assertThat(count.disorder()).as("order per aggregate, read model agrees").isEmpty();
        assertGlobalExactlyOnce("postgres-stop");
        assertThat(rig.api.position()).as("the command service answers again").isPositive();
    }

    private static void awaitDatabase(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(rig.jdbcUrl(DB), POSTGRES.getUsername(),
                    POSTGRES.getPassword())) {
                return;
            } catch (java.sql.SQLException e) {
                assertThat(System.nanoTime()).as("PostgreSQL accepts connections again").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    @Test
    @Order(3)
    void theCommandServiceKilledMidCommandLeavesEachVoteWholeOrAbsent() throws Exception {
        VoteLoad load = new VoteLoad(rig.api, rig.commandService.url(""), 3).start();
        load.awaitVotes(6, Duration.ofSeconds(90));
        long killed = System.nanoTime();
        rig.commandService.kill();
        load.awaitDone(Duration.ofSeconds(30));
        rig.restartCommandService();
        long healthy = System.nanoTime();
        long position = rig.api.record("POST", "/api/people", "{\"id\":\"after-the-crash\",\"name\":\"After\"}")
                .get("position").asLong();
        long accepting = System.nanoTime();
        long projected = FaultFigures.awaitProjected(rig, DB, position, Duration.ofSeconds(120));

        VoteLoad.Atomicity atomicity;
        long lost;
        long duplicated;
        try (Connection c = rig.connect()) {
            atomicity = VoteLoad.atomicity(c);
            lost = load.acceptedMissingFromStore(c);
            FaultFigures.awaitProjected(rig, DB, StoreChecks.storeHead(c), Duration.ofSeconds(60));
            lost += StoreChecks.missingFromReadModels(c);
            duplicated = StoreChecks.duplicatedInReadModels(c);
        }
        FaultFigures.report("command-service-sigkill", load.sent.get(), load.accepted.get(),
                load.accepted.get() - (int) lost, (int) lost, (int) duplicated,
                FaultFigures.seconds(accepting - killed) + " commands / " + FaultFigures.seconds(projected - killed)
                        + " projections",
                "(in flight at the kill=" + load.inFlight.get() + "; votes stored whole=" + atomicity.whole()
                        + ", torn=" + atomicity.torn() + "; restart to healthy " + FaultFigures.seconds(healthy - killed)
                        + ")");

        assertThat(load.unexpected).as("answers before the kill").isEmpty();
        assertThat(load.inFlight.get()).as("the kill interrupted commands in flight").isPositive();
        assertThat(atomicity.torn()).as("votes with only part of their events (or a motion without its lookup)")
                .isZero();
        assertThat(atomicity.whole()).isGreaterThanOrEqualTo(load.votesAccepted.get());
        assertThat(lost).as("lost").isZero();
        assertThat(duplicated).as("duplicated").isZero();
        assertGlobalExactlyOnce("command-service-sigkill");
    }

    @Test
    @Order(4)
    void theQueryServiceKilledDuringARebuildResumesToTheSameReadModelsAsACleanRebuild() throws Exception {
        long head;
        long events;
        try (Connection c = rig.connect()) {
            head = StoreChecks.storeHead(c);
            events = FaultFigures.scalar(c, "SELECT count(*) FROM command.domain_event_entry");
        }
        FaultFigures.awaitProjected(rig, DB, head, Duration.ofSeconds(60));
        rig.createDatabase("rebuild_crashed");
        rig.createDatabase("rebuild_clean");

        // Small batches make the rebuild take long enough to be killed in the middle; the result must not care.
        int port = freePort();
        ServiceProcess crashing = rig.startQueryServiceOn("rebuild_crashed",
                Map.of("CIVIC_KAFKA_MAX_POLL_RECORDS", "10"), port);
        long appliedAtKill = awaitAppliedThenKill(crashing, events / 4, events);
        long offsetAtKill;
        try (Connection c = rig.connect("rebuild_crashed")) {
            appliedAtKill = FaultFigures.scalar(c, "SELECT count(*) FROM query.event_log");
            offsetAtKill = FaultFigures.scalar(c, "SELECT COALESCE(MAX(next_offset), 0) FROM query.consumer_offset");
        }
        long restarted = System.nanoTime();
        ServiceProcess resumed = rig.startQueryServiceOn("rebuild_crashed", Map.of(), port);
        Map<String, String> crashed;
        Map<String, String> clean;
        Map<String, String> live;
        long caughtUp;
        // The clean rebuild runs beside the resumed one: the two start-ups overlap instead of adding up.
        ServiceProcess fresh = rig.startQueryServiceOn("rebuild_clean", Map.of(), freePort());
        try {
            caughtUp = FaultFigures.awaitProjected(rig, "rebuild_crashed", head, Duration.ofSeconds(120));
            FaultFigures.awaitProjected(rig, "rebuild_clean", head, Duration.ofSeconds(120));
            for (String db : List.of("rebuild_crashed", "rebuild_clean", DB)) {
                FaultFigures.awaitLogCopied(rig, db, events, Duration.ofSeconds(60));
            }
        } finally {
            resumed.close();
            fresh.close();
        }
        try (Connection a = rig.connect("rebuild_crashed"); Connection b = rig.connect("rebuild_clean");
             Connection c = rig.connect()) {
            crashed = StoreChecks.readModelDigest(a);
            clean = StoreChecks.readModelDigest(b);
            live = StoreChecks.readModelDigest(c);
        }
        long differing = clean.keySet().stream().filter(t -> !clean.get(t).equals(crashed.get(t))).count();
        long duplicated = (long) (Integer.parseInt(crashed.get("event_log").split(":")[0]) - events);
        FaultFigures.report("query-service-sigkill-rebuild", (int) events, (int) events,
                Integer.parseInt(crashed.get("event_log").split(":")[0]), (int) Math.max(0, -duplicated),
                (int) Math.max(0, duplicated), FaultFigures.seconds(caughtUp - restarted),
                "(killed after " + appliedAtKill + " of " + events + " events applied, stored offset " + offsetAtKill
                        + "; " + clean.size() + " read-model tables, differing from a clean rebuild=" + differing
                        + ", live read models equal=" + live.equals(clean) + ")");

        assertThat(appliedAtKill).as("killed in the middle of the rebuild").isPositive().isLessThan(events);
        assertThat(crashed).as("digest of every read-model table after kill and resume = clean rebuild")
                .isEqualTo(clean);
        assertThat(live).as("the live read models, after all the faults above, = a clean rebuild").isEqualTo(clean);
    }

    /** Kills the service once it has applied at least {@code atLeast} events, before it has applied them all. */
    private static long awaitAppliedThenKill(ServiceProcess service, long atLeast, long all) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = rig.connect("rebuild_crashed")) {
                while (System.nanoTime() < deadline) {
                    long applied = FaultFigures.scalar(c, "SELECT count(*) FROM query.event_log");
                    if (applied >= atLeast) {
                        service.kill();
                        assertThat(applied).as("the rebuild was still under way when killed").isLessThan(all);
                        return applied;
                    }
                    Thread.sleep(5);
                }
            } catch (java.sql.SQLException notMigratedYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the rebuild never reached " + atLeast + " events");
    }
}
