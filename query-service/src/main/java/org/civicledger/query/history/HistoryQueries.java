package org.civicledger.query.history;

import java.util.List;
import java.util.Map;
import org.civicledger.query.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record itself: a file's whole legislative history, and the whole log for tools that keep their own copy. A
 * file's history is its own events and the meeting events about it: the motions made on it, the votes on them and
 * their corrections (each of which names the file) — {@link Selection#aboutFile}.
 */
@RestController
public class HistoryQueries {

    private static final int MAX_PAGE = 1000;

    private final History history;

    HistoryQueries(History history) {
        this.history = history;
    }

    /**
     * In position order, oldest first. Each item carries when the council acted and when, and by whom, it was
     * recorded, and its Open Civic Data action classification (null for events that are not OCD actions).
     */
    @GetMapping("/api/files/{fileId}/history")
    public Map<String, Object> fileHistory(@PathVariable String fileId) {
        List<History.HistoryItem> items = history.all(Selection.aboutFile(fileId));
        if (items.isEmpty()) {
            throw NotFound.file(fileId);
        }
        return Map.of("fileId", fileId, "items", items);
    }

    /**
     * The event log from a position on, for tools that poll instead of subscribing to Kafka: every event of the
     * transparency log, so dead letters (received, not yet projected) are listed too.
     */
    @GetMapping("/api/events")
    Map<String, Object> events(@RequestParam(defaultValue = "0") long after,
                               @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        List<History.HistoryItem> items = history.after(after, pageSize);
        long next = items.isEmpty() ? after : items.get(items.size() - 1).position();
        return Map.of("items", items, "next", "/api/events?after=" + next + "&limit=" + pageSize);
    }

    /** The event's envelope byte for byte, as published: the transparency log's leaf (a dead letter's too). */
    @GetMapping(value = "/api/events/{position}/leaf", produces = "application/json")
    ResponseEntity<byte[]> leaf(@PathVariable long position) {
        byte[] bytes = history.leaf(position).orElseThrow(() -> NotFound.of("event", Long.toString(position)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes);
    }
}
