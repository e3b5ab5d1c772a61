package org.civicledger.query.file;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every text version of every file: version 1 is the introduced text, each later one the text of an adopted
 * amendment of the file. An adopted amendment of an amendment makes no version (its event carries none).
 */
@Component
class VersionProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    VersionProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    record VersionSummary(int version, Instant adoptedAt, String amendmentId, String meetingId, String motionId) {
    }

    record Version(String fileId, int version, String text, Instant adoptedAt, String amendmentId) {
    }

    @Handles
    void on(FileIntroduced e) {
        writes.update(Rows.of("file", e.fileId()),
                "INSERT INTO file_version (file_id, version, text, adopted_at) VALUES (?, 1, ?, ?)",
                e.fileId(), e.text(), Timestamp.from(e.occurredAt()));
    }

    @Handles
    void on(AmendmentAdopted e) {
        if (e.version() != null) {
            writes.update(Rows.of("file", e.fileId()), """
                    INSERT INTO file_version (file_id, version, text, adopted_at, amendment_id, meeting_id, motion_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    e.fileId(), e.version(), e.text(), Timestamp.from(e.occurredAt()), e.amendmentId(),
                    e.meetingId(), e.motionId());
        }
    }

    List<VersionSummary> versionsOf(String fileId) {
        return jdbc.query("""
                        SELECT version, adopted_at, amendment_id, meeting_id, motion_id FROM file_version
                        WHERE file_id = ? ORDER BY version""",
                (rs, n) -> new VersionSummary(rs.getInt("version"), rs.getTimestamp("adopted_at").toInstant(),
                        rs.getString("amendment_id"), rs.getString("meeting_id"), rs.getString("motion_id")),
                fileId);
    }

    Optional<Version> version(String fileId, int version) {
        return jdbc.query("""
                        SELECT text, adopted_at, amendment_id FROM file_version WHERE file_id = ? AND version = ?""",
                (rs, n) -> new Version(fileId, version, rs.getString("text"),
                        rs.getTimestamp("adopted_at").toInstant(), rs.getString("amendment_id")),
                fileId, version).stream().findFirst();
    }
}
