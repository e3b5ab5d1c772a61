package org.civicledger.query.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.civicledger.query.stream.ProjectionPosition;
import org.civicledger.tlog.BufferedHashStore;
import org.civicledger.tlog.StoredTree;
import org.civicledger.web.log.JdbcHashStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query side's own copy of the transparency log. Each signed checkpoint received is served only once this copy,
 * built from the envelopes the events topic delivered (dead letters included), hashes to the same root: so every
 * proof this service gives is for the bytes it serves, and a topic that lost, added or altered an event is caught
 * here rather than by a records requester. One thread ({@link CheckpointFollower}'s) appends.
 */
@Component
public class LogCopy {

    private static final Logger log = LoggerFactory.getLogger(LogCopy.class);
    private static final int PAGE = 1000;
    /** Events arrive within seconds of their checkpoint; this long after, with the topic read past them, they are lost. */
    private static final long LOST_AFTER_NANOS = 30_000_000_000L;
    /** A copy that disagrees with the log is tried again this often, not after every poll. */
    private static final long RETRY_MISMATCH_NANOS = 30_000_000_000L;
    /** Events of the log, whether projected or parked; an event in both is counted once. */
    private static final String EVENTS_BETWEEN = """
            SELECT position, event_id, envelope FROM event_log WHERE position > ? AND position <= ?
            UNION ALL
            SELECT d.position, d.event_id, d.envelope FROM dead_letter d
            WHERE d.position > ? AND d.position <= ?
              AND NOT EXISTS (SELECT 1 FROM event_log e WHERE e.event_id = d.event_id)""";

    /** What the copy knows of itself, for health and for readers. */
    public record State(long size, long checkpointSize, String waitingFor, String mismatch) {
    }

    private record Received(long size, byte[] root, String note, long lastPosition, String verifierKey) {
    }

    private record Leaf(long position, String eventId, byte[] envelope) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StoredTree tree;
    private final ProjectionPosition projection;
    private volatile String waitingFor;
    private long waitingSince;
    private volatile String mismatch;
    private long mismatchSince;
    private volatile String forked;

    LogCopy(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProjectionPosition projection) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.tree = new StoredTree(new JdbcHashStore(jdbc));
        this.projection = projection;
    }

    public State state() {
        Long checkpoint = jdbc.queryForObject("SELECT MAX(size) FROM log_checkpoint", Long.class);
        return new State(size(), checkpoint == null ? -1 : checkpoint, waitingFor, forked != null ? forked : mismatch);
    }

    public long size() {
        Long size = jdbc.queryForObject("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_leaf", Long.class);
        return size == null ? 0 : size;
    }

    public StoredTree tree() {
        return tree;
    }

    /** A received checkpoint that disagrees with one already held for its size is evidence of a forked log. */
    Optional<String> conflictWith(long size, byte[] root) {
        List<byte[]> roots = jdbc.query("""
                SELECT root FROM log_checkpoint WHERE size = ? UNION ALL
                SELECT root FROM log_checkpoint_received WHERE size = ?""", (rs, n) -> rs.getBytes(1), size, size);
        return roots.stream().filter(r -> !MessageDigest.isEqual(r, root)).findFirst()
                .map(r -> "two different signed roots for size " + size + ": " + b64(r) + " and " + b64(root));
    }

    /** Evidence of a forked log stays named until an operator restarts the service (it is kept as a rejected record). */
    void forked(String evidence) {
        log.error("transparency log copy: {}", evidence);
        forked = evidence;
    }

    private void raise(String problem) {
        if (mismatch == null) {
            log.error("transparency log copy: {}", problem);
        }
        mismatch = problem;
        mismatchSince = System.nanoTime();
    }

    /**
     * Extends the copy to each received checkpoint in size order, each in its own transaction, until one needs events
     * that have not arrived. A checkpoint the copy cannot reproduce is left unserved and named in {@link #state}.
     */
    synchronized void catchUp() {
        if (mismatch != null && System.nanoTime() - mismatchSince < RETRY_MISMATCH_NANOS) {
            return;
        }
        for (Received received : received()) {
            if (!Boolean.TRUE.equals(transaction.execute(status -> {
                Optional<String> wrong = extendTo(received);
                if (wrong.isPresent()) {
                    status.setRollbackOnly();
                    raise(wrong.get());
                    return false;
                }
                return waitingFor == null;
            }))) {
                return;
            }
        }
        mismatch = null;
    }

    private List<Received> received() {
        return jdbc.query("""
                SELECT size, root, note, last_position, verifier_key FROM log_checkpoint_received ORDER BY size""",
                (rs, n) -> new Received(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
    }

    /** Empty when the checkpoint was matched or must wait for events ({@link #waitingFor} set); else what is wrong. */
    private Optional<String> extendTo(Received checkpoint) {
        long size = size();
        if (checkpoint.size() > size) {
            long lastPosition = lastLeafPosition();
            if (checkpoint.lastPosition() < lastPosition) {
                return Optional.of("checkpoint " + checkpoint.size() + " ends at position " + checkpoint.lastPosition()
                        + ", before leaf " + (size - 1) + " at position " + lastPosition);
            }
            long expected = checkpoint.size() - size;
            Long held = jdbc.queryForObject("SELECT count(*) FROM (" + EVENTS_BETWEEN + ") e", Long.class,
                    lastPosition, checkpoint.lastPosition(), lastPosition, checkpoint.lastPosition());
            if (held != null && held > expected) {
                return Optional.of("this service holds " + held + " events at positions " + (lastPosition + 1) + " to "
                        + checkpoint.lastPosition() + ", the signed log " + expected);
            }
            if (held == null || held < expected) {
                String waiting = "size " + checkpoint.size() + " (events up to position " + checkpoint.lastPosition()
                        + ")";
                if (!waiting.equals(waitingFor)) {
                    waitingFor = waiting;
                    waitingSince = System.nanoTime();
                } else if (projection.current() >= checkpoint.lastPosition()
                        && System.nanoTime() - waitingSince > LOST_AFTER_NANOS) {
                    return Optional.of("the events topic lacks " + (expected - (held == null ? 0 : held))
                            + " of the events the log signed at positions up to " + checkpoint.lastPosition());
                }
                return Optional.empty();
            }
            Optional<String> unusable = append(size, lastPosition, checkpoint.lastPosition());
            if (unusable.isPresent()) {
                return unusable;
            }
        }
        byte[] root = tree.root(checkpoint.size());
        if (!MessageDigest.isEqual(root, checkpoint.root())) {
            return Optional.of("the events this service holds hash to " + b64(root) + " at size " + checkpoint.size()
                    + ", but the log signed " + b64(checkpoint.root()));
        }
        jdbc.update("""
                INSERT INTO log_checkpoint (size, root, note, last_position, verifier_key) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (size) DO NOTHING""", checkpoint.size(), checkpoint.root(), checkpoint.note(),
                checkpoint.lastPosition(), checkpoint.verifierKey());
        jdbc.update("DELETE FROM log_checkpoint_received WHERE size = ?", checkpoint.size());
        waitingFor = null;
        return Optional.empty();
    }

    /** Appends the events after {@code lastPosition} up to {@code upTo} as leaves from {@code size} on. */
    private Optional<String> append(long size, long lastPosition, long upTo) {
        BufferedHashStore buffer = new BufferedHashStore(new JdbcHashStore(jdbc));
        StoredTree appending = new StoredTree(buffer);
        long index = size;
        long after = lastPosition;
        while (true) {
            List<Leaf> page = jdbc.query(EVENTS_BETWEEN + " ORDER BY position LIMIT " + PAGE,
                    (rs, n) -> new Leaf(rs.getLong(1), rs.getString(2), rs.getBytes(3)), after, upTo, after, upTo);
            List<Object[]> rows = new ArrayList<>(page.size());
            for (Leaf leaf : page) {
                if (leaf.envelope() == null) {
                    return Optional.of("event " + leaf.eventId() + " at position " + leaf.position() + " was stored "
                            + "before envelopes were kept: rebuild the read models from the topic");
                }
                appending.append(index, leaf.envelope());
                rows.add(new Object[] {index, leaf.position(), leaf.eventId()});
                index++;
                after = leaf.position();
            }
            jdbc.batchUpdate("INSERT INTO log_leaf (leaf_index, position, event_id) VALUES (?, ?, ?)", rows);
            buffer.flush();
            if (page.size() < PAGE) {
                return Optional.empty();
            }
        }
    }

    private long lastLeafPosition() {
        Long position = jdbc.queryForObject("SELECT MAX(position) FROM log_leaf", Long.class);
        return position == null ? 0 : position;
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
