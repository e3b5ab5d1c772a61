package org.civicledger.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.civicledger.tlog.Hashes;

/** The query service's log API over a {@link TestLog}; tests swap the log to make it grow or fork. */
final class FakeLogServer implements AutoCloseable {

    private final HttpServer server;
    private volatile TestLog log;
    private volatile int size;
    private volatile UnaryOperator<byte[]> listedLeafHash = h -> h;

    FakeLogServer(TestLog log) throws IOException {
        serve(log, log.size());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/log/checkpoint", ex -> send(ex, 200, this.log.checkpoint(size)));
        server.createContext("/api/log/consistency", ex -> {
            Map<String, String> q = query(ex);
            long from = Long.parseLong(q.get("from"));
            long to = Long.parseLong(q.get("to"));
            StringBuilder proof = new StringBuilder();
            for (byte[] h : this.log.tree().consistencyProof(from, to)) {
                proof.append(proof.length() == 0 ? "" : ",").append('"').append(b64(h)).append('"');
            }
            send(ex, 200, "{\"from\":" + from + ",\"to\":" + to + ",\"proof\":[" + proof + "]}");
        });
        server.createContext("/api/events", this::events);
        server.start();
    }

    void serve(TestLog log, int size) {
        this.log = log;
        this.size = size;
    }

    void listLeafHashesAs(UnaryOperator<byte[]> f) {
        listedLeafHash = f;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void events(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/leaf")) {
            int position = Integer.parseInt(path.split("/")[3]);
            byte[] leaf = log.leaf(position - 1);
            ex.sendResponseHeaders(200, leaf.length);
            ex.getResponseBody().write(leaf);
            ex.close();
            return;
        }
        Map<String, String> q = query(ex);
        int after = Integer.parseInt(q.get("after"));
        int limit = Integer.parseInt(q.get("limit"));
        StringBuilder items = new StringBuilder();
        // Positions are leaf index + 1 here; the service may serve more events than its checkpoint covers.
        for (int i = after; i < log.size() && i < after + limit; i++) {
            items.append(items.length() == 0 ? "" : ",").append("{\"position\":").append(i + 1)
                    .append(",\"leafIndex\":").append(i)
                    .append(",\"leafHash\":\"").append(b64(listedLeafHash.apply(Hashes.leafHash(log.leaf(i))))).append("\"}");
        }
        send(ex, 200, "{\"items\":[" + items + "]}");
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        for (String pair : ex.getRequestURI().getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv[1]);
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static String b64(byte[] h) {
        return Base64.getEncoder().encodeToString(h);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
