package org.civicledger.verify;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.tlog.InMemoryHashStore;
import org.civicledger.tlog.StoredTree;
import org.civicledger.tlog.bagit.BagWriter;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteSigner;
import org.civicledger.tlog.note.TlogProof;

/** A real log built with the tlog library, as the command service will build it, for tests to attack. */
final class TestLog {

    static final String ORIGIN = "records.example.gov/log";

    final NoteSigner signer;
    private final StoredTree tree = new StoredTree(new InMemoryHashStore());
    private final List<byte[]> leaves = new ArrayList<>();

    TestLog(NoteSigner signer) {
        this.signer = signer;
    }

    TestLog() {
        this(NoteSigner.generate(ORIGIN));
    }

    /** Appends events e0, e1, ... up to {@code size}; {@code tweak} changes the text of one of them. */
    TestLog grow(int size, int tweakedLeaf) {
        while (leaves.size() < size) {
            int i = leaves.size();
            // Odd leaves carry an explicit leafIndex; even ones rely on their proof file. Positions have gaps, as
            // the event store's may: they must play no part.
            String json = "{\"specversion\":\"1.0\",\"id\":\"e" + i + "\",\"type\":\"FileIntroduced\","
                    + (i % 2 == 1 ? "\"leafIndex\":" + i + "," : "") + "\"position\":" + (10 * i + 3)
                    + ",\"data\":{\"title\":\"" + (i == tweakedLeaf ? "forged" : "resolution " + i) + "\"}}";
            byte[] leaf = json.getBytes(StandardCharsets.UTF_8);
            tree.append(i, leaf);
            leaves.add(leaf);
        }
        return this;
    }

    TestLog grow(int size) {
        return grow(size, -1);
    }

    int size() {
        return leaves.size();
    }

    byte[] leaf(int i) {
        return leaves.get(i).clone();
    }

    StoredTree tree() {
        return tree;
    }

    String checkpoint(int size) {
        return new Checkpoint(signer.name(), size, tree.root(size)).sign(signer);
    }

    /** The payload of a records bundle holding the given leaves, proven against the current size. */
    Map<String, byte[]> payload(int... leafIndexes) {
        String checkpoint = checkpoint(size());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("checkpoint.txt", utf8(checkpoint));
        files.put("log.vkey", utf8(signer.verifier().keyText() + "\n"));
        StringBuilder events = new StringBuilder();
        for (int i : leafIndexes) {
            events.append(new String(leaves.get(i), StandardCharsets.UTF_8)).append('\n');
            files.put("proofs/" + i + ".tlog-proof",
                    utf8(new TlogProof(i, tree.inclusionProof(i, size()), checkpoint).format()));
        }
        files.put("events.jsonl", utf8(events.toString()));
        return files;
    }

    static byte[] zip(Map<String, byte[]> payload) {
        BagWriter bag = new BagWriter("request-2017-0042", "request-2017-0042", LocalDate.of(2017, 2, 7))
                .info("Source-Organization", "City of Madison");
        payload.forEach(bag::payload);
        return bag.toZip();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
