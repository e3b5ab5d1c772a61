package org.civicledger.tlog;

import java.util.ArrayList;
import java.util.List;

/** RFC 6962 §2.1 written as literally as possible, to check the stored-index code against. */
final class NaiveTree {

    private NaiveTree() {
    }

    static byte[] mth(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Hashes.emptyRoot();
        }
        if (leaves.size() == 1) {
            return Hashes.leafHash(leaves.get(0));
        }
        int k = k(leaves.size());
        return Hashes.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> out = new ArrayList<>();
        if (leaves.size() == 1) {
            return out;
        }
        int k = k(leaves.size());
        if (m < k) {
            out.addAll(path(m, leaves.subList(0, k)));
            out.add(mth(leaves.subList(k, leaves.size())));
        } else {
            out.addAll(path(m - k, leaves.subList(k, leaves.size())));
            out.add(mth(leaves.subList(0, k)));
        }
        return out;
    }

    static List<byte[]> proof(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        List<byte[]> out = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!b) {
                out.add(mth(leaves));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, leaves.subList(0, k), b));
            out.add(mth(leaves.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, leaves.subList(k, n), false));
            out.add(mth(leaves.subList(0, k)));
        }
        return out;
    }

    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
