package org.civicledger.command.log;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.civicledger.tlog.BufferedHashStore;
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

    private static final String BATCH = TransparencyLog.class.getName() + ".batch";

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

    /**
     * Appends the event as the next leaf; an event already in the log is left alone (replays append nothing). Inside
     * a unit of work (the appender's batch) the batch's leaves and hashes are kept and written in two statements when
     * it prepares to commit, in its transaction; the last leaf is read once per batch. Outside one, at once.
     */
    boolean append(String eventId, long position, byte[] leafBytes) {
        if (!CurrentUnitOfWork.isStarted()) {
            Batch batch = new Batch();
            boolean appended = batch.append(eventId, position, leafBytes);
            batch.flush();
            return appended;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> batch.flush());
            return batch;
        }).append(eventId, position, leafBytes);
    }

    /** One batch of appends: leaves and hashes in memory until {@link #flush}, reads of earlier hashes served first. */
    private final class Batch {

        private final BufferedHashStore hashes = new BufferedHashStore(new JdbcHashStore(jdbc));
        private final StoredTree batchTree = new StoredTree(hashes);
        private final List<Object[]> leaves = new ArrayList<>();
        /** {leafIndex, position} of the log's last leaf, this batch's included; null while the log is empty. */
        private long[] last = lastLeaf();

        boolean append(String eventId, long position, byte[] leafBytes) {
            // Leaves follow positions, so only an event at or before the last leaf's position can be logged already.
            if (last != null && position <= last[1] && Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM log_leaf WHERE event_identifier = ?)", Boolean.class, eventId))) {
                return false;
            }
            long index = LeafOrder.nextIndex(last, position);
            hashes.writeHashes(StoredHashIndex.of(0, index), batchTree.hashesToStore(index, Hashes.leafHash(leafBytes)));
            leaves.add(new Object[] {index, position, eventId});
            last = new long[] {index, position};
            return true;
        }

        void flush() {
            if (!leaves.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO log_leaf (leaf_index, global_index, event_identifier) VALUES (?, ?, ?)",
                        leaves);
                leaves.clear();
            }
            hashes.flush();
        }

        private long[] lastLeaf() {
            List<long[]> found = jdbc.query(
                    "SELECT leaf_index, global_index FROM log_leaf ORDER BY leaf_index DESC LIMIT 1",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            return found.isEmpty() ? null : found.get(0);
        }
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
