package org.civicledger.command.log;

import java.util.List;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.StoredHashIndex;
import org.civicledger.tlog.StoredTree;
import org.civicledger.web.log.JdbcHashStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The log's tree in the command side's database: leaf n is the n-th event in global-position order. Appends come
 * from one writer ({@link LeafAppender}) and run in its transaction; roots and proofs read O(log n) stored hashes.
 */
@Component
public class TransparencyLog {

    private final JdbcTemplate jdbc;
    private final StoredTree tree;

    public TransparencyLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tree = new StoredTree(new JdbcHashStore(jdbc));
    }

    public long size() {
        Long size = jdbc.queryForObject("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_leaf", Long.class);
        return size == null ? 0 : size;
    }

    /** The global position of leaf {@code index}; 0 for index -1 (the empty tree covers no position). */
    long positionOfLeaf(long index) {
        if (index < 0) {
            return 0;
        }
        Long position = jdbc.queryForObject("SELECT global_index FROM log_leaf WHERE leaf_index = ?", Long.class, index);
        return position == null ? 0 : position;
    }

    /** Appends the event as the next leaf; an event already in the log is left alone (replays append nothing). */
    boolean append(String eventId, long position, byte[] leafBytes) {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM log_leaf WHERE event_identifier = ?)", Boolean.class, eventId))) {
            return false;
        }
        List<long[]> last = jdbc.query("SELECT leaf_index, global_index FROM log_leaf ORDER BY leaf_index DESC LIMIT 1",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
        long index = LeafOrder.nextIndex(last.isEmpty() ? null : last.get(0), position);
        List<byte[]> hashes = tree.hashesToStore(index, Hashes.leafHash(leafBytes));
        jdbc.update("INSERT INTO log_leaf (leaf_index, global_index, event_identifier) VALUES (?, ?, ?)",
                index, position, eventId);
        new JdbcHashStore(jdbc).writeHashes(StoredHashIndex.of(0, index), hashes);
        return true;
    }

    public byte[] root(long size) {
        return tree.root(size);
    }

    public List<byte[]> consistencyProof(long from, long to) {
        return tree.consistencyProof(from, to);
    }

    public List<byte[]> inclusionProof(long index, long size) {
        return tree.inclusionProof(index, size);
    }
}
