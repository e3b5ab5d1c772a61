package org.civicledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.ProofVerifier;
import org.civicledger.tlog.StrictBase64;
import org.civicledger.tlog.TreeBuilder;
import org.civicledger.tlog.VerificationException;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteVerifier;

/**
 * Checks the live log against the last checkpoint this user trusted: a log may only grow, and each
 * new checkpoint must extend the old tree. Only a fully checked checkpoint replaces the stored one.
 */
final class LogAudit {

    record Options(Path stateDir, boolean full, boolean leafBytes, int pageSize) {
    }

    private final LogClient client;
    private final NoteVerifier key;
    private final String origin;
    private final Options options;

    LogAudit(LogClient client, NoteVerifier key, String origin, Options options) {
        this.client = client;
        this.key = key;
        this.origin = origin;
        this.options = options;
    }

    String run() throws IOException, Failure {
        String note = client.checkpoint();
        Checkpoint latest;
        try {
            latest = Checkpoint.open(note, key, origin);
        } catch (VerificationException e) {
            throw new Failure("the log's checkpoint does not verify: " + e.getMessage());
        }
        TrustedState state = new TrustedState(options.stateDir() != null
                ? options.stateDir() : TrustedState.defaultDir(latest.origin()));
        Optional<Checkpoint> trusted = state.load(key, origin);
        String history = trusted.isEmpty()
                ? "first check, nothing trusted before"
                : checkGrowth(trusted.get(), latest, state.file());
        String full = options.full() ? "; " + replay(latest) : "";
        state.store(note);
        return "OK: " + latest + ", signed by " + key.keyText() + "; " + history + full
                + "; now trusted in " + state.file();
    }

    private String checkGrowth(Checkpoint old, Checkpoint latest, Path kept) throws IOException, Failure {
        String rewrote = "the log rewrote its past: ";
        String evidence = " (the earlier signed checkpoint is kept in " + kept + ")";
        if (latest.size() < old.size()) {
            throw new Failure(rewrote + "it now signs size " + latest.size() + " but signed size " + old.size()
                    + " before" + evidence);
        }
        if (old.size() == 0) {
            return "grew from the empty tree";
        }
        if (latest.size() == old.size()) {
            if (!latest.sameTree(old)) {
                throw new Failure(rewrote + "two different signed roots for size " + old.size() + evidence);
            }
            return "unchanged since the trusted size " + old.size();
        }
        JsonNode answer = client.consistency(old.size(), latest.size());
        if (answer.path("from").asLong(-1) != old.size() || answer.path("to").asLong(-1) != latest.size()
                || !answer.path("proof").isArray()) {
            throw new IOException("the consistency answer is not {\"from\":" + old.size() + ",\"to\":"
                    + latest.size() + ",\"proof\":[...]}");
        }
        try {
            List<byte[]> proof = new ArrayList<>();
            for (JsonNode h : answer.get("proof")) {
                proof.add(StrictBase64.decodeHash(h.asText()));
            }
            ProofVerifier.verifyConsistency(old.size(), latest.size(), proof, old.root(), latest.root());
        } catch (VerificationException e) {
            throw new Failure(rewrote + "its size " + latest.size() + " checkpoint does not extend the size "
                    + old.size() + " one it signed before: " + e.getMessage() + evidence);
        }
        return "consistent with the trusted size " + old.size();
    }

    /**
     * Recomputes the root from the leaf hashes the event list gives (one request per page); with
     * leafBytes, also fetches each event's bytes and checks its leaf hash (one request per event).
     */
    private String replay(Checkpoint latest) throws IOException, Failure {
        TreeBuilder tree = new TreeBuilder();
        long after = 0;
        while (tree.size() < latest.size()) {
            JsonNode items = client.events(after, options.pageSize()).get("items");
            if (items == null || !items.isArray()) {
                throw new IOException("the event list has no \"items\" array");
            }
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode item : items) {
                after = addLeaf(tree, item, after);
                if (tree.size() == latest.size()) {
                    break;
                }
            }
        }
        if (tree.size() < latest.size()) {
            throw new Failure("the log lists " + tree.size() + " events but its checkpoint says " + latest.size());
        }
        if (!MessageDigest.isEqual(tree.root(), latest.root())) {
            throw new Failure("the " + latest.size() + " events the log lists do not hash to its signed root");
        }
        return "recomputed the root from " + tree.size() + (options.leafBytes() ? " events' bytes" : " leaf hashes");
    }

    private long addLeaf(TreeBuilder tree, JsonNode item, long after) throws IOException, Failure {
        long index = item.path("leafIndex").asLong(-1);
        if (!item.path("leafIndex").isIntegralNumber() || index != tree.size()) {
            throw new Failure("the event list skips or repeats leaves: expected leaf index " + tree.size()
                    + ", got " + item.get("leafIndex"));
        }
        long position = item.has("position") ? item.get("position").asLong() : index + 1;
        if (position <= after) {
            throw new IOException("the event list went backwards at position " + position);
        }
        byte[] hash;
        try {
            hash = StrictBase64.decodeHash(item.path("leafHash").asText());
        } catch (VerificationException e) {
            throw new Failure("leaf " + index + ": leafHash " + e.getMessage());
        }
        if (options.leafBytes() && !MessageDigest.isEqual(Hashes.leafHash(client.leaf(position)), hash)) {
            throw new Failure("leaf " + index + " (position " + position + "): its bytes do not hash to its listed leafHash");
        }
        tree.addLeafHash(hash);
        return position;
    }
}
