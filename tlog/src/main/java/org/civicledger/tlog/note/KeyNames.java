package org.civicledger.tlog.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.VerificationException;

/** Key names and key ids as C2SP signed-note defines them. */
final class KeyNames {

    static final byte ALG_ED25519 = 0x01;

    private KeyNames() {
    }

    /** Non-empty, no Unicode white space, no '+' (it separates the fields of a key text). */
    static boolean isValid(String name) {
        if (name.isEmpty() || name.indexOf('+') >= 0) {
            return false;
        }
        return name.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || c == 0xFFFD);
    }

    static void require(String name) {
        if (!isValid(name)) {
            throw new VerificationException("invalid key name '" + name + "'");
        }
    }

    /** The first 4 bytes of SHA-256(name || 0x0A || alg || public key), big-endian. */
    static int keyId(String name, byte[] publicKey32) {
        MessageDigest d = Hashes.sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0x0A);
        d.update(ALG_ED25519);
        d.update(publicKey32);
        byte[] h = d.digest();
        return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }

    static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    static int parseHexId(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new VerificationException("a key id is 8 hex digits, got '" + hex + "'");
        }
        return (int) Long.parseLong(hex, 16);
    }
}
