package org.civicledger.verify;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line, in process, with what it printed. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CivicVerify.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The one line a failed check prints. */
    String failure() {
        return err.strip();
    }
}
