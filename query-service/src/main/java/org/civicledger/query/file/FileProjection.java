package org.civicledger.query.file;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActionCorrected;
import org.civicledger.events.file.FileReopened;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Legislative files as they stand now (status, current text version), with their current cosponsors. */
@Component
public class FileProjection implements Projection {

    private static final String STATUS = "UPDATE legislative_file SET status = ? WHERE file_id = ?";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    FileProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Handles
    void on(FileIntroduced e) {
        writes.update(Rows.of("file", e.fileId()), """
                INSERT INTO legislative_file (file_id, file_number, type, title, text, status, sponsor, introduced_at)
                VALUES (?, ?, ?, ?, ?, 'INTRODUCED', ?, ?)""",
                e.fileId(), e.fileNumber(), e.type().name(), e.title(), e.text(), e.sponsor(),
                Timestamp.from(e.occurredAt()));
    }

    @Handles
    void on(CosponsorAdded e, EventEnvelope envelope) {
        writes.update(Rows.of("file", e.fileId()), """
                INSERT INTO file_cosponsor (file_id, person_id, signed_at, signed_position) VALUES (?, ?, ?, ?)""",
                e.fileId(), e.person(), Timestamp.from(e.occurredAt()), envelope.position());
    }

    @Handles
    void on(CosponsorWithdrawn e) {
        writes.update(Rows.of("file", e.fileId()), "DELETE FROM file_cosponsor WHERE file_id = ? AND person_id = ?",
                e.fileId(), e.person());
    }

    @Handles
    void on(FileReferred e) {
        writes.update(Rows.of("file", e.fileId()), STATUS, "REFERRED", e.fileId());
    }

    /** The status names what the deciding vote did: ADOPTED, FAILED, PLACED_ON_FILE or WITHDRAWN. */
    @Handles
    void on(FileActedOn e) {
        writes.update(Rows.of("file", e.fileId()), STATUS, e.action().name(), e.fileId());
    }

    @Handles
    void on(FileActionCorrected e) {
        writes.update(Rows.of("file", e.fileId()), STATUS, e.action().name(), e.fileId());
    }

    /** Open again until the reconsidered motion is voted anew. */
    @Handles
    void on(FileReopened e) {
        writes.update(Rows.of("file", e.fileId()), STATUS, "RECONSIDERED", e.fileId());
    }

    /** The file's text is its current version; every version stays in file_version. */
    @Handles
    void on(AmendmentAdopted e) {
        if (e.version() != null) {
            writes.update(Rows.of("file", e.fileId()),
                    "UPDATE legislative_file SET text = ?, version = ? WHERE file_id = ?",
                    e.text(), e.version(), e.fileId());
        }
    }

    public void requireFile(String fileId) {
        if (jdbc.queryForList("SELECT 1 FROM legislative_file WHERE file_id = ?", fileId).isEmpty()) {
            throw NotFound.file(fileId);
        }
    }

    public Optional<String> numberOf(String fileId) {
        return jdbc.queryForList("SELECT file_number FROM legislative_file WHERE file_id = ?", String.class, fileId)
                .stream().findFirst();
    }

    /** Every filter is optional; by introduction, then number. */
    List<FileQueries.FileSummary> summaries(String sponsor, String status, String cosponsor) {
        return jdbc.query("""
                        SELECT file_id, file_number, type, title, status, sponsor, introduced_at FROM legislative_file
                        WHERE (?::text IS NULL OR sponsor = ?) AND (?::text IS NULL OR status = ?)
                          AND (?::text IS NULL OR file_id IN (SELECT file_id FROM file_cosponsor WHERE person_id = ?))
                        ORDER BY introduced_at, file_number""",
                (rs, n) -> new FileQueries.FileSummary(rs.getString("file_id"), rs.getString("file_number"),
                        rs.getString("type"), rs.getString("title"), rs.getString("status"), rs.getString("sponsor"),
                        rs.getTimestamp("introduced_at").toInstant()),
                sponsor, sponsor, status, status, cosponsor, cosponsor);
    }

    /** The file with its current cosponsors, in the order they signed. */
    Optional<FileQueries.FileView> view(String fileId, List<ReferralProjection.Referral> referrals,
                                        List<AmendmentProjection.Amendment> amendments) {
        List<String> cosponsors = jdbc.queryForList(
                "SELECT person_id FROM file_cosponsor WHERE file_id = ? ORDER BY signed_position", String.class,
                fileId);
        return jdbc.query("""
                        SELECT file_id, file_number, type, title, text, status, sponsor, introduced_at, version
                        FROM legislative_file WHERE file_id = ?""",
                (rs, n) -> new FileQueries.FileView(rs.getString("file_id"), rs.getString("file_number"),
                        rs.getString("type"), rs.getString("title"), rs.getString("text"), rs.getString("status"),
                        rs.getString("sponsor"), cosponsors, rs.getTimestamp("introduced_at").toInstant(), referrals,
                        rs.getInt("version"), amendments),
                fileId).stream().findFirst();
    }
}
