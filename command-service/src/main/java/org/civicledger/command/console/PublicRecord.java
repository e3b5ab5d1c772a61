package org.civicledger.command.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the console shows, read from the public read models through query-service's API: one source of truth, the
 * same the public sees. After an action the console asks with {@code minPosition} = the action's position, so the
 * clerk always sees what they just recorded (query-service holds the answer until its projections reach it).
 */
@Component
@EnableConfigurationProperties(ConsoleSettings.class)
public class PublicRecord {

    /** The record asked for does not exist (query-service answered 404). */
    public static final class Missing extends RuntimeException {
        Missing(String path) {
            super("not in the public record: " + path);
        }
    }

    /** query-service could not be reached or did not answer in time; nothing the clerk did is lost by this. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String path, Throwable cause) {
            super("the public record could not be read: " + path, cause);
        }
    }

    private final RestClient http;

    PublicRecord(RestClient.Builder builder, ConsoleSettings settings) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.queryTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.queryTimeout());
        this.http = builder.baseUrl(settings.queryUrl().toString()).requestFactory(requests).build();
    }

    /**
     * The JSON at {@code path} (a URI template under query-service, e.g. {@code /api/meetings/{id}}), as the read
     * models stood once they had applied {@code minPosition} (0: as they are now).
     */
    public JsonNode read(long minPosition, String path, Object... variables) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (minPosition > 0) {
            uri.queryParam("minPosition", minPosition);
        }
        URI expanded = uri.encode().buildAndExpand(variables).toUri();
        try {
            JsonNode body = http.get().uri(expanded.toString()).retrieve().body(JsonNode.class);
            if (body == null) {
                throw new Unavailable(expanded.toString(), null);
            }
            return body;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                throw new Missing(expanded.toString());
            }
            throw new Unavailable(expanded.toString(), e);
        } catch (RestClientException e) {
            throw new Unavailable(expanded.toString(), e);
        }
    }
}
