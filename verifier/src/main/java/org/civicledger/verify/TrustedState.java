package org.civicledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.civicledger.tlog.VerificationException;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteVerifier;

/**
 * The last checkpoint this user has verified, kept as the signed note itself in
 * {@code <dir>/checkpoint.txt}, so it can be shown to anyone as evidence if the log later forks.
 */
final class TrustedState {

    private final Path file;

    TrustedState(Path dir) {
        this.file = dir.resolve("checkpoint.txt");
    }

    static Path defaultDir(String origin) {
        // One directory per log; the origin is URL-ish, so keep it to characters every file system takes.
        return Path.of(System.getProperty("user.home"), ".civic-verify", origin.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    Path file() {
        return file;
    }

    Optional<Checkpoint> load(NoteVerifier key, String origin) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.open(Files.readString(file, StandardCharsets.UTF_8), key, origin));
        } catch (VerificationException e) {
            throw new UsageError("stored checkpoint " + file + " does not verify with this key and origin ("
                    + e.getMessage() + "); move it away to start trusting afresh");
        }
    }

    /** Replaces the stored note atomically, so an interrupted run leaves the old one. */
    void store(String signedNote) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "checkpoint", ".tmp");
        Files.writeString(tmp, signedNote, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
