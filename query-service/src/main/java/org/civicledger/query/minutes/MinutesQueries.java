package org.civicledger.query.minutes;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's minutes: once approved, the frozen text (corrections made since are listed beside it, never merged in);
 * before that, a draft written afresh from the read models on every request. The ETag is the SHA-256 of the plain
 * text: strong on the text itself; weak on the HTML and JSON, which state the same facts in other bytes.
 */
@RestController
public class MinutesQueries {

    static final String STATUS_HEADER = "Minutes-Status";
    static final String DRAFT = "DRAFT";
    static final String APPROVED = "APPROVED";

    private final MinutesLoader loader;
    private final ApprovedMinutes approved;
    private final MinutesHtml html;

    MinutesQueries(MinutesLoader loader, ApprovedMinutes approved, MinutesHtml html) {
        this.loader = loader;
        this.approved = approved;
        this.html = html;
    }

    /** {@code approval} and {@code correctionsSinceApproval} are null and empty for a draft. */
    record MinutesJson(String meetingId, String status, String text, String sha256, ApprovedMinutes.Approval approval,
                       List<ApprovedMinutes.LaterCorrection> correctionsSinceApproval) {
    }

    /** What a request is answered with: the frozen text once approved, else a draft written now. */
    private record Current(String status, String text, String sha256, String html, MinutesJson json) {
    }

    private Current current(String meetingId) {
        Minutes minutes = loader.load(meetingId);
        var approval = approved.find(meetingId);
        if (approval.isEmpty()) {
            String text = MinutesRenderer.text(minutes);
            String sha256 = MinutesRenderer.sha256(text);
            return new Current(DRAFT, text, sha256, html.draft(minutes),
                    new MinutesJson(meetingId, DRAFT, text, sha256, null, List.of()));
        }
        var frozen = approval.get();
        var corrections = approved.correctionsSince(meetingId, frozen.position());
        return new Current(APPROVED, frozen.text(), frozen.sha256(), html.approved(frozen, corrections),
                new MinutesJson(meetingId, APPROVED, frozen.text(), frozen.sha256(), frozen, corrections));
    }

    @GetMapping("/api/meetings/{meetingId}/minutes")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ResponseEntity<byte[]> minutes(@PathVariable String meetingId, @RequestParam(required = false) String format,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        MinutesFormat chosen = MinutesFormat.choose(format, accept).orElseThrow(() ->
                new HttpMediaTypeNotAcceptableException(List.of(MinutesFormat.HTML.mediaType,
                        MinutesFormat.TEXT.mediaType)));
        Current minutes = current(meetingId);
        boolean plain = chosen == MinutesFormat.TEXT;
        return ResponseEntity.ok()
                .contentType(chosen.mediaType)
                .eTag(plain ? "\"" + minutes.sha256() + "\"" : "W/\"" + minutes.sha256() + "\"")
                .varyBy(HttpHeaders.ACCEPT)
                .header(STATUS_HEADER, minutes.status())
                .body((plain ? minutes.text() : minutes.html()).getBytes(UTF_8));
    }

    @GetMapping("/api/meetings/{meetingId}/minutes.json")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ResponseEntity<MinutesJson> minutesJson(@PathVariable String meetingId) {
        Current minutes = current(meetingId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag("W/\"" + minutes.sha256() + "\"")
                .header(STATUS_HEADER, minutes.status())
                .body(minutes.json());
    }
}
