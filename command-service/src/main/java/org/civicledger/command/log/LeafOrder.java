package org.civicledger.command.log;

/** Leaf indexes are dense and follow global positions, which may have gaps but never go back. */
final class LeafOrder {

    private LeafOrder() {
    }

    /**
     * The index for the event at {@code position}, given the last leaf as {@code {leafIndex, position}} (null: none).
     * An event older than the last leaf would put the log out of position order: refused loudly, never reordered.
     */
    static long nextIndex(long[] lastLeaf, long position) {
        if (lastLeaf == null) {
            return 0;
        }
        if (position <= lastLeaf[1]) {
            throw new IllegalStateException("event at position " + position + " arrived after position " + lastLeaf[1]
                    + " (leaf " + lastLeaf[0] + "): the log must follow position order");
        }
        return lastLeaf[0] + 1;
    }
}
