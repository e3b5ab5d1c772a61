package org.civicledger.web;

import com.fasterxml.jackson.annotation.JsonValue;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line diff of two texts, for both services (the public version diffs, the console's amendment previews): the
 * common head and tail trimmed, the rest by java-diff-utils' Myers algorithm (memory in proportion to the texts and
 * their differences, not their product). Bounded: more than {@link #MAX_LINES} lines left after trimming is
 * {@link TooLarge} rather than computed.
 */
public final class LineDiff {

    /** Lines both texts may have between their common head and tail for a diff to be computed on request. */
    public static final int MAX_LINES = 20_000;

    /** The two texts differ over more lines than a diff is computed for. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(int lines) {
            super("These versions differ over " + lines + " lines, more than the " + MAX_LINES
                    + " a diff is computed for; read both versions whole instead.");
        }
    }

    public enum Op {
        SAME, ADDED, REMOVED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Line(Op op, String text) {

        /** The op in lower case (same, added, removed), for a page's class and message key. */
        public String kind() {
            return op.json();
        }

        /** The usual mark of a diff line; a page gives screen readers the op's words instead. */
        public String mark() {
            return switch (op) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "\u2212";
            };
        }
    }

    private LineDiff() {
    }

    public static List<Line> of(String from, String to) {
        List<String> a = from.lines().toList();
        List<String> b = to.lines().toList();
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Line> lines = new ArrayList<>();
        a.subList(0, head).forEach(text -> lines.add(new Line(Op.SAME, text)));
        lines.addAll(middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail)));
        a.subList(a.size() - tail, a.size()).forEach(text -> lines.add(new Line(Op.SAME, text)));
        return lines;
    }

    /** Removals before additions where lines changed, as people read a diff. */
    private static List<Line> middle(List<String> a, List<String> b) {
        if (a.size() + b.size() > MAX_LINES) {
            throw new TooLarge(a.size() + b.size());
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++) {
                lines.add(new Line(Op.SAME, a.get(i)));
            }
            delta.getSource().getLines().forEach(text -> lines.add(new Line(Op.REMOVED, text)));
            delta.getTarget().getLines().forEach(text -> lines.add(new Line(Op.ADDED, text)));
            i += delta.getSource().size();
        }
        for (; i < a.size(); i++) {
            lines.add(new Line(Op.SAME, a.get(i)));
        }
        return lines;
    }

    /** Unified-diff style: one hunk covering both texts whole, so every line keeps its context. */
    public static String unified(List<Line> lines, String fromLabel, String toLabel) {
        long fromCount = lines.stream().filter(l -> l.op() != Op.ADDED).count();
        long toCount = lines.stream().filter(l -> l.op() != Op.REMOVED).count();
        StringBuilder out = new StringBuilder()
                .append("--- ").append(fromLabel).append('\n')
                .append("+++ ").append(toLabel).append('\n')
                .append("@@ -").append(range(fromCount)).append(" +").append(range(toCount)).append(" @@\n");
        for (Line line : lines) {
            char prefix = switch (line.op()) {
                case SAME -> ' ';
                case ADDED -> '+';
                case REMOVED -> '-';
            };
            out.append(prefix).append(line.text()).append('\n');
        }
        return out.toString();
    }

    private static String range(long count) {
        return (count == 0 ? "0" : "1") + "," + count;
    }
}
