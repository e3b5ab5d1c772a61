package org.civicledger.command.file;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.civicledger.events.file.FileIntroduced;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which files exist, for rules in other aggregates; filled in the introducing command's own transaction. */
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
        jdbc.update("INSERT INTO file_entry (file_id) VALUES (?)", event.fileId());
    }

    @Override
    public boolean exists(String fileId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM file_entry WHERE file_id = ?)", Boolean.class, fileId));
    }
}
