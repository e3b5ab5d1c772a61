package org.civicledger.query.feed;

import java.util.List;
import java.util.Map;
import org.civicledger.query.feed.AtomWriter.AtomEntry;
import org.civicledger.query.history.History;
import org.civicledger.query.history.History.HistoryItem;
import org.civicledger.query.history.Selection;
import org.civicledger.query.search.FileSearch;
import org.civicledger.query.search.SearchRequest;
import org.civicledger.query.web.BadParameter;
import org.civicledger.query.web.NotFound;
import org.civicledger.query.web.ProblemAnswer;
import org.civicledger.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Atom feeds of the record's actions: a file's history, a person's actions, a body's actions and meetings
 * ({@link Selection} decides which events), newest first, and any search. An entry's id is its event's id, so a
 * reader never sees an action twice, even after the read models are rebuilt; updated is when it was recorded.
 */
@RestController
class AtomFeeds {

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final int ENTRIES = 100;
    private static final int SEARCH_ENTRIES = 50;

    private final History history;
    private final FileSearch search;
    private final JdbcTemplate jdbc;

    AtomFeeds(History history, FileSearch search, JdbcTemplate jdbc) {
        this.history = history;
        this.search = search;
        this.jdbc = jdbc;
    }

    @GetMapping("/feeds/files/{fileId}.atom")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ResponseEntity<String> file(@PathVariable String fileId) {
        Map<String, Object> file = jdbc.queryForList(
                "SELECT file_number, title FROM legislative_file WHERE file_id = ?", fileId).stream().findFirst()
                .orElseThrow(() -> NotFound.file(fileId));
        return feed("files", fileId, file.get("file_number") + " — " + file.get("title"), "/files/" + fileId,
                history.latest(Selection.aboutFile(fileId), ENTRIES));
    }

    @GetMapping("/feeds/people/{personId}.atom")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ResponseEntity<String> person(@PathVariable String personId) {
        String name = jdbc.queryForList("SELECT name FROM person WHERE person_id = ?", String.class, personId)
                .stream().findFirst().orElseThrow(() -> NotFound.of("person", personId));
        return feed("people", personId, name, "/people/" + personId,
                history.latest(Selection.ofPerson(personId), ENTRIES));
    }

    @GetMapping("/feeds/bodies/{bodyId}.atom")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ResponseEntity<String> body(@PathVariable String bodyId) {
        String name = jdbc.queryForList("SELECT name FROM body WHERE body_id = ?", String.class, bodyId)
                .stream().findFirst().orElseThrow(() -> NotFound.of("body", bodyId));
        return feed("bodies", bodyId, name, "/bodies/" + bodyId, history.latest(Selection.ofBody(bodyId), ENTRIES));
    }

    /** The files a search finds (its first 50), each entry a file, updated when its record last changed. */
    @GetMapping("/feeds/search.atom")
    ResponseEntity<String> search(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String sponsor,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        SearchRequest request = SearchRequest.parse(q, status, type, sponsor, from, to, null, null)
                .page(SEARCH_ENTRIES, 0);
        List<AtomEntry> entries = search.search(request).items().stream().map(hit -> new AtomEntry(
                "urn:civic-ledger:file:" + hit.fileId(), hit.fileNumber() + " — " + hit.title(),
                hit.snippet() + " (" + hit.status() + ")", hit.updatedAt() != null ? hit.updatedAt()
                        : hit.introducedAt(), "civic-ledger", url("/files/" + hit.fileId()),
                url("/api/files/" + hit.fileId()))).toList();
        String self = ServletUriComponentsBuilder.fromCurrentRequest().toUriString();
        return ResponseEntity.ok().contentType(ATOM).body(AtomWriter.write("urn:civic-ledger:feed:search:"
                + request.q(), "Search: " + request.q(), self, searchPage(request.q()), entries));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return ProblemAnswer.of(Problems.of(HttpStatus.NOT_FOUND, e.rule(), e.getMessage()));
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameter e) {
        return ProblemAnswer.of(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage()));
    }

    private ResponseEntity<String> feed(String kind, String id, String title, String page, List<HistoryItem> items) {
        List<AtomEntry> entries = items.stream().map(item -> new AtomEntry("urn:civic-ledger:event:" + item.eventId(),
                EntryText.title(item), EntryText.summary(item), item.recordedAt(), item.recordedBy(),
                url(pageOf(item)), url("/api/events/" + item.position() + "/leaf"))).toList();
        String self = ServletUriComponentsBuilder.fromCurrentRequest().toUriString();
        return ResponseEntity.ok().contentType(ATOM).body(AtomWriter.write("urn:civic-ledger:feed:" + kind + ":" + id,
                title, self, url(page), entries));
    }

    /** The page of the record the action belongs to (pages are served beside the API). */
    private static String pageOf(HistoryItem item) {
        String id = item.aggregateId();
        return switch (item.aggregateType()) {
            case "Meeting" -> "/meetings/" + id;
            case "Body" -> "/bodies/" + id.substring(id.indexOf(':') + 1);
            case "Person" -> "/people/" + id.substring(id.indexOf(':') + 1);
            default -> "/files/" + id;
        };
    }

    private static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().encode().toUriString();
    }

    private static String searchPage(String q) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/search").queryParam("q", "{q}").encode()
                .buildAndExpand(q).toUriString();
    }
}
