package org.civicledger.query.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicledger.query.web.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency log, for anyone who wants to check the record: signed checkpoints, the key to check them with,
 * inclusion proofs of single events and consistency proofs between checkpoints. Every answer is checkable offline;
 * none needs to be trusted.
 */
@RestController
class LogQueries {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final ServedCheckpoints checkpoints;
    private final TrustedKey trustedKey;

    LogQueries(ServedCheckpoints checkpoints, TrustedKey trustedKey) {
        this.checkpoints = checkpoints;
        this.trustedKey = trustedKey;
    }

    @GetMapping("/api/log/checkpoint")
    ResponseEntity<String> latest() {
        return text(latestOrRefuse().note());
    }

    @GetMapping("/api/log/checkpoints/{size}")
    ResponseEntity<String> ofSize(@PathVariable long size) {
        return text(served(size).note());
    }

    /** The key this service checks checkpoints with (configured, or trusted on first use). */
    @GetMapping("/api/log/key")
    ResponseEntity<String> key() {
        return text(trustedKey.current().orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "verifier-key-not-found",
                "No checkpoint has reached this service yet, so it cannot name the log's key.")) + "\n");
    }

    @GetMapping("/api/events/{position}/proof")
    ResponseEntity<String> proof(@PathVariable long position, @RequestParam(required = false) Long size) {
        ServedCheckpoints.Served checkpoint = size == null ? latestOrRefuse() : served(size);
        long index = checkpoints.leafIndexOf(position).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND,
                "leaf-not-found", "No event at position " + position + " is in a signed checkpoint yet."));
        if (index >= checkpoint.size()) {
            throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY, "leaf-not-in-checkpoint", "The event at position "
                    + position + " is leaf " + index + ", after the checkpoint of size " + checkpoint.size()
                    + "; ask for a later checkpoint.");
        }
        return text(checkpoints.proof(index, checkpoint));
    }

    @GetMapping("/api/log/consistency")
    Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
        if (from < 1 || from > to) {
            throw new Refused(HttpStatus.BAD_REQUEST, "invalid-consistency-range", "A consistency proof goes from a "
                    + "checkpoint of size 1 or more to one at least as large; got from=" + from + ", to=" + to + ".");
        }
        served(from);
        served(to);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from);
        answer.put("to", to);
        answer.put("proof", checkpoints.consistency(from, to).stream()
                .map(h -> Base64.getEncoder().encodeToString(h)).toList());
        return answer;
    }

    private ServedCheckpoints.Served latestOrRefuse() {
        return checkpoints.latest().orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "checkpoint-not-found",
                "No signed checkpoint has reached this service yet."));
    }

    private ServedCheckpoints.Served served(long size) {
        return checkpoints.ofSize(size).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "checkpoint-not-found",
                "The log has no checkpoint of size " + size + " (checkpoints are signed at the sizes the log had "
                        + "every few seconds; GET /api/log/checkpoint names the latest)."));
    }

    private static ResponseEntity<String> text(String body) {
        return ResponseEntity.ok().contentType(TEXT).body(body);
    }
}
