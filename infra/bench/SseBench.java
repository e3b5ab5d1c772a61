import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live stream under load, from outside the service: opens N SSE streams to a running query-service
 * (infra/run.sh), waits until every one has opened, then records cosponsor add/withdraw commands through
 * command-service at a fixed rate and measures, for every frame at every client, the time from the command's
 * HTTP answer to the frame's arrival (matched by the answer's {@code position} and the frame's {@code id:}).
 * One JVM, two executor threads for all streams (the JDK HttpClient's selector reads the sockets), so the client
 * takes little of the machine. Plain JDK, no dependencies:
 *
 *   java infra/bench/SseBench.java [commandUrl] [queryUrl] [subscribers] [events] [intervalMs]
 */
public class SseBench {

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Pattern FILE_ID = Pattern.compile("\"fileId\"\\s*:\\s*\"([^\"]+)\"");
    private static final int OPENING_AT_ONCE = 50;

    private final ExecutorService streamThreads = Executors.newFixedThreadPool(2);
    private final HttpClient streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(streamThreads).build();
    private final HttpClient clerk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String commands;
    private final String queries;
    private final String auth;
    private final AtomicInteger streamErrors = new AtomicInteger();
    private final AtomicInteger endedEarly = new AtomicInteger();
    private volatile boolean finishing;

    SseBench(String commands, String queries, String user, String password) {
        this.commands = commands;
        this.queries = queries;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        SseBench bench = new SseBench(arg(args, 0, "http://localhost:8081"), arg(args, 1, "http://localhost:8082"),
                System.getenv().getOrDefault("CIVIC_CLERK_USER", "clerk"),
                System.getenv().getOrDefault("CIVIC_CLERK_PASSWORD", "clerk"));
        bench.run(Integer.parseInt(arg(args, 2, "1000")), Integer.parseInt(arg(args, 3, "60")),
                Integer.parseInt(arg(args, 4, "250")));
        System.exit(0);
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    /** One open stream: the arrival time of every frame id it has read (written by one thread at a time). */
    private final class Client implements Flow.Subscriber<String> {
        final Map<Long, Long> arrivals = new HashMap<>();
        final Runnable onOpen;
        boolean open;

        Client(Runnable onOpen) {
            this.onOpen = onOpen;
        }

        /** The stream opened (its {@code :open} comment came) or was refused: once. */
        synchronized void settled() {
            if (!open) {
                open = true;
                onOpen.run();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(String line) {
            long now = System.nanoTime();
            if (line.startsWith("id: ")) {
                arrivals.put(Long.parseLong(line.substring(4).strip()), now);
            } else if (line.startsWith(":open")) {
                settled();
            }
        }

        @Override
        public void onError(Throwable e) {
            if (!finishing) {
                streamErrors.incrementAndGet();
            }
        }

        @Override
        public void onComplete() {
            if (!finishing) {
                endedEarly.incrementAndGet();
            }
        }
    }

    void run(int subscribers, int events, int intervalMs) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String sponsor = "ssebench-" + run + "-sponsor";
        String cosponsor = "ssebench-" + run + "-cosponsor";
        post("/api/people", "{\"id\":\"" + sponsor + "\",\"name\":\"SSE bench sponsor\"}");
        post("/api/people", "{\"id\":\"" + cosponsor + "\",\"name\":\"SSE bench cosponsor\"}");
        String file = match(FILE_ID, post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"SSE bench " + run
                + "\",\"text\":\"x\",\"sponsor\":\"" + sponsor + "\"}"));

        String load0 = loadAverage();
        List<Client> clients = new ArrayList<>();
        CountDownLatch opened = new CountDownLatch(subscribers);
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        AtomicInteger refused = new AtomicInteger();
        long openStart = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
            Client client = new Client(() -> {
                opened.countDown();
                opening.release();
            });
            clients.add(client);
            opening.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(queries + "/api/stream"))
                    .header("Accept", "text/event-stream").GET().build();
            CompletableFuture<HttpResponse<Void>> response = streams.sendAsync(request,
                    HttpResponse.BodyHandlers.fromLineSubscriber(client));
            response.whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    refused.incrementAndGet();
                    client.settled();
                }
            });
        }
        if (!opened.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(opened.getCount() + " streams did not open within 120 s");
        }
        System.out.printf("opened %d streams in %.1f s (%d refused)%n", subscribers - refused.get(),
                (System.nanoTime() - openStart) / 1e9, refused.get());
        Thread.sleep(2000);

        // Fixed rate: command k is sent at start + k * interval, whatever the previous one took.
        Map<Long, Long> answered = new ConcurrentHashMap<>();
        Map<Long, Long> projected = new ConcurrentHashMap<>();
        int commandErrors = 0;
        long start = System.nanoTime();
        for (int k = 0; k < events; k++) {
            long due = start + TimeUnit.MILLISECONDS.toNanos((long) k * intervalMs);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            try {
                String body = k % 2 == 0
                        ? post("/api/files/" + file + "/cosponsors", "{\"person\":\"" + cosponsor + "\"}")
                        : delete("/api/files/" + file + "/cosponsors/" + cosponsor);
                long now = System.nanoTime();
                long position = Long.parseLong(match(POSITION, body));
                answered.put(position, now);
                // Where the time goes: when the query side has committed the event (its fan-out starts then).
                clerk.sendAsync(HttpRequest.newBuilder(URI.create(queries + "/api/position?minPosition=" + position))
                        .build(), HttpResponse.BodyHandlers.discarding())
                        .thenAccept(r -> projected.put(position, System.nanoTime() - now));
            } catch (RuntimeException e) {
                commandErrors++;
                System.out.println("command failed: " + e.getMessage());
            }
        }
        long expected = (long) answered.size() * (subscribers - refused.get());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered(clients, answered) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        finishing = true;
        String load1 = loadAverage();

        List<Long> micros = new ArrayList<>();
        for (Client client : clients) {
            synchronized (client) {
                client.arrivals.forEach((position, at) -> {
                    Long answer = answered.get(position);
                    if (answer != null) {
                        micros.add((at - answer) / 1000);
                    }
                });
            }
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: %d subscribers, %d commands every %d ms (%d failed), deliveries %d of %d, "
                        + "stream errors %d, streams ended early %d%n", LocalDate.now(), subscribers, events,
                intervalMs, commandErrors, sorted.length, expected, streamErrors.get(), endedEarly.get());
        if (sorted.length > 0) {
            System.out.printf("command's HTTP answer -> frame at the client: p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                            + "(min %.1f ms)%n", at(sorted, 0.50), at(sorted, 0.99),
                    sorted[sorted.length - 1] / 1000.0, sorted[0] / 1000.0);
        }
        long[] toProjection = projected.values().stream().mapToLong(n -> n / 1000).sorted().toArray();
        if (toProjection.length > 0) {
            System.out.printf("of which command's HTTP answer -> projected by the query side (a minPosition read "
                    + "answered): p50 %.1f ms, p99 %.1f ms%n", at(toProjection, 0.50), at(toProjection, 0.99));
        }
        System.out.printf("service's share (event_log read -> frame written, the service's Micrometer window): "
                + "p50 %s ms, p99 %s ms%n", serviceShare(0.5), serviceShare(0.99));
        System.out.printf("load average before: %s, after: %s (%d cores)%n", load0, load1,
                Runtime.getRuntime().availableProcessors());
    }

    /** Frames of the commands answered so far that have reached their clients. */
    private static long delivered(List<Client> clients, Map<Long, Long> answered) {
        long count = 0;
        for (Client client : clients) {
            synchronized (client) {
                for (Long position : client.arrivals.keySet().toArray(Long[]::new)) {
                    if (answered.containsKey(position)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** civic.stream.delivery's percentile gauge, if the service exposes its metrics. */
    private String serviceShare(double phi) {
        try {
            HttpResponse<String> r = clerk.send(HttpRequest.newBuilder(URI.create(queries
                    + "/actuator/metrics/civic.stream.delivery.percentile?tag=phi:" + phi)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee-]+)").matcher(r.body());
            return m.find() ? String.format("%.1f", Double.parseDouble(m.group(1)) * 1000) : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)] / 1000.0;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", Arrays.copyOf(parts, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(commands + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(commands + path)).header("Authorization", auth).DELETE()
                .build());
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = clerk.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode()
                    + " " + response.body());
        }
        return response.body();
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }
}
