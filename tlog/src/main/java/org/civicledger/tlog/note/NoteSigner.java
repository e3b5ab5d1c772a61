package org.civicledger.tlog.note;

import java.util.Arrays;
import org.civicledger.tlog.StrictBase64;
import org.civicledger.tlog.VerificationException;

/**
 * An Ed25519 signed-note signer, from a private key text
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>}. Keep that text secret.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed, byte[] publicKey) {
        this.name = name;
        this.seed = seed.clone();
        this.verifier = new NoteVerifier(name, publicKey);
    }

    /** A new random key named {@code name} (by convention the log's origin). */
    public static NoteSigner generate(String name) {
        KeyNames.require(name);
        byte[][] pair = Ed25519.generate();
        return new NoteSigner(name, pair[0], pair[1]);
    }

    public static NoteSigner parse(String text) {
        String t = text.strip();
        if (!t.startsWith(PREFIX)) {
            throw new VerificationException("a private key text starts with " + PREFIX);
        }
        String[] parts = t.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new VerificationException("a private key is PRIVATE+KEY+<name>+<key id>+<key>");
        }
        KeyNames.require(parts[0]);
        int id = KeyNames.parseHexId(parts[1]);
        byte[] key = StrictBase64.decode(parts[2]);
        if (key.length != 33 || key[0] != KeyNames.ALG_ED25519) {
            throw new VerificationException("only Ed25519 private keys (0x01 and a 32-byte seed) are supported");
        }
        byte[] seed = Arrays.copyOfRange(key, 1, 33);
        NoteSigner signer = new NoteSigner(parts[0], seed, Ed25519.publicKeyOf(seed));
        if (signer.keyId() != id) {
            throw new VerificationException("private key id " + parts[1] + " does not match its key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return verifier.keyId();
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** The raw 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(seed, message);
    }

    public String privateKeyText() {
        byte[] key = new byte[33];
        key[0] = KeyNames.ALG_ED25519;
        System.arraycopy(seed, 0, key, 1, 32);
        return PREFIX + name + "+" + KeyNames.hex(keyId()) + "+" + StrictBase64.encode(key);
    }

    @Override
    public String toString() {
        // Never the seed: this ends up in logs.
        return "NoteSigner[" + verifier.keyText() + "]";
    }
}
