package org.civicledger.events;

/**
 * Text the public record can hold. PostgreSQL's {@code text} and {@code jsonb} refuse NUL, XML 1.0 (Atom feeds) and
 * most consumers refuse other C0 controls, and unpaired surrogates or non-characters are not text at all, so the
 * record refuses them at the door instead of failing on them later, where one bad event would stop the stream.
 */
public final class StorableText {

    /** The name clients see in the problem document of a refusal. */
    public static final String RULE = "invalid-text";

    private StorableText() {
    }

    /** Null if {@code text} may be stored; otherwise what is wrong with it, e.g. "U+0000 (a control character) at character 12". */
    public static String problem(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return describe(c, "a control character", i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                    if (isNonCharacter(codePoint)) {
                        return describe(codePoint, "a non-character", i);
                    }
                    i++;
                    continue;
                }
                return describe(c, "an unpaired surrogate", i);
            }
            if (Character.isLowSurrogate(c)) {
                return describe(c, "an unpaired surrogate", i);
            }
            if (isNonCharacter(c)) {
                return describe(c, "a non-character", i);
            }
        }
        return null;
    }

    public static boolean isStorable(CharSequence text) {
        return problem(text) == null;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE…). */
    static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String describe(int codePoint, String what, int index) {
        return String.format("U+%04X (%s) at character %d", codePoint, what, index + 1);
    }
}
