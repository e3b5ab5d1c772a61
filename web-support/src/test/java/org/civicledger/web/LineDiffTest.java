package org.civicledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civicledger.web.LineDiff.Line;
import org.civicledger.web.LineDiff.Op;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    private static Line same(String text) {
        return new Line(Op.SAME, text);
    }

    private static Line added(String text) {
        return new Line(Op.ADDED, text);
    }

    private static Line removed(String text) {
        return new Line(Op.REMOVED, text);
    }

    @Test
    void identicalTextsAreAllSame() {
        assertThat(LineDiff.of("a\nb\n", "a\nb")).containsExactly(same("a"), same("b"));
    }

    @Test
    void aChangedLineIsRemovedThenAddedBetweenItsUnchangedNeighbours() {
        assertThat(LineDiff.of("Whereas\nthe city\nResolved", "Whereas\nthe City of Madison\nResolved"))
                .containsExactly(same("Whereas"), removed("the city"), added("the City of Madison"), same("Resolved"));
    }

    @Test
    void theLongestCommonRunOfLinesIsKeptWhereLinesMoveAndRepeat() {
        List<Line> lines = LineDiff.of("a\nb\nc\nd\ne", "b\nc\nx\ne\na");

        assertThat(lines).containsExactly(removed("a"), same("b"), same("c"), removed("d"), added("x"), same("e"),
                added("a"));
        assertThat(lines.stream().filter(l -> l.op() == Op.SAME)).hasSize(3);
    }

    @Test
    void fromOrToEmptyIsAllAddedOrAllRemoved() {
        assertThat(LineDiff.of("", "a\nb")).containsExactly(added("a"), added("b"));
        assertThat(LineDiff.of("a\nb", "")).containsExactly(removed("a"), removed("b"));
        assertThat(LineDiff.of("", "")).isEmpty();
    }

    @Test
    void windowsLineEndingsDoNotMakeEveryLineDifferent() {
        assertThat(LineDiff.of("a\r\nb\r\n", "a\nb\nc")).containsExactly(same("a"), same("b"), added("c"));
    }

    @Test
    void theUnifiedFormIsOneHunkOverBothWholeTexts() {
        String unified = LineDiff.unified(LineDiff.of("a\nb\nc", "a\nB\nc\nd"), "version 1", "version 2");

        assertThat(unified).isEqualTo("""
                --- version 1
                +++ version 2
                @@ -1,3 +1,4 @@
                 a
                -b
                +B
                 c
                +d
                """);
        assertThat(LineDiff.unified(LineDiff.of("", "a"), "version 1", "version 2")).contains("@@ -0,0 +1,1 @@");
    }

    @Test
    void moreLinesToCompareThanTheLimitIsRefusedNotComputed() {
        String a = "same head\n" + "a line\n".repeat(LineDiff.MAX_LINES / 2) + "same tail";
        String b = "same head\n" + "another line\n".repeat(LineDiff.MAX_LINES / 2 + 1) + "same tail";

        assertThatThrownBy(() -> LineDiff.of(a, b)).isInstanceOf(LineDiff.TooLarge.class);
        assertThat(LineDiff.of(a, a.replace("same tail", "a new tail"))).hasSize(LineDiff.MAX_LINES / 2 + 3);
    }
}
