package org.civicledger.tlog.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.InMemoryHashStore;
import org.civicledger.tlog.ProofVerifier;
import org.civicledger.tlog.StoredTree;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteSigner;
import org.civicledger.tlog.note.TlogProof;

/**
 * Not a test: run by hand to size the log (in-memory store, so it measures hashing and index math,
 * not the database round trip a PostgreSQL store adds per batch).
 * {@code java -cp tlog/target/classes:tlog/target/test-classes org.civicledger.tlog.bench.TreeBenchmark [leaves]}
 */
public final class TreeBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        InMemoryHashStore store = new InMemoryHashStore();
        StoredTree tree = new StoredTree(store);
        byte[] leaf = new byte[600]; // about one CloudEvents envelope

        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ByteBuffer.wrap(leaf).putInt(i);
            tree.append(i, leaf);
        }
        double appendUs = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf("append: %d leaves of %d bytes, %.2f µs per leaf, %.3f stored hashes per leaf%n",
                n, leaf.length, appendUs, (double) store.size() / n);

        byte[] root = tree.root(n);
        int rounds = 20_000;
        warmUp(tree, n);

        long reads = store.hashesRead();
        start = System.nanoTime();
        List<byte[]> inclusion = null;
        for (int r = 0; r < rounds; r++) {
            inclusion = tree.inclusionProof(index(r, n), n);
        }
        double inclusionUs = (System.nanoTime() - start) / 1e3 / rounds;
        double inclusionReads = (double) (store.hashesRead() - reads) / rounds;
        ByteBuffer.wrap(leaf).putInt(index(rounds - 1, n));
        ProofVerifier.verifyInclusion(index(rounds - 1, n), n, Hashes.leafHash(leaf), inclusion, root);
        System.out.printf("inclusion proof at %d leaves: %.1f µs, %d hashes = %d bytes, %.1f stored hashes read%n",
                n, inclusionUs, inclusion.size(), inclusion.size() * Hashes.SIZE, inclusionReads);
        NoteSigner key = NoteSigner.generate("records.example.gov/log");
        String proofFile = new TlogProof(index(rounds - 1, n), inclusion, new Checkpoint(key.name(), n, root).sign(key)).format();
        System.out.printf("  as a signed c2sp tlog-proof file: %d bytes%n", proofFile.getBytes(StandardCharsets.UTF_8).length);

        reads = store.hashesRead();
        start = System.nanoTime();
        List<byte[]> consistency = null;
        long m = 0;
        for (int r = 0; r < rounds; r++) {
            m = 1 + index(r, n - 1);
            consistency = tree.consistencyProof(m, n);
        }
        double consistencyUs = (System.nanoTime() - start) / 1e3 / rounds;
        double consistencyReads = (double) (store.hashesRead() - reads) / rounds;
        ProofVerifier.verifyConsistency(m, n, consistency, tree.root(m), root);
        System.out.printf("consistency proof to %d leaves: %.1f µs, %d hashes = %d bytes (last m=%d), %.1f stored hashes read%n",
                n, consistencyUs, consistency.size(), consistency.size() * Hashes.SIZE, m, consistencyReads);

        start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            tree.root(n - (r % 1000));
        }
        System.out.printf("root at a size near %d: %.1f µs%n", n, (System.nanoTime() - start) / 1e3 / rounds);
    }

    // Spread proof positions over the tree without a random source, so runs compare.
    private static int index(int r, int n) {
        return (int) ((r * 2_654_435_761L) % n);
    }

    private static void warmUp(StoredTree tree, int n) {
        for (int r = 0; r < 20_000; r++) {
            tree.inclusionProof(index(r, n), n);
            tree.consistencyProof(1 + index(r, n - 1), n);
        }
    }
}
