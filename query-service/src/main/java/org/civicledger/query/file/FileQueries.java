package org.civicledger.query.file;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/files")
public class FileQueries {

    private static final String SUMMARY = """
            SELECT file_id, file_number, type, title, status, sponsor, introduced_at FROM legislative_file""";

    private final JdbcTemplate jdbc;
    private final ReferralProjection referrals;
    private final AmendmentProjection amendments;

    FileQueries(JdbcTemplate jdbc, ReferralProjection referrals, AmendmentProjection amendments) {
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.amendments = amendments;
    }

    public record FileView(String fileId, String fileNumber, String type, String title, String text, String status,
                    String sponsor, List<String> cosponsors, Instant introducedAt,
                    List<ReferralProjection.Referral> referrals, int version,
                    List<AmendmentProjection.Amendment> amendments) {
    }

    public record FileSummary(String fileId, String fileNumber, String type, String title, String status, String sponsor,
                       Instant introducedAt) {
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String sponsor,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String cosponsor) {
        List<FileSummary> items = jdbc.query(SUMMARY + """
                         WHERE (?::text IS NULL OR sponsor = ?) AND (?::text IS NULL OR status = ?)
                           AND (?::text IS NULL OR file_id IN (SELECT file_id FROM file_cosponsor WHERE person_id = ?))
                        ORDER BY introduced_at, file_number""",
                (rs, n) -> new FileSummary(rs.getString("file_id"), rs.getString("file_number"), rs.getString("type"),
                        rs.getString("title"), rs.getString("status"), rs.getString("sponsor"),
                        rs.getTimestamp("introduced_at").toInstant()),
                sponsor, sponsor, status, status, cosponsor, cosponsor);
        return Map.of("items", items);
    }

    /** One snapshot for the file, its cosponsors, referrals and amendments, so they never disagree. */
    @GetMapping("/{fileId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FileView file(@PathVariable String fileId) {
        List<String> cosponsors = jdbc.queryForList(
                "SELECT person_id FROM file_cosponsor WHERE file_id = ? ORDER BY signed_position", String.class,
                fileId);
        List<ReferralProjection.Referral> referred = referrals.of(fileId);
        List<AmendmentProjection.Amendment> amended = amendments.of(fileId);
        return jdbc.query("""
                        SELECT file_id, file_number, type, title, text, status, sponsor, introduced_at, version
                        FROM legislative_file WHERE file_id = ?""",
                (rs, n) -> new FileView(rs.getString("file_id"), rs.getString("file_number"), rs.getString("type"),
                        rs.getString("title"), rs.getString("text"), rs.getString("status"), rs.getString("sponsor"),
                        cosponsors, rs.getTimestamp("introduced_at").toInstant(), referred, rs.getInt("version"),
                        amended),
                fileId).stream().findFirst().orElseThrow(() -> NotFound.file(fileId));
    }
}
