import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures civic-ledger end to end against running services (infra/run.sh):
 *  1. throughput: cosponsor add/withdraw commands over HTTP from N client threads, commands per second;
 *  2. visibility: for single commands, the time from the command's answer to the query side answering
 *     a read with minPosition = that command's position (median, p99, max).
 * Plain JDK, no dependencies: java infra/bench/Bench.java [commandUrl] [queryUrl] [threads] [commands] [samples]
 */
public class Bench {

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Pattern FILE_ID = Pattern.compile("\"fileId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String commands;
    private final String queries;
    private final String auth;

    Bench(String commands, String queries, String user, String password) {
        this.commands = commands;
        this.queries = queries;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        String commandUrl = arg(args, 0, "http://localhost:8081");
        String queryUrl = arg(args, 1, "http://localhost:8082");
        int threads = Integer.parseInt(arg(args, 2, "4"));
        int total = Integer.parseInt(arg(args, 3, "2000"));
        int samples = Integer.parseInt(arg(args, 4, "300"));
        Bench bench = new Bench(commandUrl, queryUrl, System.getenv().getOrDefault("CIVIC_CLERK_USER", "clerk"),
                System.getenv().getOrDefault("CIVIC_CLERK_PASSWORD", "clerk"));
        bench.run(threads, total, samples);
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    void run(int threads, int total, int samples) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        int people = 20;
        int files = 40;
        for (int i = 0; i < people; i++) {
            post("/api/people", "{\"id\":\"bench-" + run + "-" + i + "\",\"name\":\"Bench " + i + "\"}");
        }
        List<String> fileIds = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String body = post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"Bench " + run + " " + i
                    + "\",\"text\":\"x\",\"sponsor\":\"bench-" + run + "-0\"}");
            fileIds.add(match(FILE_ID, body));
        }

        // 1. Throughput. Each thread owns its own files, so no two threads contend for one aggregate; on each
        // file it alternately adds and withdraws a cosponsor, so every command is valid.
        int perThread = total / threads;
        int ownFiles = files / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Long>> lastPositions = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            lastPositions.add(pool.submit(() -> {
                long last = 0;
                for (int k = 0; k < perThread; k++) {
                    String file = fileIds.get(thread * ownFiles + k % ownFiles);
                    int round = k / ownFiles;
                    String person = "bench-" + run + "-" + (1 + (round / 2) % (people - 2));
                    String body = round % 2 == 0
                            ? post("/api/files/" + file + "/cosponsors", "{\"person\":\"" + person + "\"}")
                            : delete("/api/files/" + file + "/cosponsors/" + person);
                    last = Math.max(last, Long.parseLong(match(POSITION, body)));
                }
                return last;
            }));
        }
        long highest = 0;
        for (Future<Long> f : lastPositions) {
            highest = Math.max(highest, f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long caughtUpStart = System.nanoTime();
        get("/api/files/" + fileIds.get(0) + "?minPosition=" + highest);
        double drain = (System.nanoTime() - caughtUpStart) / 1e6;
        int sent = perThread * threads;
        System.out.printf("throughput: %d commands, %d client threads, %.1f s -> %.0f commands/s end to end "
                + "(query side caught up %.0f ms after the last answer)%n", sent, threads, seconds, sent / seconds,
                drain);

        // 2. Visibility latency, one command at a time.
        long[] micros = new long[samples];
        String file = fileIds.get(0);
        String person = "bench-" + run + "-" + (people - 1);
        for (int i = 0; i < samples; i++) {
            String body = i % 2 == 0
                    ? post("/api/files/" + file + "/cosponsors", "{\"person\":\"" + person + "\"}")
                    : delete("/api/files/" + file + "/cosponsors/" + person);
            long answered = System.nanoTime();
            get("/api/files/" + file + "?minPosition=" + match(POSITION, body));
            micros[i] = (System.nanoTime() - answered) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("visibility: %d samples, command answer -> visible on query side: median %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", samples, micros[samples / 2] / 1000.0,
                micros[(int) Math.ceil(samples * 0.99) - 1] / 1000.0, micros[samples - 1] / 1000.0);
    }

    private String post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(commands + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(commands + path)).header("Authorization", auth).DELETE().build());
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(queries + path)).GET().build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
