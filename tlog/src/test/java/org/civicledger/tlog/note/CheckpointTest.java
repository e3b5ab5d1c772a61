package org.civicledger.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civicledger.tlog.Hashes;
import org.civicledger.tlog.InMemoryHashStore;
import org.civicledger.tlog.StoredTree;
import org.civicledger.tlog.VerificationException;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final NoteSigner LOG = NoteSigner.generate("records.example.gov/log");
    private static final String ROOT = "rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=";

    @Test
    void aCheckpointIsOriginSizeRootThenExtensions() {
        Checkpoint c = new Checkpoint("records.example.gov/log", 3, org.civicledger.tlog.StrictBase64.decode(ROOT),
                List.of("Timestamp: 1700000000"));
        assertThat(c.text()).isEqualTo("records.example.gov/log\n3\n" + ROOT + "\nTimestamp: 1700000000\n");
        assertThat(Checkpoint.parse(c.text())).isEqualTo(c);
        Checkpoint opened = Checkpoint.open(c.sign(LOG), LOG.verifier(), "records.example.gov/log");
        assertThat(opened.sameTree(c)).isTrue();
    }

    @Test
    void anotherOriginIsRefusedEvenWithAGoodSignature() {
        Checkpoint c = new Checkpoint("records.example.gov/other", 0, Hashes.emptyRoot());
        assertThatThrownBy(() -> Checkpoint.open(c.sign(LOG), LOG.verifier(), "records.example.gov/log"))
                .isInstanceOf(VerificationException.class).hasMessageContaining("origin");
    }

    @Test
    void malformedCheckpointsAreRefused() {
        for (String bad : List.of("o\n3\n" + ROOT, "o\n3\n", "o\n03\n" + ROOT + "\n", "o\n-3\n" + ROOT + "\n",
                "o\n3\n" + ROOT.substring(4) + "\n", "o\n3\n" + ROOT + "\n\nx\n", "o\n 3\n" + ROOT + "\n",
                "o\n99999999999999999999\n" + ROOT + "\n")) {
            assertThatThrownBy(() -> Checkpoint.parse(bad)).as(bad).isInstanceOf(VerificationException.class);
        }
    }

    @Test
    void aProofFileRoundTripsAndVerifiesItsLeaf() {
        StoredTree tree = new StoredTree(new InMemoryHashStore());
        for (int i = 0; i < 11; i++) {
            tree.append(i, ("event " + i).getBytes());
        }
        String note = new Checkpoint(LOG.name(), 11, tree.root(11)).sign(LOG);
        TlogProof proof = new TlogProof(new byte[] {7}, 4, tree.inclusionProof(4, 11), note);
        String text = proof.format();
        assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nextra Bw==\nindex 4\n").endsWith("\n\n" + note);

        TlogProof parsed = TlogProof.parse(text);
        assertThat(parsed.index()).isEqualTo(4);
        assertThat(parsed.verify("event 4".getBytes(), LOG.verifier(), LOG.name()).size()).isEqualTo(11);
        assertThatThrownBy(() -> parsed.verify("event 5".getBytes(), LOG.verifier(), LOG.name()))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> TlogProof.parse(text.replace("index 4", "index 04")))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> TlogProof.parse(text.replace("tlog-proof@v1", "tlog-proof@v2")))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aProofFileForTheOnlyLeafHasNoHashes() {
        StoredTree tree = new StoredTree(new InMemoryHashStore());
        tree.append(0, "first".getBytes());
        String note = new Checkpoint(LOG.name(), 1, tree.root(1)).sign(LOG);
        String text = new TlogProof(0, List.of(), note).format();
        assertThat(text).isEqualTo("c2sp.org/tlog-proof@v1\nindex 0\n\n" + note);
        TlogProof.parse(text).verify("first".getBytes(), LOG.verifier(), LOG.name());
    }
}
