package org.civicledger.tlog;

import java.util.Base64;

/** Standard base64 that accepts only the canonical encoding, so one value has one spelling. */
public final class StrictBase64 {

    private StrictBase64() {
    }

    public static byte[] decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("not base64: " + abbreviate(text));
        }
        // Java's decoder tolerates missing padding and stray low bits; re-encoding catches both.
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new VerificationException("not canonical base64: " + abbreviate(text));
        }
        return bytes;
    }

    public static byte[] decodeHash(String text) {
        byte[] h = decode(text);
        if (h.length != Hashes.SIZE) {
            throw new VerificationException("a hash is " + Hashes.SIZE + " bytes, got " + h.length);
        }
        return h;
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? "'" + s + "'" : "'" + s.substring(0, 20) + "…'";
    }
}
