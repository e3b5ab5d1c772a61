package org.civicledger.verify;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civicledger.tlog.note.NoteVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Check the live log: its signed checkpoint, and that it extends the last one you trusted.")
final class LogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The query service, e.g. https://records.example.gov")
    String url;

    @Option(names = "--key", required = true, paramLabel = "VKEY",
            description = "The log's verifier key, as the city publishes it (the text, or a file holding it).")
    String key;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "The log's checkpoint origin; defaults to the key's name.")
    String origin;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Where the last trusted checkpoint is kept; default ~/.civic-verify/<origin>.")
    Path state;

    @Option(names = "--full", description = "Also recompute the root from the leaf hashes of every event the log lists.")
    boolean full;

    @Option(names = "--leaf-bytes", description = "With --full: fetch every event's bytes and check its leaf hash (one request per event).")
    boolean leafBytes;

    @Option(names = "--page-size", defaultValue = "500", paramLabel = "N", description = "Events per page with --full (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Override
    public Integer call() {
        return Outcome.of(() -> {
            if (pageSize < 1) {
                throw new UsageError("--page-size must be positive");
            }
            NoteVerifier verifier = Keys.load(key);
            LogAudit.Options options = new LogAudit.Options(state, full, leafBytes, pageSize);
            return new LogAudit(new LogClient(url), verifier, origin != null ? origin : verifier.name(), options).run();
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
