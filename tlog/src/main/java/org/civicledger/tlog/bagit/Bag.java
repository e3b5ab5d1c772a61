package org.civicledger.tlog.bagit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.civicledger.tlog.VerificationException;

/**
 * The files of one bag, by path relative to the bag's base directory, read from a zip into memory
 * (bundles are records requests, not archives; the limits keep a hostile zip from filling the heap).
 * Nothing is extracted to disk, so entry names cannot escape anywhere.
 */
public record Bag(Map<String, byte[]> files) {

    static final long MAX_TOTAL_BYTES = 1L << 30;
    static final int MAX_ENTRIES = 1_000_000;

    public Bag {
        files = Map.copyOf(files);
    }

    /** Reads a zip holding one bag, either in a single base directory (RFC 8493 §4.2) or at the root. */
    public static Bag readZip(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new VerificationException("bag: more than " + MAX_ENTRIES + " files");
                }
                byte[] content = readLimited(zip, MAX_TOTAL_BYTES - total);
                total += content.length;
                if (entries.put(e.getName(), content) != null) {
                    throw new VerificationException("bag: zip holds " + e.getName() + " twice");
                }
            }
        }
        return new Bag(stripBaseDirectory(entries));
    }

    public static Bag readZip(byte[] zip) throws IOException {
        return readZip(new ByteArrayInputStream(zip));
    }

    public Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path)).map(byte[]::clone);
    }

    /** Checks the bag as RFC 8493 §3 requires; throws with the first problem found. */
    public BagReport check() {
        return BagChecker.check(files);
    }

    private static Map<String, byte[]> stripBaseDirectory(Map<String, byte[]> entries) {
        if (entries.containsKey("bagit.txt")) {
            return entries;
        }
        String base = null;
        for (String name : entries.keySet()) {
            int slash = name.indexOf('/');
            String top = slash < 0 ? "" : name.substring(0, slash + 1);
            if (top.isEmpty() || (base != null && !base.equals(top))) {
                throw new VerificationException("bag: the zip does not hold exactly one bag in one base directory");
            }
            base = top;
        }
        if (base == null || !entries.containsKey(base + "bagit.txt")) {
            throw new VerificationException("bag: no bagit.txt");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        String prefix = base;
        entries.forEach((name, content) -> files.put(name.substring(prefix.length()), content));
        return files;
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            read += n;
            if (read > limit) {
                throw new VerificationException("bag: more than " + MAX_TOTAL_BYTES + " bytes uncompressed");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
