package org.civicledger.tlog.note;

import java.security.MessageDigest;
import java.util.List;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.StrictBase64;
import org.civicledger.tlog.VerificationException;

/**
 * A C2SP tlog-checkpoint: the origin, the tree size and root, then optional extension lines.
 * The text is what the log signs; a reader parses it only after the signature has verified.
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        if (root.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a root is 32 bytes");
        }
        root = root.clone();
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.contains("\n")) {
                throw new IllegalArgumentException("an extension is one non-empty line");
            }
        }
    }

    public Checkpoint(String origin, long size, byte[] root) {
        this(origin, size, root, List.of());
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    public String text() {
        StringBuilder b = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(StrictBase64.encode(root)).append('\n');
        extensions.forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }

    /** The signed note of this checkpoint. */
    public String sign(NoteSigner signer) {
        return Note.sign(text(), signer);
    }

    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new VerificationException("malformed checkpoint: text does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new VerificationException("malformed checkpoint: fewer than 3 lines");
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                throw new VerificationException("malformed checkpoint: empty line");
            }
        }
        return new Checkpoint(lines[0], parseSize(lines[1]), StrictBase64.decodeHash(lines[2]),
                List.of(lines).subList(3, lines.length));
    }

    /**
     * Verifies {@code signedNote} with {@code key} (and only that key) and parses it, requiring the
     * origin the reader expects: the same key could sign for more than one log.
     */
    public static Checkpoint open(String signedNote, NoteVerifier key, String expectedOrigin) {
        Note note = Note.open(signedNote, key);
        Checkpoint c = parse(note.text());
        if (!c.origin().equals(expectedOrigin)) {
            throw new VerificationException("checkpoint origin '" + c.origin() + "' is not the expected '"
                    + expectedOrigin + "'");
        }
        return c;
    }

    /** Same origin, size and root: the extensions are not part of the tree. */
    public boolean sameTree(Checkpoint other) {
        return origin.equals(other.origin) && size == other.size && MessageDigest.isEqual(root, other.root);
    }

    /** Decimal, no sign, no leading zeros, as the checkpoint and proof formats require. */
    static long parseSize(String s) {
        if (!s.matches("0|[1-9][0-9]{0,18}")) {
            throw new VerificationException("malformed number '" + s + "'");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new VerificationException("number too large: " + s);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && sameTree(c) && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return origin + " size " + size + " root " + StrictBase64.encode(root);
    }
}
