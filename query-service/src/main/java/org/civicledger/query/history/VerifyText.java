package org.civicledger.query.history;

/** VERIFY.txt: how to check a records-request bundle, in plain words. */
final class VerifyText {

    private VerifyText() {
    }

    static String of(String what, int events, int notYetCheckpointed, long checkpointSize) {
        String later = notYetCheckpointed == 0 ? "" : """

                %d more event(s) of this record were recorded after the checkpoint was signed and are not in this
                bundle; download it again in a few seconds to have them too.
                """.formatted(notYetCheckpointed);
        return """
                HOW TO CHECK THIS RECORDS-REQUEST BUNDLE

                This bundle holds the %s: %d event(s), exactly as the city's public record committed to them.

                - data/events.jsonl  every event, one per line, byte for byte as published (oldest first)
                - data/events.csv    the same events as a table you can open in a spreadsheet
                - data/checkpoint.txt the transparency log's signed checkpoint (a tree of %d events)
                - data/proofs/       one proof per event that it is in that tree
                - data/log.vkey      a copy of the log's verifier key (do NOT rely on it: see step 1)

                1. Get the city's verifier key from a source you trust (the city's website, the clerk's office,
                   or GET /api/log/key on the city's server), not from this bundle.
                2. Run the city's open-source verifier (Java 17 or later, no network needed):

                       java -jar civic-verify.jar bundle THIS-FILE.zip --key "<the city's verifier key>"

                3. "OK" means every event is in the signed log and no byte of it was changed; "FAILED" names the
                   first event or file that does not check, and why. Exit code 0 = verified, 1 = failed.

                The checkpoint commits to every event of the whole record in order, not only these: a later
                checkpoint can be shown consistent with this one (civic-verify log), so the record cannot quietly
                rewrite what it said.
                %s""".formatted(what, events, checkpointSize, later);
    }
}
