package org.civicledger.web.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.tlog.HashStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * tlog's stored hashes in a {@code log_hash (idx bigint primary key, hash bytea)} table of the current schema; runs in
 * the caller's transaction. The command side keeps the log's tree in one, the query side its own copy in another.
 */
public final class JdbcHashStore implements HashStore {

    private final JdbcTemplate jdbc;

    public JdbcHashStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<byte[]> readHashes(long[] indexes) {
        Long[] boxed = new Long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            boxed[i] = indexes[i];
        }
        Map<Long, byte[]> found = new HashMap<>();
        jdbc.query(c -> {
            var s = c.prepareStatement("SELECT idx, hash FROM log_hash WHERE idx = ANY (?)");
            s.setArray(1, c.createArrayOf("bigint", boxed));
            return s;
        }, rs -> {
            found.put(rs.getLong(1), rs.getBytes(2));
        });
        List<byte[]> out = new ArrayList<>(indexes.length);
        for (long i : indexes) {
            byte[] h = found.get(i);
            if (h == null) {
                throw new IllegalStateException("stored hash " + i + " is missing from log_hash");
            }
            out.add(h);
        }
        return out;
    }

    @Override
    public void writeHashes(long firstIndex, List<byte[]> hashes) {
        List<Object[]> rows = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            rows.add(new Object[] {firstIndex + i, hashes.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO log_hash (idx, hash) VALUES (?, ?)", rows);
    }
}
