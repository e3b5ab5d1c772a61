package org.civicledger.tlog.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicledger.tlog.StrictBase64;
import org.civicledger.tlog.VerificationException;

/**
 * A C2SP signed note: text ending in a newline, a blank line, then signature lines. {@code signatures}
 * are those verified by a known key; {@code unverified} are from keys the reader did not know.
 */
public record Note(String text, List<NoteSignature> signatures, List<NoteSignature> unverified) {

    static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    public Note {
        signatures = List.copyOf(signatures);
        unverified = List.copyOf(unverified);
    }

    /** The note {@code text} followed by one signature per signer. */
    public static String sign(String text, NoteSigner... signers) {
        requireWellFormed(text.getBytes(StandardCharsets.UTF_8));
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSigner signer : signers) {
            out.append(signatureLine(signer, message));
        }
        return out.toString();
    }

    static String signatureLine(NoteSigner signer, byte[] message) {
        byte[] sig = ByteBuffer.allocate(4 + 64).putInt(signer.keyId()).put(signer.sign(message)).array();
        return new NoteSignature(signer.name(), signer.keyId(), StrictBase64.encode(sig)).line();
    }

    /**
     * Parses a note and checks its signatures. A signature by a known key that does not verify
     * rejects the whole note; signatures by unknown keys are kept aside; at least one must verify.
     */
    public static Note open(byte[] message, List<NoteVerifier> known) {
        requireWellFormed(message);
        String all = new String(message, StandardCharsets.UTF_8);
        int split = all.lastIndexOf("\n\n");
        if (split < 0) {
            throw new VerificationException("malformed note: no blank line before the signatures");
        }
        String text = all.substring(0, split + 1);
        String sigs = all.substring(split + 2);
        if (sigs.isEmpty() || !sigs.endsWith("\n")) {
            throw new VerificationException("malformed note: signature block must end with a newline");
        }
        byte[] signed = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        List<NoteSignature> unknown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = 0;
        for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
            if (++count > MAX_SIGNATURES) {
                throw new VerificationException("malformed note: more than " + MAX_SIGNATURES + " signatures");
            }
            NoteSignature sig = parseLine(line);
            NoteVerifier v = find(known, sig);
            if (!seen.add(sig.name() + "\n" + sig.keyId() + "\n" + (v == null ? sig.base64() : ""))) {
                continue;
            }
            if (v == null) {
                unknown.add(sig);
                continue;
            }
            byte[] raw = StrictBase64.decode(sig.base64());
            byte[] signature = Arrays.copyOfRange(raw, 4, raw.length);
            if (!v.verify(signed, signature)) {
                throw new VerificationException("invalid signature by " + v.name() + "+" + KeyNames.hex(v.keyId()));
            }
            verified.add(sig);
        }
        if (verified.isEmpty()) {
            throw new VerificationException("note is not signed by any trusted key"
                    + (unknown.isEmpty() ? "" : " (signed by: " + names(unknown) + ")"));
        }
        return new Note(text, verified, unknown);
    }

    public static Note open(String message, NoteVerifier known) {
        return open(message.getBytes(StandardCharsets.UTF_8), List.of(known));
    }

    private static NoteSignature parseLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new VerificationException("malformed note: signature line does not start with an em dash and space");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new VerificationException("malformed note: signature line has no signature");
        }
        String name = rest.substring(0, space);
        String b64 = rest.substring(space + 1);
        if (!KeyNames.isValid(name) || b64.isEmpty()) {
            throw new VerificationException("malformed note: bad signature line");
        }
        byte[] raw = StrictBase64.decode(b64);
        if (raw.length < 5) {
            throw new VerificationException("malformed note: signature too short");
        }
        int id = ByteBuffer.wrap(raw, 0, 4).getInt();
        return new NoteSignature(name, id, b64);
    }

    private static NoteVerifier find(List<NoteVerifier> known, NoteSignature sig) {
        for (NoteVerifier v : known) {
            if (v.name().equals(sig.name()) && v.keyId() == sig.keyId()) {
                return v;
            }
        }
        return null;
    }

    /** UTF-8, and no control characters except newline: what a signer and every reader agree on. */
    private static void requireWellFormed(byte[] message) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message)).toString();
        } catch (CharacterCodingException e) {
            throw new VerificationException("malformed note: not UTF-8");
        }
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new VerificationException("malformed note: control character");
        }
    }

    private static String names(List<NoteSignature> sigs) {
        return String.join(", ", sigs.stream().map(s -> s.name() + "+" + KeyNames.hex(s.keyId())).toList());
    }
}
