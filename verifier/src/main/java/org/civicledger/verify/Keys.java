package org.civicledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.civicledger.tlog.VerificationException;
import org.civicledger.tlog.note.NoteVerifier;

/** The --key value: a verifier key text, or a file holding one (as the city publishes it). */
final class Keys {

    private Keys() {
    }

    static NoteVerifier load(String value) throws IOException {
        String text = value;
        if (isFile(value)) {
            text = Files.readString(Path.of(value), StandardCharsets.UTF_8).strip();
        } else if (value.chars().filter(c -> c == '+').count() < 2) {
            throw new UsageError("--key " + value + ": neither a verifier key nor a readable file");
        }
        try {
            return NoteVerifier.parse(text);
        } catch (VerificationException e) {
            throw new UsageError("--key: not a usable verifier key: " + e.getMessage());
        }
    }

    private static boolean isFile(String value) {
        try {
            return Files.isRegularFile(Path.of(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
