package org.civicledger.query.log;

import java.util.List;
import java.util.Optional;
import org.civicledger.tlog.note.TlogProof;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The checkpoints this service serves (each one reproduced by its copy of the log) and proofs against them. */
@Component
public class ServedCheckpoints {

    /** A checkpoint as signed, with the position of its last leaf and the key that signed it. */
    public record Served(long size, String note, long lastPosition, String verifierKey) {
    }

    private static final String SELECT = "SELECT size, note, last_position, verifier_key FROM log_checkpoint";
    private static final RowMapper<Served> ROW = (rs, n) -> new Served(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getString(4));

    private final JdbcTemplate jdbc;
    private final LogCopy copy;

    ServedCheckpoints(JdbcTemplate jdbc, LogCopy copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    public Optional<Served> latest() {
        return jdbc.query(SELECT + " ORDER BY size DESC LIMIT 1", ROW).stream().findFirst();
    }

    public Optional<Served> ofSize(long size) {
        return jdbc.query(SELECT + " WHERE size = ?", ROW, size).stream().findFirst();
    }

    /** The leaf index of the event at {@code position}, once a checkpoint covers it. */
    public Optional<Long> leafIndexOf(long position) {
        return jdbc.queryForList("SELECT leaf_index FROM log_leaf WHERE position = ?", Long.class, position)
                .stream().findFirst();
    }

    /** A C2SP tlog-proof of leaf {@code index} in {@code checkpoint}'s tree; the index must be below its size. */
    public String proof(long index, Served checkpoint) {
        return new TlogProof(index, copy.tree().inclusionProof(index, checkpoint.size()), checkpoint.note()).format();
    }

    public List<byte[]> consistency(long from, long to) {
        return copy.tree().consistencyProof(from, to);
    }
}
