package org.civicledger.query.file;

import com.fasterxml.jackson.annotation.JsonValue;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civicledger.query.web.Refused;
import org.springframework.http.HttpStatus;

/**
 * A line diff of two texts: the common head and tail trimmed, the rest by java-diff-utils' Myers algorithm (memory
 * in proportion to the texts and their differences, not their product). A public request is bounded: more than
 * {@link #MAX_LINES} lines left after trimming is refused ({@code diff-too-large}) rather than computed.
 */
final class LineDiff {

    /** Lines both texts may have between their common head and tail for a diff to be computed on request. */
    static final int MAX_LINES = 20_000;

    enum Op {
        SAME, ADDED, REMOVED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Line(Op op, String text) {
    }

    private LineDiff() {
    }

    static List<Line> of(String from, String to) {
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
            throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY, "diff-too-large", "These versions differ over "
                    + (a.size() + b.size()) + " lines, more than the " + MAX_LINES + " a diff is computed for;"
                    + " read both versions whole instead.");
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
    static String unified(List<Line> lines, String fromLabel, String toLabel) {
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
