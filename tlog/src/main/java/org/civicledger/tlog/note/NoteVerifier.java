package org.civicledger.tlog.note;

import java.util.Arrays;
import org.civicledger.tlog.StrictBase64;
import org.civicledger.tlog.VerificationException;

/** An Ed25519 signed-note verifier key: {@code <name>+<hex key id>+<base64(0x01 || public key)>}. */
public final class NoteVerifier {

    private final String name;
    private final int keyId;
    private final byte[] publicKey;

    NoteVerifier(String name, byte[] publicKey) {
        KeyNames.require(name);
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = KeyNames.keyId(name, publicKey);
    }

    /** Parses a verifier key text, refusing unknown algorithms and a key id that does not match the key. */
    public static NoteVerifier parse(String text) {
        // The base64 key may itself contain '+', so only the first two separate fields.
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new VerificationException("a verifier key is <name>+<key id>+<key>");
        }
        KeyNames.require(parts[0]);
        int id = KeyNames.parseHexId(parts[1]);
        byte[] key = StrictBase64.decode(parts[2]);
        if (key.length != 33 || key[0] != KeyNames.ALG_ED25519) {
            throw new VerificationException("only Ed25519 verifier keys (0x01 and 32 bytes) are supported");
        }
        NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, 33));
        if (v.keyId != id) {
            throw new VerificationException("verifier key id " + parts[1] + " does not match its key");
        }
        return v;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(publicKey, message, signature);
    }

    public String keyText() {
        byte[] key = new byte[33];
        key[0] = KeyNames.ALG_ED25519;
        System.arraycopy(publicKey, 0, key, 1, 32);
        return name + "+" + KeyNames.hex(keyId) + "+" + StrictBase64.encode(key);
    }

    @Override
    public String toString() {
        return keyText();
    }
}
