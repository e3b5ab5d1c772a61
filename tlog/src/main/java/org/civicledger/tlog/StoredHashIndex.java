package org.civicledger.tlog;

/**
 * The dense order in which the tree's complete nodes are stored (Go sumdb's StoredHashIndex,
 * Crosby &amp; Wallach §3.3): leaf n's hash comes right after the nodes completed by leaf n-1,
 * so appending only ever writes at the end. Level 0 is the leaves.
 */
public final class StoredHashIndex {

    private StoredHashIndex() {
    }

    /** Where the hash of the {@code n}-th node of {@code level} (covering 2^level leaves) is stored. */
    public static long of(int level, long n) {
        // Level L's n-th node is written right after level L-1's (2n+1)-th, so walk down to level 0.
        for (int l = level; l > 0; l--) {
            n = 2 * n + 1;
        }
        // Leaf n is stored after n + n/2 + n/4 + ... earlier hashes.
        long i = 0;
        for (; n > 0; n >>= 1) {
            i += n;
        }
        return i + level;
    }

    /** How many hashes a tree of {@code size} leaves has stored. */
    public static long count(long size) {
        if (size == 0) {
            return 0;
        }
        long count = of(0, size - 1) + 1;
        // Plus the nodes the last leaf completed: one per trailing 1 bit of its index.
        for (long i = size - 1; (i & 1) != 0; i >>>= 1) {
            count++;
        }
        return count;
    }
}
