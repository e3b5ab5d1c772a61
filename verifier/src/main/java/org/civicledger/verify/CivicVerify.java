package org.civicledger.verify;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * civic-verify: checks civic-ledger records with the city's public key and nothing else the server
 * or a bundle says about itself. Exit 0: everything holds; 1: something does not (one line says
 * what); 2: usage or I/O error.
 */
@Command(name = "civic-verify", mixinStandardHelpOptions = true, version = "civic-verify 0.1.0",
        subcommands = {BundleCommand.class, LogCommand.class},
        description = "Verify civic-ledger records bundles and the public log against the city's key.")
public final class CivicVerify implements Runnable {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new CivicVerify());
        cli.setOut(out);
        cli.setErr(err);
        // Unexpected exceptions are bugs or environment problems, never a verdict on the records.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e);
            return ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which check: bundle or log");
    }
}
