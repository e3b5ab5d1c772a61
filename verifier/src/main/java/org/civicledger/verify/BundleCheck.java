package org.civicledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.civicledger.tlog.StrictBase64;
import org.civicledger.tlog.VerificationException;
import org.civicledger.tlog.bagit.Bag;
import org.civicledger.tlog.bagit.BagReport;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.Note;
import org.civicledger.tlog.note.NoteVerifier;
import org.civicledger.tlog.note.TlogProof;

/**
 * A records-request bundle: a BagIt bag whose payload is {@code checkpoint.txt} (signed by the log),
 * {@code events.jsonl} (one event per line, the exact leaf bytes, position order) and
 * {@code proofs/<leafIndex>.tlog-proof}. Authenticity comes only from the key the user supplies;
 * {@code data/log.vkey} is never trusted, only named in a failure to explain it.
 */
final class BundleCheck {

    static final String CHECKPOINT = "data/checkpoint.txt";
    static final String EVENTS = "data/events.jsonl";
    static final String BUNDLED_KEY = "data/log.vkey";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NoteVerifier key;
    private final String origin;

    BundleCheck(NoteVerifier key, String origin) {
        this.key = key;
        this.origin = origin;
    }

    String check(Bag bag) throws Failure {
        BagReport report = bag.check();
        String checkpointNote = utf8(require(bag, CHECKPOINT));
        Checkpoint checkpoint = openCheckpoint(bag, checkpointNote);
        List<byte[]> lines = lines(require(bag, EVENTS));
        List<Long> proofIndexes = proofIndexes(bag);
        long previous = -1;
        for (int i = 0; i < lines.size(); i++) {
            Long fromProofs = i < proofIndexes.size() ? proofIndexes.get(i) : null;
            previous = checkEvent(bag, i + 1, lines.get(i), fromProofs, previous, checkpoint, checkpointNote);
        }
        return "OK: " + lines.size() + " event(s) are in the log " + checkpoint.origin() + " at size "
                + checkpoint.size() + " (root " + StrictBase64.encode(checkpoint.root()) + "), signed by "
                + key.keyText() + "; bag intact (" + report.payloadFiles() + " payload files, "
                + String.join("+", report.payloadAlgorithms()) + " manifests, "
                + (report.tagAlgorithms().isEmpty() ? "no" : String.join("+", report.tagAlgorithms())) + " tag manifest)";
    }

    private Checkpoint openCheckpoint(Bag bag, String note) throws Failure {
        try {
            return Checkpoint.open(note, key, origin);
        } catch (VerificationException e) {
            throw new Failure(CHECKPOINT + ": " + e.getMessage() + bundledKeyHint(bag, note));
        }
    }

    private long checkEvent(Bag bag, int line, byte[] leaf, Long fromProofs, long previous, Checkpoint checkpoint,
                            String checkpointNote) throws Failure {
        String at = "event on line " + line;
        JsonNode event;
        try {
            event = JSON.readTree(leaf);
        } catch (IOException e) {
            throw new Failure(at + ": not a JSON event");
        }
        if (event == null || !event.isObject()) {
            throw new Failure(at + ": not a JSON event");
        }
        at += " (id " + event.path("id").asText("?");
        long index;
        try {
            index = LeafIndex.of(event, fromProofs);
        } catch (Failure f) {
            throw new Failure(at + "): " + f.getMessage());
        }
        String where = at + ", leaf index " + index + ")";
        if (index <= previous) {
            throw new Failure(where + ": events are not in position order (previous leaf index " + previous + ")");
        }
        String proofPath = "data/proofs/" + index + ".tlog-proof";
        byte[] proofBytes = bag.file(proofPath).orElseThrow(() -> new Failure(where + ": " + proofPath + " is missing"));
        try {
            TlogProof proof = TlogProof.parse(utf8(proofBytes));
            if (proof.index() != index) {
                throw new Failure(where + ": " + proofPath + " proves leaf " + proof.index());
            }
            // A proof carries its own checkpoint; it must be the bundle's (or another signature of that tree).
            Checkpoint proven = proof.checkpointNote().equals(checkpointNote)
                    ? checkpoint : Checkpoint.open(proof.checkpointNote(), key, origin);
            if (!proven.sameTree(checkpoint)) {
                throw new Failure(where + ": " + proofPath + " is against " + proven + ", not " + CHECKPOINT);
            }
            proof.verify(leaf, key, origin);
        } catch (VerificationException e) {
            throw new Failure(where + ": " + proofPath + ": " + e.getMessage());
        }
        return index;
    }

    private static String bundledKeyHint(Bag bag, String note) {
        Optional<byte[]> bundled = bag.file(BUNDLED_KEY);
        if (bundled.isEmpty()) {
            return "";
        }
        try {
            NoteVerifier inside = NoteVerifier.parse(utf8(bundled.get()));
            Note.open(note, inside);
            return " (it is signed by the key in " + BUNDLED_KEY + ", " + inside.keyText()
                    + ", which is not the key you gave; the copy in a bundle proves nothing)";
        } catch (VerificationException e) {
            return "";
        }
    }

    /** The leaf indexes the bag has proofs for, ascending. */
    private static List<Long> proofIndexes(Bag bag) {
        return bag.files().keySet().stream()
                .filter(path -> path.matches("data/proofs/(0|[1-9][0-9]{0,17})\\.tlog-proof"))
                .map(path -> Long.parseLong(path.substring("data/proofs/".length(), path.length() - ".tlog-proof".length())))
                .sorted()
                .toList();
    }

    /** Events are the bytes between newlines, exactly; a final newline is optional. */
    static List<byte[]> lines(byte[] content) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                out.add(Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        if (start < content.length) {
            out.add(Arrays.copyOfRange(content, start, content.length));
        }
        return out;
    }

    private static byte[] require(Bag bag, String path) throws Failure {
        return bag.file(path).orElseThrow(() -> new Failure("the bundle has no " + path));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
