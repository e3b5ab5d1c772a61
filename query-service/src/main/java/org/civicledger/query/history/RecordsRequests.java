package org.civicledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.civicledger.events.EventJson;
import org.civicledger.query.file.FileProjection;
import org.civicledger.query.history.History.Logged;
import org.civicledger.query.log.ServedCheckpoints;
import org.civicledger.query.web.NotFound;
import org.civicledger.query.web.Refused;
import org.civicledger.tlog.bagit.BagWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A records-request bundle: one BagIt bag (RFC 8493) holding a file's or a meeting's events exactly as the log
 * committed to them, a signed checkpoint, an inclusion proof per event and plain-language instructions, so anyone can
 * check it offline with {@code civic-verify bundle} and the city's published key. With {@code asOf} (handled, like
 * every past read, by the time-travel filter) it holds the events recorded by then, proven against today's checkpoint.
 */
@RestController
class RecordsRequests {

    private final History history;
    private final FileProjection files;
    private final ServedCheckpoints checkpoints;

    RecordsRequests(History history, FileProjection files, ServedCheckpoints checkpoints) {
        this.history = history;
        this.files = files;
        this.checkpoints = checkpoints;
    }

    @GetMapping(value = "/api/files/{fileId}/records-request", produces = "application/zip")
    ResponseEntity<byte[]> file(@PathVariable String fileId) {
        Optional<String> number = files.numberOf(fileId);
        List<Logged> events = history.logged(Selection.aboutFile(fileId));
        if (number.isEmpty() || events.isEmpty()) {
            throw NotFound.file(fileId);
        }
        return bundle("legislative file " + number.get(), number.get(), events);
    }

    @GetMapping(value = "/api/meetings/{meetingId}/records-request", produces = "application/zip")
    ResponseEntity<byte[]> meeting(@PathVariable String meetingId) {
        List<Logged> events = history.logged(new Selection(null, meetingId, null, null, null));
        if (events.isEmpty()) {
            throw NotFound.of("meeting", meetingId);
        }
        return bundle("meeting " + meetingId, meetingId, events);
    }

    private ResponseEntity<byte[]> bundle(String what, String identifier, List<Logged> all) {
        ServedCheckpoints.Served checkpoint = checkpoints.latest().orElseThrow(this::notYetInTheLog);
        List<Logged> proven = all.stream()
                .filter(e -> e.leafIndex() != null && e.leafIndex() < checkpoint.size() && e.envelope() != null)
                .toList();
        if (proven.isEmpty()) {
            throw notYetInTheLog();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String name = "records-request-" + identifier.replaceAll("[^A-Za-z0-9._-]", "_");
        BagWriter bag = new BagWriter(name, identifier, today)
                .info("External-Description", "The " + what + " as recorded in the public record: "
                        + proven.size() + " event(s), each with a proof against the log's signed checkpoint.")
                .info("Civic-Checkpoint-Size", Long.toString(checkpoint.size()))
                .info("Civic-Events-Not-Yet-Checkpointed", Integer.toString(all.size() - proven.size()));
        StringBuilder jsonl = new StringBuilder();
        StringBuilder csv = new StringBuilder("position,leaf_index,occurred_at,recorded_at,recorded_by,type,summary\r\n");
        for (Logged e : proven) {
            jsonl.append(new String(e.envelope(), StandardCharsets.UTF_8)).append('\n');
            csv.append(Csv.row(Long.toString(e.position()), Long.toString(e.leafIndex()), e.occurredAt().toString(),
                    e.recordedAt().toString(), e.recordedBy(), e.type(), summary(e)));
            bag.payload("proofs/" + e.leafIndex() + ".tlog-proof",
                    utf8(checkpoints.proof(e.leafIndex(), checkpoint)));
        }
        bag.payload("events.jsonl", utf8(jsonl.toString()))
                .payload("events.csv", utf8(csv.toString()))
                .payload("checkpoint.txt", utf8(checkpoint.note()))
                .payload("log.vkey", utf8(checkpoint.verifierKey() + "\n"))
                .payload("VERIFY.txt", utf8(VerifyText.of(what, proven.size(), all.size() - proven.size(),
                        checkpoint.size())));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".zip").build().toString())
                .body(bag.toZip());
    }

    private Refused notYetInTheLog() {
        return new Refused(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-in-log", "These events are not in a signed "
                + "checkpoint yet; checkpoints follow new events within seconds, so try again shortly.");
    }

    /** A line a person can read in a spreadsheet: the event's main fields, not its whole data. */
    private static String summary(Logged e) {
        try {
            JsonNode data = EventJson.mapper().readTree(e.data());
            StringBuilder b = new StringBuilder();
            for (String field : List.of("fileNumber", "title", "personId", "bodyId", "kind", "result", "reason",
                    "corrects")) {
                JsonNode value = data.get(field);
                if (value != null && value.isValueNode() && !value.isNull()) {
                    b.append(b.isEmpty() ? "" : "; ").append(field).append(": ").append(value.asText());
                }
            }
            return b.length() > 300 ? b.substring(0, 300) + "…" : b.toString();
        } catch (IOException ex) {
            return "";
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
