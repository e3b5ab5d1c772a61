package org.civicledger.tlog.bagit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one BagIt 1.0 bag (RFC 8493) as a zip whose single base directory is the bag, with sha256
 * and sha512 payload manifests and a sha256 tag manifest. Entries and their times are deterministic,
 * so the same records give the same bytes.
 */
public final class BagWriter {

    static final String BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    private final String bagName;
    private final LocalDate baggingDate;
    private final Map<String, String> info = new LinkedHashMap<>();
    private final Map<String, byte[]> payload = new TreeMap<>();

    public BagWriter(String bagName, String externalIdentifier, LocalDate baggingDate) {
        if (!BagPaths.isSafe(bagName) || bagName.contains("/")) {
            throw new IllegalArgumentException("a bag name is one path segment: " + bagName);
        }
        this.bagName = bagName;
        this.baggingDate = baggingDate;
        info.put("External-Identifier", externalIdentifier);
        info.put("Bagging-Date", baggingDate.toString());
    }

    /** Adds a bag-info.txt line; Payload-Oxum is computed, not given. */
    public BagWriter info(String label, String value) {
        if (label.isEmpty() || label.contains(":") || label.contains("\n") || value.contains("\n")) {
            throw new IllegalArgumentException("bag-info labels and values are single lines");
        }
        info.put(label, value);
        return this;
    }

    /** Adds a payload file at {@code data/<path>}. */
    public BagWriter payload(String path, byte[] content) {
        if (!BagPaths.isSafe(path)) {
            throw new IllegalArgumentException("unsafe payload path " + path);
        }
        payload.put("data/" + path, content.clone());
        return this;
    }

    public byte[] toZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeZip(out);
        return out.toByteArray();
    }

    public void writeZip(OutputStream out) {
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("bagit.txt", utf8(BAGIT_TXT));
        tags.put("bag-info.txt", utf8(bagInfo()));
        tags.put("manifest-sha256.txt", utf8(manifest("sha256", payload)));
        tags.put("manifest-sha512.txt", utf8(manifest("sha512", payload)));
        byte[] tagManifest = utf8(manifest("sha256", tags));
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : tags.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
            put(zip, "tagmanifest-sha256.txt", tagManifest);
            for (Map.Entry<String, byte[]> e : payload.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String bagInfo() {
        long octets = payload.values().stream().mapToLong(b -> b.length).sum();
        StringBuilder b = new StringBuilder();
        info.forEach((label, value) -> b.append(label).append(": ").append(value).append('\n'));
        return b.append("Payload-Oxum: ").append(octets).append('.').append(payload.size()).append('\n').toString();
    }

    private static String manifest(String algorithm, Map<String, byte[]> files) {
        StringBuilder b = new StringBuilder();
        files.forEach((path, content) ->
                b.append(Checksums.hex(algorithm, content)).append("  ").append(BagPaths.encode(path)).append('\n'));
        return b.toString();
    }

    private void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(bagName + "/" + path);
        entry.setTimeLocal(baggingDate.atStartOfDay());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
