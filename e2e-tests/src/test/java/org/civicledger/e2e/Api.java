package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The two HTTP APIs as a clerk and a member of the public use them. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ServiceProcess commands;
    private final ServiceProcess queries;
    private final String authorization;

    Api(ServiceProcess commands, ServiceProcess queries, String user, String password) {
        this.commands = commands;
        this.queries = queries;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A clerk's write; asserts it was accepted and answers its JSON (with the event's global position). */
    JsonNode record(String method, String path, String body) throws Exception {
        HttpResponse<String> response = write(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /**
     * A clerk's write that must be refused with {@code status}: answers the problem, after checking it names its
     * rule and that the event store did not move.
     */
    JsonNode refuse(int status, String method, String path, String body) throws Exception {
        long before = position();
        HttpResponse<String> response = write(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(method + " " + path)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("rule").asText()).as(method + " " + path + ": the rule that refused it").isNotBlank();
        assertThat(position()).as(method + " " + path + " was refused, so it stored nothing").isEqualTo(before);
        return problem;
    }

    HttpResponse<String> write(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commands.url(path)))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A public read that waits until the query side has seen {@code position}. */
    JsonNode read(String path, long position) throws Exception {
        String separator = path.contains("?") ? "&" : "?";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(queries.url(path + separator + "minPosition=" + position))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The head of the event store on the command side, to show that a refused command stored nothing. */
    long position() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(commands.url("/api/position"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /api/position: " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("position").asLong();
    }

    HttpResponse<String> readRaw(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(queries.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
