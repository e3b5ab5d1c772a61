package org.civicledger.tlog.bagit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicledger.tlog.VerificationException;

/** RFC 8493 validity of a complete bag: declaration, every manifest line, every payload file, Payload-Oxum. */
final class BagChecker {

    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt");
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]+)[ \\t]+(.+)");
    private static final Pattern OXUM = Pattern.compile("([0-9]+)\\.([0-9]+)");

    private BagChecker() {
    }

    static BagReport check(Map<String, byte[]> files) {
        byte[] declaration = files.get("bagit.txt");
        if (declaration == null) {
            throw fail("no bagit.txt");
        }
        if (!Arrays.equals(declaration, BagWriter.BAGIT_TXT.getBytes(StandardCharsets.UTF_8))) {
            throw fail("bagit.txt is not the BagIt 1.0 UTF-8 declaration");
        }
        if (files.containsKey("fetch.txt")) {
            throw fail("fetch.txt: the bag is not complete");
        }
        List<String> payloadAlgorithms = new ArrayList<>();
        List<String> tagAlgorithms = new ArrayList<>();
        for (String name : new TreeSet<>(files.keySet())) {
            Matcher m = MANIFEST.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String algorithm = m.group(2);
            if (!Checksums.JAVA_NAMES.containsKey(algorithm)) {
                throw fail(name + ": unsupported algorithm " + algorithm);
            }
            boolean tag = m.group(1) != null;
            Set<String> listed = checkManifest(name, algorithm, tag, files);
            if (tag) {
                tagAlgorithms.add(algorithm);
            } else {
                payloadAlgorithms.add(algorithm);
                requireAllPayloadListed(name, listed, files);
            }
        }
        if (payloadAlgorithms.isEmpty()) {
            throw fail("no payload manifest (manifest-sha256.txt or manifest-sha512.txt)");
        }
        Map<String, String> info = bagInfo(files);
        long octets = 0;
        int count = 0;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().startsWith("data/")) {
                octets += e.getValue().length;
                count++;
            }
        }
        checkOxum(info.get("Payload-Oxum"), octets, count);
        return new BagReport(octets, count, payloadAlgorithms, tagAlgorithms, info);
    }

    private static Set<String> checkManifest(String name, String algorithm, boolean tag, Map<String, byte[]> files) {
        Set<String> listed = new TreeSet<>();
        int number = 0;
        for (String line : lines(files.get(name))) {
            number++;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw fail(name + " line " + number + ": not '<checksum> <path>'");
            }
            String path = BagPaths.decode(m.group(2));
            if (!BagPaths.isSafe(path)) {
                throw fail(name + " line " + number + ": unsafe path " + path);
            }
            if (tag == path.startsWith("data/")) {
                throw fail(name + " line " + number + ": " + path + " does not belong in this manifest");
            }
            if (!listed.add(path)) {
                throw fail(name + ": " + path + " is listed twice");
            }
            byte[] content = files.get(path);
            if (content == null) {
                throw fail(name + ": " + path + " is listed but missing");
            }
            if (!Checksums.hex(algorithm, content).equalsIgnoreCase(m.group(1))) {
                throw fail(name + ": " + path + " does not match its " + algorithm + " checksum");
            }
        }
        return listed;
    }

    private static void requireAllPayloadListed(String manifest, Set<String> listed, Map<String, byte[]> files) {
        for (String path : new TreeSet<>(files.keySet())) {
            if (path.startsWith("data/") && !listed.contains(path)) {
                throw fail(path + " is not listed in " + manifest);
            }
        }
    }

    private static Map<String, String> bagInfo(Map<String, byte[]> files) {
        byte[] content = files.get("bag-info.txt");
        Map<String, String> info = new LinkedHashMap<>();
        if (content == null) {
            return info;
        }
        String label = null;
        Map<String, Integer> seen = new HashMap<>();
        for (String line : lines(content)) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && label != null) {
                info.put(label, info.get(label) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw fail("bag-info.txt: not 'Label: value': " + line);
            }
            label = line.substring(0, colon).strip();
            // Repeatable labels are allowed; the report keeps the first.
            if (seen.merge(label, 1, Integer::sum) == 1) {
                info.put(label, line.substring(colon + 1).strip());
            }
        }
        if (seen.getOrDefault("Payload-Oxum", 0) > 1) {
            throw fail("bag-info.txt: Payload-Oxum given twice");
        }
        return info;
    }

    private static void checkOxum(String oxum, long octets, int count) {
        if (oxum == null) {
            return;
        }
        Matcher m = OXUM.matcher(oxum);
        if (!m.matches()) {
            throw fail("bag-info.txt: Payload-Oxum is not 'octets.files': " + oxum);
        }
        if (!m.group(1).equals(Long.toString(octets)) || !m.group(2).equals(Integer.toString(count))) {
            throw fail("Payload-Oxum says " + oxum + " but the payload is " + octets + "." + count);
        }
    }

    /** Tag files may end lines with LF, CR LF or CR (RFC 8493 §2.1). */
    private static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static VerificationException fail(String what) {
        return new VerificationException("bag: " + what);
    }
}
