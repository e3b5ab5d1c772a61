package org.civicledger.tlog.bagit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The manifest algorithms this code writes and checks, by their BagIt names. */
final class Checksums {

    static final Map<String, String> JAVA_NAMES = Map.of("sha256", "SHA-256", "sha512", "SHA-512");

    private Checksums() {
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(JAVA_NAMES.get(algorithm)).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has " + algorithm, e);
        }
    }
}
