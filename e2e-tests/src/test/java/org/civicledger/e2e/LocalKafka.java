package org.civicledger.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of real broker JVMs on 127.0.0.1, from the jars of infra/kafka/pom.xml: each node is broker and
 * controller. Unlike a container, a node killed with SIGKILL comes back on the same ports with the same log
 * directory, so clients and the advertised listeners stay valid.
 */
final class LocalKafka implements AutoCloseable {

    private static final Path INFRA = Path.of(System.getProperty("civic.jars", "..")).resolve("infra").toAbsolutePath();
    private static final Path HOME = Path.of("target", "local-kafka").toAbsolutePath();

    private final List<Node> nodes = new ArrayList<>();

    private LocalKafka() {
    }

    private record Node(int id, int port, int controllerPort, Path config, Path log, Process[] process) {
        boolean alive() {
            return process[0] != null && process[0].isAlive();
        }
    }

    /** Starts {@code size} nodes; with three, internal topics and new topics get three replicas and min ISR 2. */
    static LocalKafka start(int size) throws Exception {
        Path lib = ensureLib();
        LocalKafka kafka = new LocalKafka();
        String cluster = Uuid.randomUuid().toString();
        Path root = HOME.resolve("cluster-" + System.currentTimeMillis());
        for (int id = 1; id <= size; id++) {
            kafka.nodes.add(new Node(id, ServiceProcess.freePort(), ServiceProcess.freePort(),
                    root.resolve("node-" + id + ".properties"), root.resolve("node-" + id + ".log"), new Process[1]));
        }
        String voters = kafka.nodes.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort())
                .collect(Collectors.joining(","));
        int replicas = Math.min(size, 3);
        List<Process> formats = new ArrayList<>();
        for (Node node : kafka.nodes) {
            Files.createDirectories(root.resolve("data-" + node.id()));
            Files.writeString(node.config(), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=" + node.id(),
                    "controller.quorum.voters=" + voters,
                    "controller.listener.names=CONTROLLER",
                    "listeners=PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort(),
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + node.port(),
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + root.resolve("data-" + node.id()),
                    "num.partitions=1",
                    "default.replication.factor=" + replicas,
                    "offsets.topic.replication.factor=" + replicas,
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=" + replicas,
                    "transaction.state.log.min.isr=" + Math.max(1, replicas - 1),
                    "min.insync.replicas=1",
                    "unclean.leader.election.enable=false",
                    "group.initial.rebalance.delay.ms=0",
                    "log.retention.ms=-1",
                    ""));
            formats.add(java(lib, node.log().resolveSibling("format-" + node.id() + ".log"),
                    "kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", cluster,
                    "-c", node.config().toString()));
        }
        for (Process format : formats) {
            if (!format.waitFor(90, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed; see " + root);
            }
        }
        for (Node node : kafka.nodes) {
            kafka.launch(node);
        }
        for (Node node : kafka.nodes) {
            kafka.awaitStarted(node, Duration.ofSeconds(90));
        }
        return kafka;
    }

    String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, liveBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    String liveBootstrapServers() {
        return nodes.stream().filter(Node::alive).map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    /** SIGKILL: the broker gets no chance to flush, hand over leadership or deregister. */
    void kill(int nodeId) throws InterruptedException {
        Node node = node(nodeId);
        node.process()[0].destroyForcibly().waitFor();
    }

    void restart(int nodeId) throws Exception {
        Node node = node(nodeId);
        launch(node);
        awaitStarted(node, Duration.ofSeconds(90));
    }

    private Node node(int id) {
        return nodes.get(id - 1);
    }

    private void launch(Node node) throws IOException {
        long startedBefore = Files.exists(node.log()) ? Files.size(node.log()) : 0;
        Files.writeString(node.log().resolveSibling("node-" + node.id() + ".offset"), Long.toString(startedBefore));
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-Xms128m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j.configuration=file:" + INFRA.resolve("kafka/log4j.properties"),
                "-cp", ensureLib().resolve("*").toString(), "kafka.Kafka", node.config().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.log().toFile()));
        node.process()[0] = builder.start();
    }

    private void awaitStarted(Node node, Duration timeout) throws Exception {
        long from = Long.parseLong(Files.readString(node.log().resolveSibling("node-" + node.id() + ".offset")));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.process()[0].isAlive()) {
                throw new IllegalStateException("kafka node " + node.id() + " exited; see " + node.log());
            }
            String log = Files.readString(node.log());
            if (log.length() > from && log.substring((int) from).contains("Kafka Server started")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("kafka node " + node.id() + " not started; see " + node.log());
    }

    private static Process java(Path lib, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j.configuration=file:" + INFRA.resolve("kafka/tools-log4j.properties"),
                "-cp", lib.resolve("*").toString()));
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The broker's jars, copied once from the local Maven repository by infra/kafka/common.sh. */
    private static synchronized Path ensureLib() throws IOException {
        Path lib = HOME.resolve("lib");
        try (var jars = Files.exists(lib) ? Files.list(lib) : java.util.stream.Stream.<Path>empty()) {
            if (jars.anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"))) {
                return lib;
            }
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", ". \"$0\" && ensure_kafka_lib",
                INFRA.resolve("kafka/common.sh").toString()).redirectErrorStream(true)
                .redirectOutput(HOME.resolveSibling("local-kafka-lib.log").toFile());
        Files.createDirectories(HOME);
        builder.environment().put("LOCAL_KAFKA_DIR", HOME.toString());
        try {
            Process copy = builder.start();
            if (!copy.waitFor(5, TimeUnit.MINUTES) || copy.exitValue() != 0) {
                throw new IllegalStateException("could not copy the Kafka jars; see target/local-kafka-lib.log");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return lib;
    }

    List<Integer> nodeIds() {
        return IntStream.rangeClosed(1, nodes.size()).boxed().toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (Node node : nodes) {
            Process process = node.process()[0];
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
