package org.civicledger.query.file;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.civicledger.query.web.BadParameter;
import org.civicledger.query.web.NotFound;
import org.civicledger.query.web.Refused;
import org.civicledger.web.LineDiff;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A file's text versions, any one of them, and a line diff between any two. */
@RestController
@RequestMapping("/api/files/{fileId}")
public class VersionQueries {

    private final VersionProjection versions;
    private final FileProjection files;

    VersionQueries(VersionProjection versions, FileProjection files) {
        this.versions = versions;
        this.files = files;
    }

    public record Diff(String fileId, int from, int to, List<LineDiff.Line> lines) {
    }

    /** Oldest first. */
    @GetMapping("/versions")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> versions(@PathVariable String fileId) {
        files.requireFile(fileId);
        return Map.of("fileId", fileId, "items", versions.versionsOf(fileId));
    }

    @GetMapping("/versions/{version}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    VersionProjection.Version version(@PathVariable String fileId, @PathVariable int version) {
        return require(fileId, version);
    }

    /** JSON by default; unified-diff style text when the client prefers text/plain. */
    @GetMapping("/diff")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ResponseEntity<?> diff(@PathVariable String fileId, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        int fromVersion = versionParameter("from", from);
        int toVersion = versionParameter("to", to);
        VersionProjection.Version a = require(fileId, fromVersion);
        VersionProjection.Version b = require(fileId, toVersion);
        List<LineDiff.Line> lines;
        try {
            lines = LineDiff.of(a.text(), b.text());
        } catch (LineDiff.TooLarge e) {
            throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY, "diff-too-large", e.getMessage());
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (prefersText(accept)) {
            return ok.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(LineDiff.unified(lines, "version " + fromVersion, "version " + toVersion));
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(new Diff(fileId, fromVersion, toVersion, lines));
    }

    private VersionProjection.Version require(String fileId, int version) {
        files.requireFile(fileId);
        return versions.version(fileId, version).orElseThrow(() -> NotFound.version(fileId, version));
    }

    private static int versionParameter(String name, String value) {
        try {
            int version = Integer.parseInt(value);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter(name, value, "a text version number: a whole number, 1 or more");
    }

    /**
     * Text only when the client rates text/plain strictly above JSON, each rated by the most specific range naming
     * it; a tie (no Accept, any type, or text/plain merely listed first at equal quality) means JSON, the default.
     */
    static boolean prefersText(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> accepted = MediaType.parseMediaTypes(accept);
            return quality(accepted, MediaType.TEXT_PLAIN) > quality(accepted, MediaType.APPLICATION_JSON);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static double quality(List<MediaType> accepted, MediaType type) {
        return accepted.stream().filter(range -> range.includes(type))
                .max(Comparator.comparingInt(range -> range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2))
                .map(MediaType::getQualityValue)
                .orElse(0.0);
    }
}
