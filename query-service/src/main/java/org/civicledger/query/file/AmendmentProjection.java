package org.civicledger.query.file;

import java.sql.Timestamp;
import java.util.List;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.AmendmentRejected;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A file's amendments, pending or decided, each with the text it now proposes. */
@Component
class AmendmentProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    AmendmentProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** {@code amends} is null for an amendment of the file, else the amendment it amends. */
    record Amendment(String amendmentId, String proposedBy, String amends, String status, String text) {
    }

    @Handles
    void on(AmendmentProposed e, EventEnvelope envelope) {
        writes.update(Rows.of("file", e.fileId()), """
                INSERT INTO amendment (file_id, amendment_id, amends, proposed_by, text, status, proposed_at, position)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)""",
                e.fileId(), e.amendmentId(), e.amends(), e.proposedBy(), e.text(),
                Timestamp.from(e.occurredAt()), envelope.position());
    }

    @Handles
    void on(AmendmentAdopted e) {
        decide(e.fileId(), e.amendmentId(), "ADOPTED");
        if (e.amends() != null) {
            // Adopting an amendment of an amendment rewrites the pending amendment it amends.
            writes.update(Rows.of("file", e.fileId()), """
                    UPDATE amendment SET text = ? WHERE file_id = ? AND amendment_id = ? AND status = 'PENDING'""",
                    e.text(), e.fileId(), e.amends());
        }
    }

    @Handles
    void on(AmendmentRejected e) {
        decide(e.fileId(), e.amendmentId(), "REJECTED");
    }

    private void decide(String fileId, String amendmentId, String status) {
        writes.update(Rows.of("file", fileId), "UPDATE amendment SET status = ? WHERE file_id = ? AND amendment_id = ?",
                status, fileId, amendmentId);
    }

    /** In the order proposed. */
    List<Amendment> of(String fileId) {
        return jdbc.query("""
                        SELECT amendment_id, proposed_by, amends, status, text FROM amendment
                        WHERE file_id = ? ORDER BY position""",
                (rs, n) -> new Amendment(rs.getString("amendment_id"), rs.getString("proposed_by"),
                        rs.getString("amends"), rs.getString("status"), rs.getString("text")),
                fileId);
    }
}
