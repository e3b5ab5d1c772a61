package org.civicledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6962 Merkle tree kept as the hashes of its complete subtrees in a {@link HashStore}.
 * Roots and proofs read O(log n) stored hashes in one batch and never rehash leaves; the algorithm
 * follows Go's golang.org/x/mod/sumdb/tlog. The store does not know the tree size: the caller does
 * (it is the number of leaves appended), and appends must be serialised by the caller.
 */
public final class StoredTree {

    private final HashStore store;

    public StoredTree(HashStore store) {
        this.store = store;
    }

    /** Appends leaf number {@code index} (so the tree had {@code index} leaves); returns its leaf hash. */
    public byte[] append(long index, byte[] leafBytes) {
        byte[] leafHash = Hashes.leafHash(leafBytes);
        appendLeafHash(index, leafHash);
        return leafHash;
    }

    public void appendLeafHash(long index, byte[] leafHash) {
        store.writeHashes(StoredHashIndex.of(0, index), hashesToStore(index, leafHash));
    }

    /**
     * The hashes that leaf {@code index} adds, to be written from {@code StoredHashIndex.of(0, index)}:
     * its leaf hash, then one node per subtree it completes. Separate from {@link #append} so a service
     * can write them in its own transaction.
     */
    public List<byte[]> hashesToStore(long index, byte[] leafHash) {
        requireHash(leafHash);
        if (index < 0) {
            throw new IllegalArgumentException("negative leaf index " + index);
        }
        // Each trailing 1 bit of index closes a subtree with the left sibling stored at that level.
        int completed = Long.numberOfTrailingZeros(~index);
        long[] siblings = new long[completed];
        for (int i = 0; i < completed; i++) {
            siblings[completed - 1 - i] = StoredHashIndex.of(i, (index >>> i) - 1);
        }
        List<byte[]> old = siblings.length == 0 ? List.of() : store.readHashes(siblings);
        List<byte[]> out = new ArrayList<>(completed + 1);
        byte[] h = leafHash;
        out.add(h);
        for (int i = 0; i < completed; i++) {
            h = Hashes.nodeHash(old.get(completed - 1 - i), h);
            out.add(h);
        }
        return out;
    }

    /** MTH of the first {@code size} leaves. */
    public byte[] root(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (size == 0) {
            return Hashes.emptyRoot();
        }
        List<Long> need = new ArrayList<>();
        subtreeIndexes(0, size, need);
        return subtreeHash(0, size, new Cursor(read(need)));
    }

    /** RFC 6962 audit path for leaf {@code index} in the tree of {@code size} leaves, leaf to root. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || size <= index) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + size);
        }
        List<Long> need = new ArrayList<>();
        inclusionIndexes(0, size, index, need);
        List<byte[]> proof = new ArrayList<>();
        inclusion(0, size, index, new Cursor(read(need)), proof);
        return proof;
    }

    /** RFC 6962 consistency proof from the tree of size {@code m} to the tree of size {@code n}. */
    public List<byte[]> consistencyProof(long m, long n) {
        if (m < 1 || n < m) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to " + n);
        }
        List<Long> need = new ArrayList<>();
        consistencyIndexes(0, n, m, need);
        List<byte[]> proof = new ArrayList<>();
        consistency(0, n, m, new Cursor(read(need)), proof);
        return proof;
    }

    // [lo, hi) splits into perfect subtrees, largest first; each one's hash is stored.
    private static void subtreeIndexes(long lo, long hi, List<Long> need) {
        while (lo < hi) {
            long k = Long.highestOneBit(hi - lo);
            need.add(StoredHashIndex.of(Long.numberOfTrailingZeros(k), lo / k));
            lo += k;
        }
    }

    private static byte[] subtreeHash(long lo, long hi, Cursor hashes) {
        List<byte[]> parts = new ArrayList<>();
        while (lo < hi) {
            parts.add(hashes.next());
            lo += Long.highestOneBit(hi - lo);
        }
        byte[] h = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            h = Hashes.nodeHash(parts.get(i), h);
        }
        return h;
    }

    private static void inclusionIndexes(long lo, long hi, long index, List<Long> need) {
        if (hi - lo == 1) {
            return;
        }
        long k = split(hi - lo);
        if (index < lo + k) {
            inclusionIndexes(lo, lo + k, index, need);
            subtreeIndexes(lo + k, hi, need);
        } else {
            subtreeIndexes(lo, lo + k, need);
            inclusionIndexes(lo + k, hi, index, need);
        }
    }

    // Reads hashes in exactly the order inclusionIndexes listed them.
    private static void inclusion(long lo, long hi, long index, Cursor hashes, List<byte[]> proof) {
        if (hi - lo == 1) {
            return;
        }
        long k = split(hi - lo);
        if (index < lo + k) {
            inclusion(lo, lo + k, index, hashes, proof);
            proof.add(subtreeHash(lo + k, hi, hashes));
        } else {
            byte[] left = subtreeHash(lo, lo + k, hashes);
            inclusion(lo + k, hi, index, hashes, proof);
            proof.add(left);
        }
    }

    private static void consistencyIndexes(long lo, long hi, long m, List<Long> need) {
        if (m == hi) {
            // The old tree's own root is known to the verifier, so only non-leftmost subtrees are sent.
            if (lo != 0) {
                subtreeIndexes(lo, hi, need);
            }
            return;
        }
        long k = split(hi - lo);
        if (m <= lo + k) {
            consistencyIndexes(lo, lo + k, m, need);
            subtreeIndexes(lo + k, hi, need);
        } else {
            subtreeIndexes(lo, lo + k, need);
            consistencyIndexes(lo + k, hi, m, need);
        }
    }

    private static void consistency(long lo, long hi, long m, Cursor hashes, List<byte[]> proof) {
        if (m == hi) {
            if (lo != 0) {
                proof.add(subtreeHash(lo, hi, hashes));
            }
            return;
        }
        long k = split(hi - lo);
        if (m <= lo + k) {
            consistency(lo, lo + k, m, hashes, proof);
            proof.add(subtreeHash(lo + k, hi, hashes));
        } else {
            byte[] left = subtreeHash(lo, lo + k, hashes);
            consistency(lo + k, hi, m, hashes, proof);
            proof.add(left);
        }
    }

    /** k of RFC 6962: the largest power of 2 smaller than n (n ≥ 2). */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private List<byte[]> read(List<Long> indexes) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        long[] array = indexes.stream().mapToLong(Long::longValue).toArray();
        List<byte[]> hashes = store.readHashes(array);
        if (hashes.size() != array.length) {
            throw new IllegalStateException("store returned " + hashes.size() + " hashes for " + array.length);
        }
        hashes.forEach(StoredTree::requireHash);
        return hashes;
    }

    private static void requireHash(byte[] h) {
        if (h == null || h.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a tree hash is 32 bytes");
        }
    }

    private static final class Cursor {
        private final List<byte[]> hashes;
        private int next;

        Cursor(List<byte[]> hashes) {
            this.hashes = hashes;
        }

        byte[] next() {
            return hashes.get(next++);
        }
    }
}
