package org.civicledger.tlog;

import java.security.MessageDigest;
import java.util.List;

/**
 * RFC 9162 §2.1.3.2 and §2.1.4.2 proof checks. Sizes and indexes are unsigned 64-bit, as in the
 * published test data (which uses 2^64-1), so all arithmetic is unsigned. Failures throw, saying why.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        requireHash("leaf hash", leafHash);
        requireHash("root", root);
        requireProof(proof);
        if (Long.compareUnsigned(index, size) >= 0) {
            throw new VerificationException("leaf index " + Long.toUnsignedString(index)
                    + " is not below tree size " + Long.toUnsignedString(size));
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new VerificationException("inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Hashes.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("inclusion proof is shorter than the tree is deep");
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new VerificationException("inclusion proof does not lead to the root");
        }
    }

    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (proof == null) {
            throw new VerificationException("no proof");
        }
        if (Long.compareUnsigned(size1, size2) > 0) {
            throw new VerificationException("tree shrank from " + Long.toUnsignedString(size1)
                    + " to " + Long.toUnsignedString(size2));
        }
        if (size1 == 0) {
            // Every tree extends the empty one: RFC 9162 defines no proof for it, and the test data refuses it.
            throw new VerificationException("no consistency proof exists from the empty tree");
        }
        if (size1 == size2) {
            // Nothing is hashed, so (as in the published test data) this is a plain comparison of the roots.
            if (!proof.isEmpty()) {
                throw new VerificationException("trees of equal size need an empty consistency proof");
            }
            if (root1 == null || root2 == null || !MessageDigest.isEqual(root1, root2)) {
                throw new VerificationException("two different roots for the same tree size");
            }
            return;
        }
        requireHash("first root", root1);
        requireHash("second root", root2);
        requireProof(proof);
        if (proof.isEmpty()) {
            throw new VerificationException("consistency proof is empty");
        }
        boolean firstIsPerfect = (size1 & (size1 - 1)) == 0;
        int next = 0;
        byte[] start;
        if (firstIsPerfect) {
            start = root1;
        } else {
            start = proof.get(0);
            next = 1;
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = start;
        byte[] sr = start;
        for (int i = next; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                throw new VerificationException("consistency proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.nodeHash(c, fr);
                sr = Hashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = Hashes.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("consistency proof is too short");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new VerificationException("consistency proof does not lead to the first root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new VerificationException("consistency proof does not lead to the second root");
        }
    }

    private static void requireProof(List<byte[]> proof) {
        if (proof == null) {
            throw new VerificationException("no proof");
        }
        for (byte[] p : proof) {
            requireHash("proof hash", p);
        }
    }

    private static void requireHash(String what, byte[] h) {
        if (h == null || h.length != Hashes.SIZE) {
            throw new VerificationException(what + " is not " + Hashes.SIZE + " bytes");
        }
    }
}
