package org.civicledger.tlog.bagit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 8493 §2.1.3: in manifests only CR, LF and '%' are percent-encoded. */
final class BagPaths {

    private static final Pattern ENCODED = Pattern.compile("%(0[dD]|0[aA]|25)");

    private BagPaths() {
    }

    static String encode(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String decode(String path) {
        Matcher m = ENCODED.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String code = m.group(1).toUpperCase();
            m.appendReplacement(out, Matcher.quoteReplacement(code.equals("0D") ? "\r" : code.equals("0A") ? "\n" : "%"));
        }
        return m.appendTail(out).toString();
    }

    /** Relative, '/'-separated, no empty, '.' or '..' segment: a manifest cannot point outside the bag. */
    static boolean isSafe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
