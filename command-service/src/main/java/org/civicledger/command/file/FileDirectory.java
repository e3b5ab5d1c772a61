package org.civicledger.command.file;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.AmendmentRejected;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReopened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which files exist, who sponsors them, whether they are closed and which amendments are pending: for rules in
 * other aggregates, filled in the transactions of the events themselves.
 */
@Component
@ProcessingGroup(FileDirectory.GROUP)
public class FileDirectory implements Files {

    public static final String GROUP = "file-directory";

    private final JdbcTemplate jdbc;

    public FileDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(FileIntroduced event) {
        jdbc.update("INSERT INTO file_entry (file_id, sponsor) VALUES (?, ?)", event.fileId(), event.sponsor());
    }

    @EventHandler
    @DisallowReplay
    void on(FileActedOn event) {
        jdbc.update("UPDATE file_entry SET closed = true WHERE file_id = ?", event.fileId());
    }

    @EventHandler
    @DisallowReplay
    void on(FileReopened event) {
        jdbc.update("UPDATE file_entry SET closed = false WHERE file_id = ?", event.fileId());
    }

    @EventHandler
    @DisallowReplay
    void on(AmendmentProposed event) {
        jdbc.update("INSERT INTO amendment_entry (amendment_id, file_id) VALUES (?, ?)", event.amendmentId(),
                event.fileId());
    }

    @EventHandler
    @DisallowReplay
    void on(AmendmentAdopted event) {
        decided(event.amendmentId());
    }

    @EventHandler
    @DisallowReplay
    void on(AmendmentRejected event) {
        decided(event.amendmentId());
    }

    private void decided(String amendmentId) {
        jdbc.update("UPDATE amendment_entry SET pending = false WHERE amendment_id = ?", amendmentId);
    }

    @Override
    public boolean isPendingAmendment(String fileId, String amendmentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM amendment_entry WHERE amendment_id = ? AND file_id = ? AND pending)""",
                Boolean.class, amendmentId, fileId));
    }

    @Override
    public String sponsorOf(String fileId) {
        return jdbc.queryForList("SELECT sponsor FROM file_entry WHERE file_id = ?", String.class, fileId)
                .stream().findFirst().orElse(null);
    }

    @Override
    public boolean isClosed(String fileId) {
        return Boolean.TRUE.equals(jdbc.queryForList("SELECT closed FROM file_entry WHERE file_id = ?",
                Boolean.class, fileId).stream().findFirst().orElse(false));
    }

    @Override
    public boolean exists(String fileId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM file_entry WHERE file_id = ?)", Boolean.class, fileId));
    }
}
