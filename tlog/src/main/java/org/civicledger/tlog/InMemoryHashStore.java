package org.civicledger.tlog;

import java.util.ArrayList;
import java.util.List;

/** A {@link HashStore} in a list, for tests, benchmarks and rebuilding a tree from leaf hashes. */
public final class InMemoryHashStore implements HashStore {

    private final List<byte[]> hashes = new ArrayList<>();
    private long reads;

    @Override
    public synchronized List<byte[]> readHashes(long[] indexes) {
        List<byte[]> out = new ArrayList<>(indexes.length);
        for (long index : indexes) {
            if (index < 0 || index >= hashes.size()) {
                throw new IllegalArgumentException("no stored hash at index " + index);
            }
            out.add(hashes.get((int) index).clone());
        }
        reads += indexes.length;
        return out;
    }

    @Override
    public synchronized void writeHashes(long firstIndex, List<byte[]> newHashes) {
        // Stored hashes are append-only: a write anywhere but the end is an appender bug.
        if (firstIndex != hashes.size()) {
            throw new IllegalStateException("write at " + firstIndex + " but the store holds " + hashes.size());
        }
        for (byte[] h : newHashes) {
            hashes.add(h.clone());
        }
    }

    public synchronized long size() {
        return hashes.size();
    }

    /** How many hashes have been read so far: lets tests and benchmarks check the O(log n) claim. */
    public synchronized long hashesRead() {
        return reads;
    }
}
