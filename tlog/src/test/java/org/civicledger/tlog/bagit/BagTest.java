package org.civicledger.tlog.bagit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civicledger.tlog.VerificationException;
import org.junit.jupiter.api.Test;

class BagTest {

    private static final LocalDate DAY = LocalDate.of(2017, 2, 7);

    private static BagWriter writer() {
        return new BagWriter("request-42", "request-42", DAY)
                .info("Source-Organization", "City of Madison")
                .payload("events.jsonl", utf8("{\"id\":\"a\"}\n{\"id\":\"b\"}\n"))
                .payload("proofs/0.tlog-proof", utf8("proof\n"))
                .payload("odd%name\r\n.txt", utf8("x"));
    }

    @Test
    void aWrittenBagReadsBackAndChecks() throws IOException {
        byte[] zip = writer().toZip();
        Bag bag = Bag.readZip(zip);
        BagReport report = bag.check();
        assertThat(report.payloadFiles()).isEqualTo(3);
        assertThat(report.payloadAlgorithms()).containsExactly("sha256", "sha512");
        assertThat(report.tagAlgorithms()).containsExactly("sha256");
        assertThat(report.info()).containsEntry("External-Identifier", "request-42")
                .containsEntry("Bagging-Date", "2017-02-07").containsEntry("Payload-Oxum", "29.3");
        assertThat(text(bag, "bagit.txt")).isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        assertThat(text(bag, "manifest-sha256.txt")).contains("  data/odd%25name%0D%0A.txt\n");
        assertThat(bag.file("data/odd%name\r\n.txt")).isPresent();
        assertThat(writer().toZip()).as("deterministic").isEqualTo(zip);
    }

    @Test
    void anEditedPayloadByteIsCaught() throws IOException {
        Map<String, byte[]> files = entries(writer().toZip());
        files.put("request-42/data/events.jsonl", utf8("{\"id\":\"a\"}\n{\"id\":\"c\"}\n"));
        assertThatThrownBy(() -> Bag.readZip(zip(files)).check()).isInstanceOf(VerificationException.class)
                .hasMessageContaining("data/events.jsonl does not match its sha256 checksum");
    }

    @Test
    void anEditedManifestIsCaughtByTheTagManifest() throws IOException {
        Map<String, byte[]> files = entries(writer().toZip());
        String m = new String(files.get("request-42/manifest-sha512.txt"), StandardCharsets.UTF_8);
        files.put("request-42/manifest-sha512.txt", utf8(m.replaceFirst("^.", m.charAt(0) == '0' ? "1" : "0")));
        assertThatThrownBy(() -> Bag.readZip(zip(files)).check()).isInstanceOf(VerificationException.class)
                .hasMessageContaining("bag:");
    }

    @Test
    void aMissingOrUnlistedPayloadFileIsCaught() throws IOException {
        Map<String, byte[]> missing = entries(writer().toZip());
        missing.remove("request-42/data/proofs/0.tlog-proof");
        assertThatThrownBy(() -> Bag.readZip(zip(missing)).check())
                .hasMessageContaining("data/proofs/0.tlog-proof is listed but missing");

        Map<String, byte[]> extra = entries(writer().toZip());
        extra.put("request-42/data/smuggled.txt", utf8("hi"));
        assertThatThrownBy(() -> Bag.readZip(zip(extra)).check())
                .hasMessageContaining("data/smuggled.txt is not listed in manifest-sha256.txt");
    }

    @Test
    void theDeclarationMustBeExact() throws IOException {
        Map<String, byte[]> files = entries(writer().toZip());
        files.put("request-42/bagit.txt", utf8("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"));
        assertThatThrownBy(() -> Bag.readZip(zip(files)).check()).hasMessageContaining("bagit.txt");
    }

    @Test
    void aZipWithTwoBaseDirectoriesIsNotOneBag() throws IOException {
        Map<String, byte[]> files = entries(writer().toZip());
        files.put("other/bagit.txt", utf8("x"));
        assertThatThrownBy(() -> Bag.readZip(zip(files))).hasMessageContaining("exactly one bag");
    }

    @Test
    void aManifestCannotPointOutsideTheBag() throws IOException {
        Map<String, byte[]> files = entries(writer().toZip());
        files.put("request-42/manifest-sha256.txt", utf8(new String(files.get("request-42/manifest-sha256.txt"),
                StandardCharsets.UTF_8) + "00  data/../bagit.txt\n"));
        assertThatThrownBy(() -> Bag.readZip(zip(files)).check()).hasMessageContaining("unsafe path");
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String text(Bag bag, String path) {
        return new String(bag.file(path).orElseThrow(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
