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
 * Measures civic-ledger end to end against running services (infra/run.sh); starts nothing.
 *  1. throughput: cosponsor add/withdraw commands over HTTP from N client threads, commands per second;
 *  2. visibility: the time from a command's answer to the query side answering a read with minPosition = that
 *     command's position (median, p99, max): one command at a time, or with {@code rate} > 0 while commands arrive
 *     at that many per second (open loop: each is sent on schedule, whether or not the one before has answered);
 *  3. with {@code history} > 0, history growth: one file grown to {@code history} commands, then commands on it
 *     interleaved with commands on a new file (median of 200 each, so both run under the same load).
 * Each figure is also printed as a {@code RESULT name value} line, which infra/bench.sh reads.
 * Plain JDK, no dependencies:
 *   java infra/bench/Bench.java [commandUrl] [queryUrl] [threads] [commands] [samples] [rate] [history]
 */
public class Bench {

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Pattern FILE_ID = Pattern.compile("\"fileId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
        int rate = Integer.parseInt(arg(args, 5, "0"));
        int history = Integer.parseInt(arg(args, 6, "0"));
        Bench bench = new Bench(commandUrl, queryUrl, System.getenv().getOrDefault("CIVIC_CLERK_USER", "clerk"),
                System.getenv().getOrDefault("CIVIC_CLERK_PASSWORD", "clerk"));
        bench.run(threads, total, samples, rate, history);
        System.exit(0);
    }

    private void throughput(List<String> fileIds, String run, int people, int files, int threads, int total)
            throws Exception {
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
        System.out.printf("RESULT throughput %.0f%n", sent / seconds);
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    void run(int threads, int total, int samples, int rate, int history) throws Exception {
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

        // commands = 0 skips the Java throughput run (infra/bench.sh measures throughput with wrk, a lighter client).
        if (total > 0) {
            throughput(fileIds, run, people, files, threads, total);
        }

        // 2. Visibility latency.
        String person = "bench-" + run + "-" + (people - 1);
        long[] micros = rate > 0 ? pacedVisibility(fileIds, person, samples, rate)
                : serialVisibility(fileIds.get(0), person, samples);
        Arrays.sort(micros);
        double p99 = micros[(int) Math.ceil(samples * 0.99) - 1] / 1000.0;
        System.out.printf("visibility: %d samples%s, command answer -> visible on query side: median %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", samples, rate > 0 ? " at " + rate + " commands/s" : ", one at a time",
                micros[samples / 2] / 1000.0, p99, micros[samples - 1] / 1000.0);
        System.out.printf("RESULT visibility_p50 %.1f%nRESULT visibility_p99 %.1f%n", micros[samples / 2] / 1000.0,
                p99);

        // 3. History growth.
        if (history > 0) {
            historyGrowth(run, fileIds.get(files - 1), history, threads);
        }
    }

    private long[] serialVisibility(String file, String person, int samples) throws Exception {
        long[] micros = new long[samples];
        for (int i = 0; i < samples; i++) {
            micros[i] = visible(file, toggle(file, person, i % 2 == 0));
        }
        return micros;
    }

    /** Commands sent on a fixed schedule, round robin over the files; a file's own commands never overlap. */
    private long[] pacedVisibility(List<String> fileIds, String person, int samples, int rate) throws Exception {
        long[] micros = new long[samples];
        int files = fileIds.size() - 1;    // the last file is the history run's
        boolean[] added = new boolean[files];
        Object[] locks = new Object[files];
        Arrays.setAll(locks, i -> new Object());
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime() + 100_000_000L;
        long intervalNanos = 1_000_000_000L / rate;
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int sample = i;
            int f = i % files;
            all.add(pool.submit(() -> {
                String body;
                // A file's next command comes a full round later; should its previous one still be running, it
                // waits for it (the figure is timed from the answer, so the wait does not count).
                synchronized (locks[f]) {
                    added[f] = !added[f];
                    body = toggle(fileIds.get(f), person, added[f]);
                }
                micros[sample] = visible(fileIds.get(f), body);
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return micros;
    }

    private String toggle(String file, String person, boolean add) throws Exception {
        return add ? post("/api/files/" + file + "/cosponsors", "{\"person\":\"" + person + "\"}")
                : delete("/api/files/" + file + "/cosponsors/" + person);
    }

    private long visible(String file, String commandAnswer) throws Exception {
        long answered = System.nanoTime();
        get("/api/files/" + file + "?minPosition=" + match(POSITION, commandAnswer));
        return (System.nanoTime() - answered) / 1000;
    }

    /**
     * One file grown to {@code history} commands by {@code threads} clients (each toggling its own cosponsor), then
     * 200 commands on it interleaved with 200 on a new file, one client, each timed from send to answer.
     */
    private void historyGrowth(String run, String old, int history, int threads) throws Exception {
        int window = 200;
        int grow = history - window / 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String person = "bench-" + run + "-" + (1 + t % 18);
            int mine = grow / threads + (t < grow % threads ? 1 : 0);
            // Each client owns one cosponsor on the shared file, so its commands stay valid.
            all.add(pool.submit(() -> {
                for (int k = 0; k < mine; k++) {
                    toggle(old, person, k % 2 == 0);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        String young = match(FILE_ID, post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"Bench " + run
                + " young\",\"text\":\"x\",\"sponsor\":\"bench-" + run + "-0\"}"));
        String person = "bench-" + run + "-19";
        long[] early = new long[window];
        long[] late = new long[window];
        for (int i = 0; i < window; i++) {
            long s0 = System.nanoTime();
            toggle(young, person, i % 2 == 0);
            early[i] = System.nanoTime() - s0;
            long s1 = System.nanoTime();
            toggle(old, person, i % 2 == 0);
            late[i] = System.nanoTime() - s1;
        }
        Arrays.sort(early);
        Arrays.sort(late);
        double youngMs = early[window / 2] / 1e6;
        double oldMs = late[window / 2] / 1e6;
        System.out.printf("history: median %.1f ms around command 100, %.1f ms around command %d: ratio %.2f%n",
                youngMs, oldMs, history, oldMs / youngMs);
        System.out.printf("RESULT history_young %.1f%nRESULT history_old %.1f%nRESULT history_ratio %.2f%n",
                youngMs, oldMs, oldMs / youngMs);
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
