package org.civicledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Refusals the servlet container makes before Spring sees a request are problem documents too, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ServiceWebTest.Echo.class,
        properties = "civic.http.max-body-size=64KB")
class ServiceWebTest {

    @SpringBootApplication
    @RestController
    static class Echo {
        @GetMapping("/api/things/{id}")
        String thing(@PathVariable String id) {
            return id;
        }

        @PostMapping("/api/things")
        String post(@RequestBody byte[] body) {
            return Integer.toString(body.length);
        }

        /** The services' own chains decide who may write; here everything is open. */
        @Bean
        SecurityFilterChain open(HttpSecurity http) throws Exception {
            return http.csrf(csrf -> csrf.disable()).authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"%00", "%ZZ", "a%2Fb", "%"})
    void malformedPercentEncodingIsA400Problem(String id) throws Exception {
        // Written on a socket: java.net.URI refuses to build such a URL, an attacker's client does not.
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/things/" + id + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer).contains("\"rule\":\"malformed-request\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%00", "q=a%1Bb", "q=%EF%BF%BF", "%00=x"})
    void parametersThatCannotBeStoredAreA400InvalidTextProblem(String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/things/x?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 400, "invalid-text");
    }

    @Test
    void oversizedHeadersAreA431Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/things/x"))
                .header("X-Padding", "a".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 431, "request-headers-too-large");
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413ProblemAndOneUnderItIsServed() throws Exception {
        HttpResponse<String> tooLarge = http.send(post(HttpRequest.BodyPublishers.ofByteArray(new byte[65 * 1024])),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> fits = http.send(post(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024])),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(tooLarge, 413, "request-too-large");
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(fits.body()).isEqualTo(Integer.toString(64 * 1024));
    }

    @Test
    void aChunkedBodyIsReadOnlyUpToTheLimit() throws Exception {
        byte[] large = new byte[1024 * 1024];
        Arrays.fill(large, (byte) 'a');
        // ofInputStream has no length: the client sends it chunked.
        HttpResponse<String> tooLarge = http.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(large))), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> fits = http.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[1000]))), HttpResponse.BodyHandlers.ofString());

        assertProblem(tooLarge, 413, "request-too-large");
        assertThat(fits.body()).isEqualTo("1000");
    }

    private HttpRequest post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri("/api/things")).header("Content-Type", "application/octet-stream")
                .POST(body).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"rule\":\"" + rule + "\"");
    }
}
