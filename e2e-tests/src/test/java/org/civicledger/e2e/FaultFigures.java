package org.civicledger.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/** Waiting on and reporting what the read models hold; one line per fault in the test output. */
final class FaultFigures {

    private FaultFigures() {
    }

    static void report(String fault, int sent, int accepted, int projected, int lost, int duplicated,
                       String recovery, String more) {
        System.out.printf(Locale.ROOT, "FAULT %-28s sent=%d accepted=%d projected=%d lost=%d duplicated=%d "
                + "recovery=%s %s%n", fault, sent, accepted, projected, lost, duplicated, recovery, more);
    }

    static String seconds(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }

    /** Waits until the read models in {@code schema} have applied {@code position}; answers when (nanoTime). */
    static long awaitProjected(FaultRig rig, String db, long position, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = rig.connect(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(position), 0) FROM query.event_log")) {
                rs.next();
                if (rs.getLong(1) >= position) {
                    return System.nanoTime();
                }
            } catch (SQLException notThereYet) {
                // the database is away or the schema not yet migrated
            }
            Thread.sleep(50);
        }
        throw new AssertionError("read models in " + db + " did not reach position " + position + " in " + timeout);
    }

    /**
     * Waits until the query side's copy of the transparency log holds {@code leaves} leaves and no received checkpoint
     * waits for events: the copy follows the checkpoints topic on a thread of its own, behind the projections.
     */
    static void awaitLogCopied(FaultRig rig, String db, long leaves, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = rig.connect(db)) {
                if (scalar(c, "SELECT count(*) FROM query.log_leaf") >= leaves
                        && scalar(c, "SELECT count(*) FROM query.log_checkpoint_received") == 0) {
                    return;
                }
            } catch (SQLException notThereYet) {
                // the database is away or the schema not yet migrated
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the log copy in " + db + " did not reach " + leaves + " leaves in " + timeout);
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
