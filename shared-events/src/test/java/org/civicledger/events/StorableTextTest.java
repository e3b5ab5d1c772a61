package org.civicledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void ordinaryTextInAnyScriptWithTabsAndLineBreaksIsStorable() {
        assertThat(StorableText.problem("Safe haven\tresolución\r\n市議会 🏛️ — §1 «ICE»")).isNull();
        assertThat(StorableText.problem("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F})
    void everyC0ControlButTabLineFeedAndCarriageReturnIsRefused(int control) {
        assertThat(StorableText.problem("ab" + (char) control))
                .isEqualTo(String.format("U+%04X (a control character) at character 3", control));
    }

    @Test
    void unpairedSurrogatesAreRefusedWhereverTheyStand() {
        assertThat(StorableText.problem("x\uD800")).isEqualTo("U+D800 (an unpaired surrogate) at character 2");
        assertThat(StorableText.problem("\uDC00x")).isEqualTo("U+DC00 (an unpaired surrogate) at character 1");
        assertThat(StorableText.problem("\uD800\uD800\uDC00")).startsWith("U+D800 (an unpaired surrogate)");
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF})
    void nonCharactersAreRefusedInEveryPlane(int codePoint) {
        assertThat(StorableText.problem("a" + Character.toString(codePoint)))
                .isEqualTo(String.format("U+%04X (a non-character) at character 2", codePoint));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFDCF, 0xFDF0, 0xFFFD, 0x1F3DB, 0x10FFFD})
    void neighboursOfNonCharactersAreStorable(int codePoint) {
        assertThat(StorableText.problem(Character.toString(codePoint))).isNull();
    }
}
