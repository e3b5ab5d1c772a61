package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.civicledger.tlog.InMemoryHashStore;
import org.civicledger.tlog.StoredTree;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The public-integrity promise, end to end with both services as processes: the Madison file's records-request
 * bundle verifies offline with {@code civic-verify.jar} and the city's key; a log that rewrote its past is caught by
 * {@code civic-verify log} from a checkpoint kept before; and a payload edited in the database behind the system's back
 * is caught by the command side's self-audit and, in a freshly downloaded bundle, by the verifier, naming the event.
 */
@Testcontainers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordIntegrityEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VERIFIER = Path.of(System.getProperty("civic.jars", ".."), "verifier", "target",
            "civic-verify.jar").toAbsolutePath();

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @TempDir
    static Path dir;

    private static Deployment deployment;
    private static Api api;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String fileId;
    private static String cityKey;
    private static long gruberSigned;

    @BeforeAll
    static void introduceTheSafeHavenResolution() throws Exception {
        deployment = Deployment.start(POSTGRES, KAFKA, Map.of());
        api = deployment.api;
        for (String person : List.of("shiva-bidar", "larry-palm", "tim-gruber", "maurice-cheeks")) {
            api.record("POST", "/api/people", "{\"id\":\"" + person + "\",\"name\":\"" + person + "\"}");
        }
        api.record("POST", "/api/bodies", "{\"id\":\"common-council\",\"name\":\"Common Council\","
                + "\"kind\":\"COUNCIL\",\"seats\":20}");
        for (String alder : List.of("shiva-bidar", "larry-palm", "tim-gruber", "maurice-cheeks")) {
            api.record("POST", "/api/bodies/common-council/seats",
                    "{\"person\":\"" + alder + "\",\"from\":\"2015-04-21\",\"role\":\"MEMBER\"}");
        }
        fileId = api.record("POST", "/api/files", """
                {"type":"RESOLUTION","sponsor":"shiva-bidar","occurredAt":"2017-01-24T15:00:00Z",
                 "title":"Codifying the City of Madison as a safe haven for immigrants",
                 "text":"The Common Council Office is designated a safe space. ..."}""").get("fileId").asText();
        cosponsor("larry-palm", "2017-01-25T16:10:00Z");
        gruberSigned = cosponsor("tim-gruber", "2017-01-26T14:00:00Z");
        cosponsor("maurice-cheeks", "2017-01-27T19:30:00Z");
        // The city publishes its key itself (infra/run.sh prints it); a requester takes it from there.
        cityKey = get(deployment.commandService.url("/api/log/key")).strip();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    private static long cosponsor(String person, String occurredAt) throws Exception {
        return api.record("POST", "/api/files/" + fileId + "/cosponsors",
                "{\"person\":\"" + person + "\",\"occurredAt\":\"" + occurredAt + "\"}").get("position").asLong();
    }

    @Test
    @Order(1)
    void theMadisonFilesBundleVerifiesOfflineWithTheCitysKey() throws Exception {
        Path bundle = downloadBundle();

        Verify run = Verify.run("bundle", bundle.toString(), "--key", cityKey);
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).startsWith("OK: 4 event(s) are in the log civic-ledger.example/madison at size ");

        Verify log = Verify.run("log", "--url", deployment.queryService.url(""), "--key", cityKey,
                "--state", dir.resolve("state").toString(), "--full", "--leaf-bytes");
        assertThat(log.exit).as(log.output).isZero();
        assertThat(log.output).startsWith("OK: ").contains("first check").contains("recomputed the root");
    }

    @Test
    @Order(2)
    void aCheckpointKeptFromBeforeShowsAForgedHistoryInconsistent() throws Exception {
        // The trusted state holds the checkpoint the first check saw. A forger with the database (and so the
        // private key) rewrites Ald. Gruber's signature into someone else's and signs a grown log.
        List<byte[]> leaves = leaves();
        int forgedLeaf = leafIndexOf(gruberSigned);
        leaves.set(forgedLeaf, utf8(new String(leaves.get(forgedLeaf), StandardCharsets.UTF_8)
                .replace("tim-gruber", "paul-soglin")));
        leaves.add(utf8("{\"id\":\"forged\"}"));
        NoteSigner city = NoteSigner.parse(sql("SELECT private_key FROM command.log_signing_key LIMIT 1"));
        StoredTree forged = new StoredTree(new InMemoryHashStore());
        for (int i = 0; i < leaves.size(); i++) {
            forged.append(i, leaves.get(i));
        }
        long trustedSize = Checkpoint.parse(body(get(deployment.queryService.url("/api/log/checkpoint")))).size();
        String forgedNote = new Checkpoint(city.name(), leaves.size(), forged.root(leaves.size())).sign(city);
        String proof = JSON.writeValueAsString(Map.of("from", trustedSize, "to", leaves.size(), "proof",
                forged.consistencyProof(trustedSize, leaves.size()).stream()
                        .map(h -> Base64.getEncoder().encodeToString(h)).toList()));

        HttpServer forger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        forger.createContext("/api/log/checkpoint", exchange -> respond(exchange, forgedNote));
        forger.createContext("/api/log/consistency", exchange -> respond(exchange, proof));
        forger.start();
        try {
            Verify run = Verify.run("log", "--url", "http://127.0.0.1:" + forger.getAddress().getPort(),
                    "--key", cityKey, "--state", dir.resolve("state").toString());
            assertThat(run.exit).as(run.output).isEqualTo(1);
            assertThat(run.output).contains("the log rewrote its past").contains("size " + leaves.size())
                    .contains("size " + trustedSize);
        } finally {
            forger.stop(0);
        }
    }

    @Test
    @Order(3)
    void aForgedCheckpointOnTheTopicIsNeverServedByTheQuerySide() throws Exception {
        String served = get(deployment.queryService.url("/api/log/checkpoint"));
        Checkpoint current = Checkpoint.parse(body(served));
        NoteSigner city = NoteSigner.parse(sql("SELECT private_key FROM command.log_signing_key LIMIT 1"));
        byte[] otherRoot = new byte[32];
        otherRoot[0] = 1;
        String forged = new Checkpoint(current.origin(), current.size(), otherRoot).sign(city);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("civic-ledger.checkpoints", current.origin(),
                utf8(forged));
        record.headers().add("civic-log-last-position", utf8(sql("SELECT MAX(position)::text FROM query.log_leaf")))
                .add("civic-log-verifier-key", utf8(cityKey));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode log = JSON.readTree(get(deployment.queryService.url("/actuator/health")))
                    .path("components").path("transparencyLog");
            assertThat(log.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(log.path("details").path("mismatch").asText()).contains("two different signed roots for size "
                    + current.size());
        });
        assertThat(get(deployment.queryService.url("/api/log/checkpoints/" + current.size()))).isEqualTo(served);
    }

    @Test
    @Order(4)
    void anEditedPayloadIsCaughtByTheSelfAuditAndTheVerifierNamesTheEvent() throws Exception {
        String eventId = sql("SELECT event_identifier FROM command.domain_event_entry WHERE global_index = "
                + gruberSigned);
        // A database superuser edits the stored event and its public copy, switching the immutability trigger off.
        try (Connection db = connect(); Statement s = db.createStatement()) {
            s.execute("ALTER TABLE command.domain_event_entry DISABLE TRIGGER domain_event_entry_immutable");
            s.executeUpdate("UPDATE command.domain_event_entry SET payload = convert_to(replace(convert_from(payload, "
                    + "'UTF8'), 'tim-gruber', 'paul-soglin'), 'UTF8') WHERE global_index = " + gruberSigned);
            s.execute("ALTER TABLE command.domain_event_entry ENABLE TRIGGER domain_event_entry_immutable");
            s.executeUpdate("UPDATE query.event_log SET envelope = convert_to(replace(convert_from(envelope, 'UTF8'), "
                    + "'tim-gruber', 'paul-soglin'), 'UTF8') WHERE position = " + gruberSigned);
        }

        String clerk = "Basic " + Base64.getEncoder().encodeToString(
                (Deployment.CLERK + ":" + Deployment.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> audit = HTTP.send(HttpRequest.newBuilder(
                        URI.create(deployment.commandService.url("/api/log/audit"))).header("Authorization", clerk)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).as(audit.body()).isBetween(200, 499);
        JsonNode health = JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                        URI.create(deployment.commandService.url("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(health.at("/components/ledgerIntegrity/status").asText()).as(health.toString()).isEqualTo("DOWN");
        JsonNode forClerks = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(
                        deployment.commandService.url("/actuator/health/ledgerIntegrity"))).header("Authorization", clerk)
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(forClerks.at("/details/firstBadPosition").asLong()).as(forClerks.toString()).isEqualTo(gruberSigned);

        Verify run = Verify.run("bundle", downloadBundle().toString(), "--key", cityKey);
        assertThat(run.exit).as(run.output).isEqualTo(1);
        assertThat(run.output).startsWith("FAILED: event on line 3 (id " + eventId + ", leaf index "
                + leafIndexOf(gruberSigned) + ")").contains("inclusion proof");
    }

    /** Waits until every event of the file is in a checkpoint the query side serves, then saves its bundle. */
    private static Path downloadBundle() throws Exception {
        Path zip = Files.createTempFile(dir, "records-request", ".zip");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                    deployment.queryService.url("/api/files/" + fileId + "/records-request"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return false;
            }
            Files.write(zip, response.body());
            return Verify.bagInfo(zip).contains("Civic-Events-Not-Yet-Checkpointed: 0");
        });
        return zip;
    }

    private static List<byte[]> leaves() throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement s = db.prepareStatement(
                "SELECT e.envelope FROM query.event_log e JOIN query.log_leaf l ON l.position = e.position "
                        + "ORDER BY l.leaf_index")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leaves.add(rs.getBytes(1));
                }
            }
        }
        return leaves;
    }

    private static int leafIndexOf(long position) throws Exception {
        return Integer.parseInt(sql("SELECT leaf_index::text FROM query.log_leaf WHERE position = " + position));
    }

    private static String sql(String query) throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** The checkpoint text of a signed note (before the blank line). */
    private static String body(String note) {
        return note.substring(0, note.indexOf("\n\n") + 1);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = utf8(body);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code java -jar civic-verify.jar ...} as a requester runs it; output is stdout and stderr together. */
    private record Verify(int exit, String output) {

        static Verify run(String... args) throws Exception {
            assertThat(VERIFIER).as("built by the verifier module before this one").exists();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", VERIFIER.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Verify(process.exitValue(), output.strip());
        }

        static String bagInfo(Path zip) throws IOException {
            try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (entry.getName().endsWith("/bag-info.txt")) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
            return "";
        }
    }
}
