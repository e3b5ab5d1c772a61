package org.civicledger.tlog.note;

/** One signature line of a note: {@code — <name> <base64(key id || signature)>}. */
public record NoteSignature(String name, int keyId, String base64) {

    public String line() {
        return Note.SIGNATURE_PREFIX + name + " " + base64 + "\n";
    }
}
