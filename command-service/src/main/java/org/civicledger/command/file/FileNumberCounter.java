package org.civicledger.command.file;

import java.time.Instant;
import java.time.ZoneId;
import org.civicledger.events.file.FileType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts per prefix and year in a row of its own. The update joins the command's transaction, so a refused or
 * failed introduction gives its number back: numbers have no gaps.
 */
@Component
class FileNumberCounter implements FileNumbers {

    private final JdbcTemplate jdbc;
    private final ZoneId cityZone;

    FileNumberCounter(JdbcTemplate jdbc, @Value("${civic.time-zone}") ZoneId cityZone) {
        this.jdbc = jdbc;
        this.cityZone = cityZone;
    }

    @Override
    public String next(FileType type, Instant introducedAt) {
        int year = introducedAt.atZone(cityZone).getYear();
        Integer number = jdbc.queryForObject("""
                INSERT INTO file_number_counter (prefix, year, last_number) VALUES (?, ?, 1)
                ON CONFLICT (prefix, year) DO UPDATE SET last_number = file_number_counter.last_number + 1
                RETURNING last_number""", Integer.class, type.prefix(), year);
        return "%s-%02d-%05d".formatted(type.prefix(), year % 100, number);
    }
}
