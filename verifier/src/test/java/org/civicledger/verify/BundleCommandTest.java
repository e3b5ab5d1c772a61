package org.civicledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.civicledger.tlog.note.NoteSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCommandTest {

    @TempDir
    Path dir;

    private TestLog log;
    private String key;

    @BeforeEach
    void aLogOfTwelveEvents() {
        log = new TestLog().grow(12);
        key = log.signer.verifier().keyText();
    }

    @Test
    void aGoodBundleVerifies() throws IOException {
        Run run = Run.of("bundle", write(TestLog.zip(log.payload(0, 3, 4, 9, 11))).toString(), "--key", key);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("OK: 5 event(s) are in the log records.example.gov/log at size 12");
    }

    @Test
    void theKeyCanBeAFile() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("city.vkey"), key + "\n");
        Run run = Run.of("bundle", write(TestLog.zip(log.payload(2))).toString(), "--key", keyFile.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void anEditedEventByteIsNamedEvenWhenTheBagIsRebuilt() throws IOException {
        Map<String, byte[]> payload = log.payload(0, 3, 4);
        String events = new String(payload.get("events.jsonl"), StandardCharsets.UTF_8);
        payload.put("events.jsonl", TestLog.utf8(events.replace("resolution 3", "resolution 8")));
        Run run = Run.of("bundle", write(TestLog.zip(payload)).toString(), "--key", key);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).doesNotContain("\n")
                .startsWith("FAILED: event on line 2 (id e3, leaf index 3): data/proofs/3.tlog-proof: inclusion proof");
    }

    @Test
    void anEditedEventByteWithTheOldManifestsFailsTheBag() throws IOException {
        Map<String, byte[]> entries = unzip(TestLog.zip(log.payload(0, 3)));
        String name = "request-2017-0042/data/events.jsonl";
        entries.put(name, TestLog.utf8(new String(entries.get(name), StandardCharsets.UTF_8).replace("e3", "e4")));
        Run run = Run.of("bundle", write(rezip(entries)).toString(), "--key", key);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).isEqualTo("FAILED: bag: manifest-sha256.txt: data/events.jsonl does not match its sha256 checksum");
    }

    @Test
    void aBrokenManifestFails() throws IOException {
        Map<String, byte[]> entries = unzip(TestLog.zip(log.payload(0, 3)));
        String name = "request-2017-0042/manifest-sha512.txt";
        entries.put(name, TestLog.utf8(new String(entries.get(name), StandardCharsets.UTF_8).replace("  data/", " data/x")));
        Run run = Run.of("bundle", write(rezip(entries)).toString(), "--key", key);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).startsWith("FAILED: bag: ");
    }

    @Test
    void anotherKeyIsRefused() throws IOException {
        String stranger = NoteSigner.generate(TestLog.ORIGIN).verifier().keyText();
        Run run = Run.of("bundle", write(TestLog.zip(log.payload(0))).toString(), "--key", stranger);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).startsWith("FAILED: data/checkpoint.txt: note is not signed by any trusted key");
    }

    @Test
    void aBundleSignedOnlyByTheKeyInsideItIsRefused() throws IOException {
        // An impostor builds a whole log of the same name and ships their own key in the bundle.
        TestLog impostor = new TestLog().grow(12, 3);
        Run run = Run.of("bundle", write(TestLog.zip(impostor.payload(3))).toString(), "--key", key);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).contains("data/checkpoint.txt: note is not signed by any trusted key")
                .contains("it is signed by the key in data/log.vkey");
    }

    @Test
    void aMissingProofFails() throws IOException {
        Map<String, byte[]> payload = log.payload(0, 5);
        payload.remove("proofs/5.tlog-proof");
        Run run = Run.of("bundle", write(TestLog.zip(payload)).toString(), "--key", key);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).isEqualTo("FAILED: event on line 2 (id e5, leaf index 5): data/proofs/5.tlog-proof is missing");
    }

    @Test
    void aMissingCheckpointFails() throws IOException {
        Map<String, byte[]> payload = log.payload(0);
        payload.remove("checkpoint.txt");
        Run run = Run.of("bundle", write(TestLog.zip(payload)).toString(), "--key", key);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).isEqualTo("FAILED: the bundle has no data/checkpoint.txt");
    }

    @Test
    void aProofFromAnOlderCheckpointIsNotTheBundlesCheckpoint() throws IOException {
        Map<String, byte[]> old = log.payload(2);
        log.grow(13);
        Map<String, byte[]> payload = log.payload(2);
        payload.put("proofs/2.tlog-proof", old.get("proofs/2.tlog-proof"));
        Run run = Run.of("bundle", write(TestLog.zip(payload)).toString(), "--key", key);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.failure()).contains("leaf index 2").contains("size 12").contains("not data/checkpoint.txt");
    }

    @Test
    void usageAndFileErrorsExitWithTwo() throws IOException {
        Path bundle = write(TestLog.zip(log.payload(0)));
        assertThat(Run.of("bundle", dir.resolve("absent.zip").toString(), "--key", key).exitCode()).isEqualTo(2);
        assertThat(Run.of("bundle", bundle.toString()).exitCode()).isEqualTo(2);
        assertThat(Run.of("bundle", bundle.toString(), "--key", dir.resolve("absent.vkey").toString()).exitCode()).isEqualTo(2);
        assertThat(Run.of("bundle", bundle.toString(), "--key", "a+b+c").exitCode()).isEqualTo(2);
        assertThat(Run.of("nonsense").exitCode()).isEqualTo(2);
    }

    private Path write(byte[] zip) throws IOException {
        return Files.write(Files.createTempFile(dir, "bundle", ".zip"), zip);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] rezip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
