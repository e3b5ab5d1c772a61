package org.civicledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vectors of TRANSPARENCY.md (RFC 6962 test data): roots, node hashes and proofs over D[0..7]. */
class TreeVectorsTest {

    static final List<byte[]> LEAVES = Stream.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f").map(Hex::bytes).toList();

    static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    static final String[][] NODES = {
        {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"},
        {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"},
        {"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
    };

    private InMemoryHashStore store;
    private StoredTree tree;

    @BeforeEach
    void appendTheEightLeaves() {
        store = new InMemoryHashStore();
        tree = new StoredTree(store);
        for (int i = 0; i < LEAVES.size(); i++) {
            tree.append(i, LEAVES.get(i));
        }
    }

    @Test
    void rootsOfSizesZeroToEight() {
        TreeBuilder builder = new TreeBuilder();
        for (int size = 0; size <= 8; size++) {
            assertThat(Hex.of(tree.root(size))).as("stored root %d", size).isEqualTo(ROOTS[size]);
            assertThat(Hex.of(builder.root())).as("streamed root %d", size).isEqualTo(ROOTS[size]);
            assertThat(Hex.of(NaiveTree.mth(LEAVES.subList(0, size)))).isEqualTo(ROOTS[size]);
            if (size < 8) {
                builder.addLeaf(LEAVES.get(size));
            }
        }
    }

    @Test
    void storedNodesAreTheListedNodeHashes() {
        assertThat(store.size()).isEqualTo(StoredHashIndex.count(8)).isEqualTo(15);
        for (int level = 0; level < NODES.length; level++) {
            for (int n = 0; n < NODES[level].length; n++) {
                byte[] stored = store.readHashes(new long[] {StoredHashIndex.of(level, n)}).get(0);
                assertThat(Hex.of(stored)).as("L%d[%d]", level, n).isEqualTo(NODES[level][n]);
            }
        }
    }

    @Test
    void inclusionProofsAreTheListedOnes() {
        assertThat(Hex.of(tree.inclusionProof(0, 8))).containsExactly(n(0, 1), n(1, 1), n(2, 1));
        assertThat(Hex.of(tree.inclusionProof(5, 8))).containsExactly(n(0, 4), n(1, 3), n(2, 0));
        assertThat(Hex.of(tree.inclusionProof(2, 3))).containsExactly(n(1, 0));
        assertThat(Hex.of(tree.inclusionProof(1, 5))).containsExactly(n(0, 0), n(1, 1), n(0, 4));
        ProofVerifier.verifyInclusion(5, 8, Hex.bytes(n(0, 5)), tree.inclusionProof(5, 8), Hex.bytes(ROOTS[8]));
    }

    @Test
    void consistencyProofsAreTheListedOnes() {
        assertThat(Hex.of(tree.consistencyProof(1, 8))).containsExactly(n(0, 1), n(1, 1), n(2, 1));
        assertThat(Hex.of(tree.consistencyProof(6, 8))).containsExactly(n(1, 2), n(1, 3), n(2, 0));
        assertThat(Hex.of(tree.consistencyProof(2, 5))).containsExactly(n(1, 1), n(0, 4));
        assertThat(Hex.of(tree.consistencyProof(6, 7))).containsExactly(n(1, 2), n(0, 6), n(2, 0));
        ProofVerifier.verifyConsistency(6, 7, tree.consistencyProof(6, 7), Hex.bytes(ROOTS[6]), Hex.bytes(ROOTS[7]));
    }

    private static String n(int level, int index) {
        return NODES[level][index];
    }

    static List<byte[]> leaves() {
        return new ArrayList<>(LEAVES);
    }
}
