package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Figures for the README, not a timed assertion: what an Idempotency-Key costs per command (claim, answer kept) and
 * what a replay costs, measured end to end over HTTP, one client, after a warm-up. Opt-in (it adds events), run
 * alone: {@code bash infra/test.sh -pl command-service -am -Dtest=IdempotencyBench
 * [-Dcivic.bench.commands=500] -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class IdempotencyBench extends CommandSideTest {

    @Test
    void idempotencyOverheadFigures() {
        int n = Integer.getInteger("civic.bench.commands", 500);
        String run = UUID.randomUUID().toString().substring(0, 8);
        measure(200, i -> send("bench-warm-" + run + "-" + i, null));
        measure(200, i -> send("bench-warm-key-" + run + "-" + i, "warm-" + run + "-" + i));

        // Interleaved, so drift in the machine's load (shared cores) falls on both alike.
        long[] plain = new long[n];
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            plain[i] = time(i, j -> send("bench-plain-" + run + "-" + j, null));
            keyed[i] = time(i, j -> send("bench-keyed-" + run + "-" + j, "k-" + run + "-" + j));
        }
        Arrays.sort(plain);
        Arrays.sort(keyed);
        long[] replay = measure(n, i -> send("bench-keyed-" + run + "-" + i, "k-" + run + "-" + i));

        System.out.printf("idempotency bench, %d commands each, 1 client (µs): without key %s | with key %s |"
                + " replay %s | mean difference %d%n", n, summary(plain), summary(keyed), summary(replay),
                (Arrays.stream(keyed).sum() - Arrays.stream(plain).sum()) / n);
    }

    private ResponseEntity<String> send(String person, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        ResponseEntity<String> response = rest.withBasicAuth("ada", "s3cret").exchange("/api/people",
                HttpMethod.POST, new HttpEntity<>("{\"id\":\"" + person + "\",\"name\":\"B\"}", headers),
                String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return response;
    }

    private static long[] measure(int n, IntFunction<ResponseEntity<String>> request) {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            micros[i] = time(i, request);
        }
        Arrays.sort(micros);
        return micros;
    }

    private static long time(int i, IntFunction<ResponseEntity<String>> request) {
        long start = System.nanoTime();
        request.apply(i);
        return (System.nanoTime() - start) / 1_000;
    }

    private static String summary(long[] sorted) {
        return "median " + sorted[sorted.length / 2] + ", p99 " + sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }
}
