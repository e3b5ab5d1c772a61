package org.civicledger.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.civicledger.events.Sha256;

/**
 * What makes two requests "the same" for a key: method, path and query exactly as sent, content type and body
 * bytes. Each part is length-prefixed so no two different requests can run together into one digest.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static byte[] of(HttpServletRequest request, byte[] body) {
        MessageDigest sha = Sha256.digest();
        for (String part : new String[] {request.getMethod(), request.getRequestURI(),
                String.valueOf(request.getQueryString()), String.valueOf(request.getContentType())}) {
            update(sha, part.getBytes(StandardCharsets.UTF_8));
        }
        update(sha, body);
        return sha.digest();
    }

    /** A parsed form as bytes: every parameter name and value in the order sent, each length-prefixed. */
    static byte[] formBody(HttpServletRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            write(out, parameter.getKey());
            for (String value : parameter.getValue()) {
                write(out, value);
            }
            out.write(0xFF);   // never the first byte of a length prefix below 2^31: ends the parameter's values
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n}, 0, 4);
        out.write(bytes, 0, n);
    }

    private static void update(MessageDigest sha, byte[] part) {
        int n = part.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(part);
    }
}
