package org.civicledger.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What makes two requests "the same" for a key: method, path and query exactly as sent, content type and body
 * bytes. Each part is length-prefixed so no two different requests can run together into one digest.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static byte[] of(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {request.getMethod(), request.getRequestURI(),
                    String.valueOf(request.getQueryString()), String.valueOf(request.getContentType())}) {
                update(sha, part.getBytes(StandardCharsets.UTF_8));
            }
            update(sha, body);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, byte[] part) {
        int n = part.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(part);
    }
}
