package org.civicledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clerk's steady stream of commands from a few client threads: each thread owns one file and adds and withdraws
 * the same cosponsor in turn, one event per command, so the file's expected history is exactly the accepted
 * commands in the order the thread sent them. A command refused while the store is away is sent again; if that
 * retry is refused because the first one did take effect, the thread counts it and moves on.
 */
final class CosponsorLoad {

    static final String SPONSOR = "fault-sponsor";
    static final String COSPONSOR = "fault-cosponsor";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Accepted(String type, long position, long atNanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((Deployment.CLERK + ":" + Deployment.PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final int perThread;
    private final Duration pace;
    private final List<String> files = new ArrayList<>();
    private final Map<String, List<Accepted>> accepted = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger acceptedCount = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger tookEffectDespiteError = new AtomicInteger();
    final AtomicLong slowestRefusalMillis = new AtomicLong();
    final AtomicLong slowestAnswerMillis = new AtomicLong();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final AtomicLong lastAcceptedNanos = new AtomicLong();

    /** {@code commandUrl}: the command service's base URL, the same across its restarts. */
    CosponsorLoad(String commandUrl, int threads, int perThread, Duration pace) throws Exception {
        this.commandUrl = commandUrl;
        this.perThread = perThread;
        this.pace = pace;
        for (int i = 0; i < threads; i++) {
            HttpResponse<String> introduced = send("POST", "/api/files", """
                    {"type":"RESOLUTION","sponsor":"%s","title":"Fault drill %d","text":"Load."}"""
                    .formatted(SPONSOR, i));
            if (introduced.statusCode() != 201) {
                throw new IllegalStateException("introduce: " + introduced.body());
            }
            String file = JSON.readTree(introduced.body()).get("fileId").asText();
            files.add(file);
            accepted.put(file, new CopyOnWriteArrayList<>());
        }
    }

    /** The two people every load needs; a second registration is refused (409) and harmless. */
    static void registerPeople(Api api) throws Exception {
        for (String person : List.of(SPONSOR, COSPONSOR)) {
            api.write("POST", "/api/people", "{\"id\":\"" + person + "\",\"name\":\"" + person + "\"}");
        }
    }

    CosponsorLoad start() {
        for (String file : files) {
            Thread thread = new Thread(() -> drive(file), "load-" + file.substring(0, 8));
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void drive(String file) {
        boolean signed = false;
        for (int i = 0; i < perThread; i++) {
            String type = signed ? "CosponsorWithdrawn" : "CosponsorAdded";
            long start = System.nanoTime();
            sent.incrementAndGet();
            try {
                HttpResponse<String> response = signed
                        ? send("DELETE", "/api/files/" + file + "/cosponsors/" + COSPONSOR, null)
                        : send("POST", "/api/files/" + file + "/cosponsors", "{\"person\":\"" + COSPONSOR + "\"}");
                long millis = (System.nanoTime() - start) / 1_000_000;
                int status = response.statusCode();
                slowestAnswerMillis.accumulateAndGet(millis, Math::max);
                if (status == 200 || status == 201) {
                    long now = System.nanoTime();
                    accepted.get(file).add(new Accepted(type,
                            JSON.readTree(response.body()).get("position").asLong(), now));
                    acceptedCount.incrementAndGet();
                    lastAcceptedNanos.set(now);
                    signed = !signed;
                } else if (status == 503 && isStoreUnavailable(response)) {
                    unavailable.incrementAndGet();
                    slowestRefusalMillis.accumulateAndGet(millis, Math::max);
                } else if (status == 409 && (rule(response).equals("already-cosponsor")
                        || rule(response).equals("not-a-cosponsor"))) {
                    // An earlier attempt that was answered with an error had in fact been recorded.
                    tookEffectDespiteError.incrementAndGet();
                    signed = !signed;
                } else {
                    unexpected.add(status + " after " + millis + " ms: " + response.body());
                }
            } catch (Exception e) {
                unexpected.add(e + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(pace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isStoreUnavailable(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && rule(response).equals("event-store-unavailable");
    }

    private static String rule(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("rule").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    void awaitDone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                throw new IllegalStateException("load thread " + thread.getName() + " still running after " + timeout);
            }
        }
    }

    long highestAcceptedPosition() {
        return accepted.values().stream().flatMap(List::stream).mapToLong(Accepted::position).max().orElse(0);
    }

    /** The first command accepted at or after {@code nanos}, or -1. */
    long firstAcceptedAtOrAfter(long nanos) {
        return accepted.values().stream().flatMap(List::stream).mapToLong(Accepted::atNanos)
                .filter(t -> t >= nanos).min().orElse(-1);
    }

    /** What the read models hold for the load's files, against what the clerk was told was recorded. */
    record Count(int projected, int lost, int duplicated, int unacknowledged, List<String> disorder) {
    }

    Count count(Connection queryDb) throws Exception {
        int projected = 0;
        int lost = 0;
        int duplicated = 0;
        int unacknowledged = 0;
        List<String> disorder = new ArrayList<>();
        for (String file : files) {
            List<Accepted> expected = accepted.get(file);
            Map<Long, String> expectedByPosition = new HashMap<>();
            expected.forEach(a -> expectedByPosition.put(a.position(), a.type()));
            Map<Long, Integer> seen = new TreeMap<>();
            List<long[]> rows = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try (PreparedStatement s = queryDb.prepareStatement(
                    "SELECT position, sequence, type FROM query.event_log WHERE aggregate_id = ? ORDER BY position")) {
                s.setString(1, file);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                        types.add(rs.getString(3));
                        seen.merge(rs.getLong(1), 1, Integer::sum);
                    }
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i)[1] != i) {
                    disorder.add(file + ": event at position " + rows.get(i)[0] + " has sequence " + rows.get(i)[1]
                            + ", expected " + i);
                }
            }
            for (Accepted a : expected) {
                Integer times = seen.get(a.position());
                if (times == null) {
                    lost++;
                } else {
                    projected++;
                    duplicated += times - 1;
                }
            }
            for (var entry : seen.entrySet()) {
                if (!expectedByPosition.containsKey(entry.getKey()) && rows.get(0)[0] != entry.getKey()) {
                    unacknowledged++;
                }
            }
            // Order per aggregate: the accepted commands, in the order the thread sent them, are the file's history.
            List<String> projectedTypes = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (expectedByPosition.containsKey(rows.get(i)[0])) {
                    projectedTypes.add(types.get(i));
                }
            }
            List<String> expectedTypes = expected.stream().map(Accepted::type).toList();
            if (!projectedTypes.equals(expectedTypes)) {
                disorder.add(file + ": history " + projectedTypes + " but accepted " + expectedTypes);
            }
            List<Long> positions = expected.stream().map(Accepted::position).toList();
            if (!positions.equals(positions.stream().sorted().toList())) {
                disorder.add(file + ": accepted positions out of order " + positions);
            }
            try (PreparedStatement s = queryDb.prepareStatement(
                    "SELECT count(*) FROM query.file_cosponsor WHERE file_id = ? AND person_id = ?")) {
                s.setString(1, file);
                s.setString(2, COSPONSOR);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    boolean signed = !types.isEmpty() && types.get(types.size() - 1).equals("CosponsorAdded");
                    if (rs.getInt(1) != (signed ? 1 : 0)) {
                        disorder.add(file + ": read model has " + rs.getInt(1) + " cosponsor rows, history says "
                                + (signed ? 1 : 0));
                    }
                }
            }
        }
        return new Count(projected, lost, duplicated, unacknowledged, disorder);
    }
}
