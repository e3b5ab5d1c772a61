package org.civicledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends many leaves with one write: hashes written since the last {@link #flush} are kept in memory (reads see them
 * first) and go to the underlying store in one call. Appends are in index order, so the buffer is one contiguous run.
 */
public final class BufferedHashStore implements HashStore {

    private final HashStore store;
    private final List<byte[]> pending = new ArrayList<>();
    private long firstPending = -1;

    public BufferedHashStore(HashStore store) {
        this.store = store;
    }

    @Override
    public List<byte[]> readHashes(long[] indexes) {
        List<byte[]> out = new ArrayList<>(indexes.length);
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < indexes.length; i++) {
            long offset = indexes[i] - firstPending;
            if (firstPending >= 0 && offset >= 0 && offset < pending.size()) {
                out.add(pending.get((int) offset));
            } else {
                out.add(null);
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            long[] older = new long[missing.size()];
            for (int i = 0; i < older.length; i++) {
                older[i] = indexes[missing.get(i)];
            }
            List<byte[]> read = store.readHashes(older);
            for (int i = 0; i < older.length; i++) {
                out.set(missing.get(i), read.get(i));
            }
        }
        return out;
    }

    @Override
    public void writeHashes(long firstIndex, List<byte[]> hashes) {
        if (firstPending < 0) {
            firstPending = firstIndex;
        } else if (firstIndex != firstPending + pending.size()) {
            throw new IllegalStateException("hashes written out of order: " + firstIndex + " after "
                    + (firstPending + pending.size()));
        }
        pending.addAll(hashes);
    }

    /** Writes what is buffered to the underlying store; answers how many hashes that was. */
    public int flush() {
        int written = pending.size();
        if (written > 0) {
            store.writeHashes(firstPending, List.copyOf(pending));
        }
        pending.clear();
        firstPending = -1;
        return written;
    }
}
