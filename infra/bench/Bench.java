import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final ThreadLocal<Map<String, Wire>> wires = ThreadLocal.withInitial(HashMap::new);
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
        // The first two seconds' samples are not recorded: this client's own JIT compiles on the measured cores.
        int unrecorded = rate * 2;
        long[] micros = rate > 0
                ? Arrays.copyOfRange(pacedVisibility(fileIds, person, unrecorded + samples, rate), unrecorded,
                        unrecorded + samples)
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
        return send(commands, "POST", path, json);
    }

    private String delete(String path) throws Exception {
        return send(commands, "DELETE", path, null);
    }

    private String get(String path) throws Exception {
        return send(queries, "GET", path, null);
    }

    private String send(String base, String method, String path, String json) throws IOException {
        Wire wire = wires.get().computeIfAbsent(base, Wire::new);
        Wire.Response response = wire.exchange(method, path, base.equals(commands) ? auth : null, json);
        if (response.status() >= 300) {
            throw new IllegalStateException(method + " " + base + path + " -> " + response.status() + " "
                    + response.body());
        }
        return response.body();
    }

    /**
     * HTTP/1.1 on one kept-alive connection per thread and service. Hand-written because the client shares the two
     * cores with what it measures: the JDK's HttpClient used about 1.8 ms of CPU per request here, more than the
     * command it sent (wrk, in the throughput run: 0.07 ms per command).
     */
    private static final class Wire {

        record Response(int status, String body) {
        }

        private static final String NOTHING_READ = "connection closed before an answer";

        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Wire(String base) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort() == -1 ? 80 : uri.getPort();
        }

        Response exchange(String method, String path, String auth, String json) throws IOException {
            boolean reused = socket != null;
            if (!reused) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
            if (auth != null) {
                head.append("Authorization: ").append(auth).append("\r\n");
            }
            if (json != null) {
                head.append("Content-Type: application/json\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return read();
            } catch (EOFException | SocketException e) {
                close();
                if (reused && e.getMessage() != null && e.getMessage().equals(NOTHING_READ)) {
                    // The server had closed the idle connection before reading the request: send it once more.
                    return exchange(method, path, auth, json);
                }
                throw e;
            }
        }

        private Response read() throws IOException {
            String status = line(true);
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(false); !header.isEmpty(); header = line(false)) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closing = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line(false).split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line(false).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(false);
                }
                line(false);
            } else if (length > 0) {
                body.write(in.readNBytes(length));
            }
            if (closing) {
                close();
            }
            return new Response(code, body.toString(StandardCharsets.UTF_8));
        }

        private String line(boolean first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new EOFException(first && line.isEmpty() ? NOTHING_READ : "connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a connection that failed
            } finally {
                socket = null;
            }
        }
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }
}
