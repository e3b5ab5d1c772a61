package org.civicledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes a root from leaf hashes streamed in order, keeping only the compact range (the roots
 * of the perfect subtrees covering [0, size)): O(log n) memory, for auditors replaying a whole log.
 */
public final class TreeBuilder {

    // stack.get(i) covers 2^levels.get(i) leaves; levels strictly decrease towards the end.
    private final List<byte[]> stack = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private long size;

    public void addLeaf(byte[] leafBytes) {
        addLeafHash(Hashes.leafHash(leafBytes));
    }

    public void addLeafHash(byte[] leafHash) {
        if (leafHash == null || leafHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes");
        }
        byte[] h = leafHash;
        int level = 0;
        while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
            h = Hashes.nodeHash(stack.remove(stack.size() - 1), h);
            levels.remove(levels.size() - 1);
            level++;
        }
        stack.add(h);
        levels.add(level);
        size++;
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (stack.isEmpty()) {
            return Hashes.emptyRoot();
        }
        byte[] h = stack.get(stack.size() - 1);
        for (int i = stack.size() - 2; i >= 0; i--) {
            h = Hashes.nodeHash(stack.get(i), h);
        }
        return h;
    }
}
