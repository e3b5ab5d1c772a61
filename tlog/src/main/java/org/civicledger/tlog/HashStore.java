package org.civicledger.tlog;

import java.util.List;

/**
 * Where the tree's stored hashes live, addressed by {@link StoredHashIndex}. A PostgreSQL table
 * {@code (idx bigint primary key, hash bytea)} is enough: one batched read per root or proof.
 * Writes come from a single appender, in index order, and are never rewritten.
 */
public interface HashStore {

    /** The hashes at the given indexes, in the same order; every index must have been written. */
    List<byte[]> readHashes(long[] indexes);

    /** Stores {@code hashes} at {@code firstIndex}, {@code firstIndex + 1}, ... */
    void writeHashes(long firstIndex, List<byte[]> hashes);
}
