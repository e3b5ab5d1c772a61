package org.civicledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The query service's log API, read over plain HTTP GETs. Anything it says is checked, not trusted. */
final class LogClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    LogClient(String baseUrl) {
        this.base = baseUrl.replaceAll("/+$", "");
    }

    String checkpoint() throws IOException {
        return new String(get("/api/log/checkpoint"), java.nio.charset.StandardCharsets.UTF_8);
    }

    JsonNode consistency(long from, long to) throws IOException {
        return json("/api/log/consistency?from=" + from + "&to=" + to);
    }

    /** One page of events after {@code position}: {@code {"items":[{"leafIndex":..,"leafHash":..},..]}}. */
    JsonNode events(long afterPosition, int limit) throws IOException {
        return json("/api/events?after=" + afterPosition + "&limit=" + limit);
    }

    byte[] leaf(long position) throws IOException {
        return get("/api/events/" + position + "/leaf");
    }

    private JsonNode json(String path) throws IOException {
        try {
            return JSON.readTree(get(path));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("GET " + base + path + ": not JSON");
        }
    }

    private byte[] get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new UsageError("not a usable URL: " + base + path);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + base + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }
}
