package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.BufferedHashStore;
import org.civicledger.tlog.ProofVerifier;
import org.civicledger.tlog.StoredHashIndex;
import org.civicledger.tlog.StoredTree;
import org.civicledger.tlog.TreeBuilder;
import org.civicledger.web.log.JdbcHashStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Figures for the README, not a timed assertion: inclusion and consistency proofs at a million leaves, computed as the
 * service computes them, from the stored hashes in PostgreSQL (one indexed read of O(log n) rows per proof), each
 * verified. Opt-in, run alone: {@code bash infra/test.sh -pl query-service -am -Dtest=LogProofBench
 * [-Dcivic.bench.leaves=1000000] -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LogProofBench {

    @Test
    void proofsAtAMillionLeaves() {
        int leaves = Integer.getInteger("civic.bench.leaves", 1_000_000);
        try (PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15")) {
            postgres.start();
            SingleConnectionDataSource db = new SingleConnectionDataSource(postgres.getJdbcUrl(),
                    postgres.getUsername(), postgres.getPassword(), true);
            JdbcTemplate jdbc = new JdbcTemplate(db);
            jdbc.execute("CREATE TABLE log_hash (idx BIGINT PRIMARY KEY, hash BYTEA NOT NULL)");

            long built = System.nanoTime();
            TreeBuilder reference = new TreeBuilder();
            StoredTree tree = new StoredTree(new JdbcHashStore(jdbc));
            BufferedHashStore buffer = new BufferedHashStore(new JdbcHashStore(jdbc));
            StoredTree appending = new StoredTree(buffer);
            List<byte[]> leafBytes = new ArrayList<>();
            for (int i = 0; i < leaves; i++) {
                byte[] leaf = ByteBuffer.allocate(16).putLong(i).putLong(i * 7919L).array();
                appending.append(i, leaf);
                reference.addLeaf(leaf);
                if (i % 1000 == 0) {
                    leafBytes.add(leaf);
                }
                if (i % 100_000 == 99_999) {
                    buffer.flush();
                }
            }
            buffer.flush();
            jdbc.execute("ANALYZE log_hash");
            System.out.printf("built %,d leaves (%,d stored hashes) in %.1f s%n", leaves,
                    StoredHashIndex.count(leaves), (System.nanoTime() - built) / 1e9);
            byte[] root = tree.root(leaves);
            assertThat(root).isEqualTo(reference.root());

            Random random = new Random(42);
            for (int warm = 0; warm < 500; warm++) {
                tree.inclusionProof(random.nextInt(leaves), leaves);
                tree.consistencyProof(1 + random.nextInt(leaves - 1), leaves);
            }
            int samples = 2000;
            long[] inclusion = new long[samples];
            int inclusionBytes = 0;
            for (int s = 0; s < samples; s++) {
                int pick = random.nextInt(leafBytes.size());
                long index = pick * 1000L;
                long t = System.nanoTime();
                List<byte[]> proof = tree.inclusionProof(index, leaves);
                inclusion[s] = System.nanoTime() - t;
                ProofVerifier.verifyInclusion(index, leaves, Hashes.leafHash(leafBytes.get(pick)), proof, root);
                inclusionBytes = Math.max(inclusionBytes, 32 * proof.size());
            }
            long[] consistency = new long[samples];
            int consistencyBytes = 0;
            for (int s = 0; s < samples; s++) {
                long from = 1 + random.nextInt(leaves - 1);
                long t = System.nanoTime();
                List<byte[]> proof = tree.consistencyProof(from, leaves);
                consistency[s] = System.nanoTime() - t;
                if (s < 50) {
                    ProofVerifier.verifyConsistency(from, leaves, proof, tree.root(from), root);
                }
                consistencyBytes = Math.max(consistencyBytes, 32 * proof.size());
            }
            System.out.printf("inclusion proof at %,d leaves, from PostgreSQL: p50 %.2f ms, p99 %.2f ms, max %d B%n",
                    leaves, percentile(inclusion, 50), percentile(inclusion, 99), inclusionBytes);
            System.out.printf("consistency proof to %,d leaves, from PostgreSQL: p50 %.2f ms, p99 %.2f ms, max %d B%n",
                    leaves, percentile(consistency, 50), percentile(consistency, 99), consistencyBytes);
            assertThat(inclusionBytes).isLessThan(1024);
            assertThat(consistencyBytes).isLessThan(1024);
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
