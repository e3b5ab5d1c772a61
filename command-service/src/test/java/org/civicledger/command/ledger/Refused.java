package org.civicledger.command.ledger;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * For Axon fixtures' {@code expectException}: the command was refused by {@code rule}. The rule is the contract a
 * client acts on; its message is words for people and may be reworded, so tests name the rule.
 */
public final class Refused {

    private Refused() {
    }

    public static Matcher<Object> by(String rule) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object thrown) {
                return thrown instanceof RuleViolation violation && violation.rule().equals(rule)
                        && violation.getMessage() != null && !violation.getMessage().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by rule ").appendValue(rule).appendText(" with a message");
            }

            @Override
            protected void describeMismatchSafely(Object thrown, Description mismatch) {
                mismatch.appendText(thrown instanceof RuleViolation v ? "refused by " + v.rule() + ": "
                        + v.getMessage() : "was " + thrown);
            }
        };
    }
}
