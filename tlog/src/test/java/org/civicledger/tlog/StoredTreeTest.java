package org.civicledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Roots and proofs from the stored index equal RFC 6962's recursive definitions, and verify. */
class StoredTreeTest {

    private static final int N = 64;
    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static InMemoryHashStore store;
    private static StoredTree tree;

    @BeforeAll
    static void buildTree() {
        store = new InMemoryHashStore();
        tree = new StoredTree(store);
        for (int i = 0; i < N; i++) {
            byte[] leaf = ByteBuffer.allocate(12).putInt(i).putLong(i * 7919L).array();
            LEAVES.add(leaf);
            tree.append(i, leaf);
            assertThat(store.size()).isEqualTo(StoredHashIndex.count(i + 1));
        }
    }

    @Test
    void everyRootMatchesTheRecursiveDefinition() {
        TreeBuilder streamed = new TreeBuilder();
        for (int size = 0; size <= N; size++) {
            String expected = Hex.of(NaiveTree.mth(LEAVES.subList(0, size)));
            assertThat(Hex.of(tree.root(size))).as("stored, size %d", size).isEqualTo(expected);
            assertThat(Hex.of(streamed.root())).as("streamed, size %d", size).isEqualTo(expected);
            if (size < N) {
                streamed.addLeaf(LEAVES.get(size));
            }
        }
    }

    @Test
    void everyInclusionProofMatchesAndVerifies() {
        for (int size = 1; size <= N; size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(Hex.of(proof)).as("%d in %d", index, size)
                        .isEqualTo(Hex.of(NaiveTree.path(index, LEAVES.subList(0, size))));
                ProofVerifier.verifyInclusion(index, size, Hashes.leafHash(LEAVES.get(index)), proof, root);
            }
        }
    }

    @Test
    void everyConsistencyProofMatchesAndVerifies() {
        for (int n = 1; n <= N; n++) {
            byte[] root2 = tree.root(n);
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(Hex.of(proof)).as("%d to %d", m, n)
                        .isEqualTo(Hex.of(NaiveTree.proof(m, LEAVES.subList(0, n))));
                ProofVerifier.verifyConsistency(m, n, proof, tree.root(m), root2);
            }
        }
    }

    @Test
    void proofsReadOnlyLogarithmicallyManyHashes() {
        long before = store.hashesRead();
        tree.inclusionProof(37, 63);
        long inclusionReads = store.hashesRead() - before;
        before = store.hashesRead();
        tree.consistencyProof(13, 63);
        long consistencyReads = store.hashesRead() - before;
        // 63 leaves: depth 6, and the right fringe adds at most one stored subtree per level.
        assertThat(inclusionReads).isLessThanOrEqualTo(12);
        assertThat(consistencyReads).isLessThanOrEqualTo(12);
    }

    @Test
    void aProofForAnotherLeafDoesNotVerify() {
        List<byte[]> proof = tree.inclusionProof(5, 20);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(6, 20, Hashes.leafHash(LEAVES.get(5)), proof, tree.root(20)))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aForkedHistoryIsNotConsistent() {
        StoredTree forked = new StoredTree(new InMemoryHashStore());
        for (int i = 0; i < 30; i++) {
            forked.append(i, i == 3 ? new byte[] {1} : LEAVES.get(i));
        }
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(10, 30, forked.consistencyProof(10, 30),
                tree.root(10), forked.root(30))).isInstanceOf(VerificationException.class);
    }

    @Test
    void refusesProofsOutsideTheTree() {
        assertThatThrownBy(() -> tree.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
