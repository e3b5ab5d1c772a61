package org.civicledger.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for both services: the minutes' hash that an approval freezes (the same text must give the same hash on
 * the command side, which checks it, and the query side, which publishes it), and the digests of fingerprints.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest, for hashing several parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
