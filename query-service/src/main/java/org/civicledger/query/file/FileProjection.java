package org.civicledger.query.file;

import java.sql.Timestamp;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActionCorrected;
import org.civicledger.events.file.FileReopened;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Legislative files as they stand now (status, current text version), with their current cosponsors. */
@Component
public class FileProjection implements Projection {

    private final JdbcTemplate jdbc;

    FileProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope envelope, CivicEvent event) {
        if (event instanceof FileIntroduced e) {
            jdbc.update("""
                    INSERT INTO legislative_file (file_id, file_number, type, title, text, status, sponsor,
                                                  introduced_at)
                    VALUES (?, ?, ?, ?, ?, 'INTRODUCED', ?, ?)""",
                    e.fileId(), e.fileNumber(), e.type().name(), e.title(), e.text(), e.sponsor(),
                    Timestamp.from(e.occurredAt()));
        } else if (event instanceof CosponsorAdded e) {
            jdbc.update("""
                    INSERT INTO file_cosponsor (file_id, person_id, signed_at, signed_position)
                    VALUES (?, ?, ?, ?)""",
                    e.fileId(), e.person(), Timestamp.from(e.occurredAt()), envelope.position());
        } else if (event instanceof CosponsorWithdrawn e) {
            jdbc.update("DELETE FROM file_cosponsor WHERE file_id = ? AND person_id = ?", e.fileId(), e.person());
        } else if (event instanceof FileReferred e) {
            jdbc.update("UPDATE legislative_file SET status = 'REFERRED' WHERE file_id = ?", e.fileId());
        } else if (event instanceof FileActedOn e) {
            // The status names what the deciding vote did: ADOPTED, FAILED, PLACED_ON_FILE or WITHDRAWN.
            jdbc.update("UPDATE legislative_file SET status = ? WHERE file_id = ?", e.action().name(), e.fileId());
        } else if (event instanceof FileActionCorrected e) {
            jdbc.update("UPDATE legislative_file SET status = ? WHERE file_id = ?", e.action().name(), e.fileId());
        } else if (event instanceof FileReopened e) {
            // Open again until the reconsidered motion is voted anew.
            jdbc.update("UPDATE legislative_file SET status = 'RECONSIDERED' WHERE file_id = ?", e.fileId());
        } else if (event instanceof AmendmentAdopted e && e.version() != null) {
            // The file's text is its current version; every version stays in file_version.
            jdbc.update("UPDATE legislative_file SET text = ?, version = ? WHERE file_id = ?", e.text(), e.version(),
                    e.fileId());
        }
    }

    public void requireFile(String fileId) {
        if (jdbc.queryForList("SELECT 1 FROM legislative_file WHERE file_id = ?", fileId).isEmpty()) {
            throw NotFound.file(fileId);
        }
    }
}
