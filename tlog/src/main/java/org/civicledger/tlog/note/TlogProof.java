package org.civicledger.tlog.note;

import java.util.ArrayList;
import java.util.List;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.ProofVerifier;
import org.civicledger.tlog.StrictBase64;
import org.civicledger.tlog.VerificationException;

/**
 * A C2SP tlog-proof file: an offline proof that a leaf is in the log, with the signed checkpoint
 * it was proven against, verbatim. {@code extra} is unauthenticated and may be null.
 */
public record TlogProof(byte[] extra, long index, List<byte[]> hashes, String checkpointNote) {

    static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        if (index < 0) {
            throw new IllegalArgumentException("negative leaf index");
        }
        hashes = hashes.stream().map(byte[]::clone).toList();
        extra = extra == null ? null : extra.clone();
    }

    public TlogProof(long index, List<byte[]> hashes, String checkpointNote) {
        this(null, index, hashes, checkpointNote);
    }

    public String format() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            b.append("extra ").append(StrictBase64.encode(extra)).append('\n');
        }
        b.append("index ").append(index).append('\n');
        hashes.forEach(h -> b.append(StrictBase64.encode(h)).append('\n'));
        return b.append('\n').append(checkpointNote).toString();
    }

    public static TlogProof parse(String text) {
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new VerificationException("malformed proof file: no blank line before the checkpoint");
        }
        List<String> lines = List.of(text.substring(0, blank).split("\n", -1));
        String note = text.substring(blank + 2);
        if (!lines.get(0).equals(HEADER)) {
            throw new VerificationException("malformed proof file: first line is not " + HEADER);
        }
        int i = 1;
        byte[] extra = null;
        if (i < lines.size() && lines.get(i).startsWith("extra ")) {
            extra = StrictBase64.decode(lines.get(i++).substring("extra ".length()));
        }
        if (i >= lines.size() || !lines.get(i).startsWith("index ")) {
            throw new VerificationException("malformed proof file: no index line");
        }
        long index = Checkpoint.parseSize(lines.get(i++).substring("index ".length()));
        List<byte[]> hashes = new ArrayList<>();
        for (String line : lines.subList(i, lines.size())) {
            hashes.add(StrictBase64.decodeHash(line));
        }
        if (note.isEmpty()) {
            throw new VerificationException("malformed proof file: no checkpoint");
        }
        return new TlogProof(extra, index, hashes, note);
    }

    /**
     * Checks that {@code leafBytes} is leaf {@link #index} of the checkpointed tree, the checkpoint
     * being signed by {@code key} for {@code origin}; returns that checkpoint.
     */
    public Checkpoint verify(byte[] leafBytes, NoteVerifier key, String origin) {
        Checkpoint c = Checkpoint.open(checkpointNote, key, origin);
        ProofVerifier.verifyInclusion(index, c.size(), Hashes.leafHash(leafBytes), hashes, c.root());
        return c;
    }
}
