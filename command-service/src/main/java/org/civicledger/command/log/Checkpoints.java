package org.civicledger.command.log;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Every checkpoint the log has signed, by tree size. */
@Component
public class Checkpoints {

    /** A signed checkpoint: the tree size, its root and the signed note exactly as published. */
    public record Signed(long size, byte[] root, String note) {
    }

    private static final RowMapper<Signed> ROW = (rs, n) -> new Signed(rs.getLong(1), rs.getBytes(2), rs.getString(3));

    private final JdbcTemplate jdbc;

    Checkpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Signed> latest() {
        return jdbc.query("SELECT size, root, note FROM log_checkpoint ORDER BY size DESC LIMIT 1", ROW)
                .stream().findFirst();
    }

    List<Signed> after(long size) {
        return jdbc.query("SELECT size, root, note FROM log_checkpoint WHERE size > ? ORDER BY size", ROW, size);
    }

    void add(Signed checkpoint) {
        jdbc.update("INSERT INTO log_checkpoint (size, root, note) VALUES (?, ?, ?) ON CONFLICT (size) DO NOTHING",
                checkpoint.size(), checkpoint.root(), checkpoint.note());
    }
}
