package org.civicledger.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule either service refuses a request by, with its HTTP status: the API's contract in one place. A problem
 * document's {@code rule} is one of these; the README's error table and the OpenAPI descriptions are made from, or
 * checked against, this list ({@code RefusalCatalogueTest} also checks that the code raises each rule with this
 * status and nothing that is not here).
 */
public final class RefusalRules {

    /** One line per status: the status, then its rules. */
    private static final String CATALOGUE = """
            400 malformed-request invalid-request invalid-parameter invalid-text one-rule-per-request roll-or-voice
            400 invalid-idempotency-key invalid-consistency-range invalid-time
            401 clerk-login-required
            403 clerk-role-required
            404 not-found file-not-found person-not-found body-not-found meeting-not-found agenda-item-not-found
            404 motion-not-found event-not-found version-not-found checkpoint-not-found verifier-key-not-found
            404 no-checkpoint leaf-not-found
            409 person-already-registered body-already-exists already-cosponsor sponsor-cannot-cosponsor
            409 not-a-cosponsor seat-already-held role-already-filled body-seats-full quorum-rule-unchanged
            409 threshold-unchanged already-referred meeting-cancelled meeting-adjourned meeting-in-progress
            409 meeting-not-in-progress file-already-on-agenda agenda-unchanged roll-call-already-taken
            409 roll-call-not-taken already-present not-present motion-pending motion-already-decided file-closed
            409 file-not-closed no-quorum item-tabled item-not-tabled nothing-to-reconsider already-reconsidered
            409 amendment-not-pending correction-changes-nothing minutes-already-approved concurrent-change
            409 id-already-taken idempotency-key-in-flight idempotency-key-outcome-unknown log-integrity
            413 request-too-large
            422 person-not-registered body-not-registered file-not-registered seat-ends-before-it-starts
            422 body-needs-seats agenda-item-needs-file-or-title agenda-order-mismatch agenda-empty not-seated
            422 person-listed-twice roll-call-incomplete mover-not-present seconder-not-present mover-cannot-second
            422 motion-needs-a-file refer-names-a-body withdraw-by-sponsor-only amend-names-an-amendment
            422 third-degree-amendment reconsider-by-prevailing-side reconsider-needs-roll-call voter-not-present
            422 not-the-current-vote-record voice-vote-not-correctable correction-changes-outcome
            422 not-correctable-yet minutes-hash-mismatch minutes-need-a-passed-motion choice-not-castable
            422 roll-incomplete unknown-time-zone occurred-at-in-future idempotency-key-reused leaf-not-in-checkpoint
            422 diff-too-large
            429 login-throttled
            431 request-headers-too-large
            500 internal-error
            503 projection-behind event-store-unavailable read-store-unavailable too-many-past-reads
            503 too-many-subscribers not-yet-in-log
            """;

    private static final Map<String, Integer> RULES = parse();

    private RefusalRules() {
    }

    /** Every rule and its status, in the catalogue's order. */
    public static Map<String, Integer> all() {
        return RULES;
    }

    public static Optional<Integer> status(String rule) {
        return Optional.ofNullable(RULES.get(rule));
    }

    /** The rules answered with {@code status}, in the catalogue's order. */
    public static List<String> withStatus(int status) {
        return RULES.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Integer> parse() {
        Map<String, Integer> rules = new LinkedHashMap<>();
        CATALOGUE.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] words = line.split("\\s+");
            for (int i = 1; i < words.length; i++) {
                if (rules.put(words[i], Integer.parseInt(words[0])) != null) {
                    throw new IllegalStateException("rule listed twice: " + words[i]);
                }
            }
        });
        return Collections.unmodifiableMap(rules);
    }
}
