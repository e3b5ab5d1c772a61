package org.civicledger.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civicledger.tlog.bagit.Bag;
import org.civicledger.tlog.note.NoteVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Check a records-request bundle: its BagIt manifests, its checkpoint's signature, "
                + "and that every event in data/events.jsonl is in the signed log.")
final class BundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.zip", description = "The bundle.")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "VKEY",
            description = "The log's verifier key, as the city publishes it (the text, or a file holding it). "
                    + "Never the data/log.vkey inside the bundle.")
    String key;

    @Option(names = "--origin", paramLabel = "ORIGIN",
            description = "The log's checkpoint origin; defaults to the key's name.")
    String origin;

    @Override
    public Integer call() {
        return Outcome.of(() -> {
            NoteVerifier verifier = Keys.load(key);
            Bag bag;
            try (InputStream in = Files.newInputStream(file)) {
                bag = Bag.readZip(in);
            } catch (NoSuchFileException e) {
                throw new UsageError("no such file: " + file);
            }
            return new BundleCheck(verifier, origin != null ? origin : verifier.name()).check(bag);
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
