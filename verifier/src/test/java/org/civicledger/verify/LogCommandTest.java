package org.civicledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.Note;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogCommandTest {

    @TempDir
    Path state;

    private TestLog log;
    private FakeLogServer server;
    private String key;

    @BeforeEach
    void aLogOfFiveEvents() throws IOException {
        log = new TestLog().grow(5);
        server = new FakeLogServer(log);
        key = log.signer.verifier().keyText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aGrowingLogIsTrustedAndTheStateFollowsIt() throws IOException {
        Run first = check();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("size 5").contains("first check");
        assertThat(trustedSize()).isEqualTo(5);

        log.grow(23);
        server.serve(log, 23);
        Run second = check("--full", "--page-size", "4");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("consistent with the trusted size 5").contains("recomputed the root from 23 leaf hashes");
        assertThat(trustedSize()).isEqualTo(23);

        Run unchanged = check("--full", "--leaf-bytes");
        assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
        assertThat(unchanged.out()).contains("unchanged since the trusted size 23").contains("23 events' bytes");
    }

    @Test
    void aForgedHistoryIsALogThatRewroteItsPast() throws IOException {
        assertThat(check().exitCode()).isZero();
        // Same key, same origin, but event 2 now says something else: a fork of the log.
        TestLog forked = new TestLog(log.signer).grow(9, 2);
        server.serve(forked, 9);
        Run run = check();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).startsWith("FAILED: the log rewrote its past: its size 9 checkpoint does not extend the size 5 one");
        assertThat(trustedSize()).as("the evidence is kept").isEqualTo(5);
    }

    @Test
    void aShrunkenLogRewroteItsPast() throws IOException {
        assertThat(check().exitCode()).isZero();
        server.serve(log, 3);
        Run run = check();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).startsWith("FAILED: the log rewrote its past: it now signs size 3 but signed size 5 before");
    }

    @Test
    void anotherRootForTheSameSizeRewroteItsPast() throws IOException {
        assertThat(check().exitCode()).isZero();
        server.serve(new TestLog(log.signer).grow(5, 4), 5);
        assertThat(check().failure()).startsWith("FAILED: the log rewrote its past: two different signed roots for size 5");
    }

    @Test
    void listedLeafHashesMustHashToTheSignedRoot() {
        server.listLeafHashesAs(h -> {
            byte[] changed = h.clone();
            changed[0] ^= 1;
            return changed;
        });
        Run run = check("--full");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).isEqualTo("FAILED: the 5 events the log lists do not hash to its signed root");
        assertThat(Files.exists(state.resolve("checkpoint.txt"))).as("nothing trusted").isFalse();
    }

    @Test
    void aCheckpointByAnotherKeyIsRefused() {
        server.serve(new TestLog().grow(5), 5);
        Run run = check();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).startsWith("FAILED: the log's checkpoint does not verify");
    }

    @Test
    void anUnreachableLogIsAnErrorNotAVerdict() {
        server.close();
        assertThat(check().exitCode()).isEqualTo(2);
    }

    private Run check(String... extra) {
        String[] args = {"log", "--url", server.url() + "/", "--key", key, "--state", state.toString()};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return Run.of(all);
    }

    private long trustedSize() throws IOException {
        String note = Files.readString(state.resolve("checkpoint.txt"));
        return Checkpoint.parse(Note.open(note, log.signer.verifier()).text()).size();
    }
}
