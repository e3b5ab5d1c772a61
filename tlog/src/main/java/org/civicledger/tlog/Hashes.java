package org.civicledger.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 §2.1 tree hashing with SHA-256; the 0x00/0x01 prefixes keep a leaf from passing as a node. */
public final class Hashes {

    public static final int SIZE = 32;

    private static final byte[] EMPTY_ROOT = sha256().digest();

    private Hashes() {
    }

    /** MTH({}) = SHA-256(""). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest d = sha256();
        d.update((byte) 0x00);
        d.update(leaf);
        return d.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has SHA-256", e);
        }
    }
}
