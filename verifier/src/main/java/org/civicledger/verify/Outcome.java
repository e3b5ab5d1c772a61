package org.civicledger.verify;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.civicledger.tlog.VerificationException;

/** Runs a check and turns its outcome into the exit code and the one line a person reads. */
final class Outcome {

    interface Check {
        String run() throws Failure, IOException;
    }

    private Outcome() {
    }

    static int of(Check check, PrintWriter out, PrintWriter err) {
        try {
            out.println(check.run());
            return CivicVerify.OK;
        } catch (Failure | VerificationException e) {
            err.println("FAILED: " + oneLine(e.getMessage()));
            return CivicVerify.FAILED;
        } catch (IOException | UncheckedIOException | UsageError e) {
            err.println("error: " + oneLine(e.getMessage()));
            return CivicVerify.ERROR;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "(no detail)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
