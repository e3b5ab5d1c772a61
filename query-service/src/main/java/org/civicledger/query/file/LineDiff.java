package org.civicledger.query.file;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line diff of two texts by longest common subsequence. Written here because no diff library is on the
 * classpath and a file's texts are short; the common head and tail are trimmed first, so the table stays small.
 */
final class LineDiff {

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
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add(new Line(Op.SAME, a.get(i++)));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                lines.add(new Line(Op.REMOVED, a.get(i++)));
            } else {
                lines.add(new Line(Op.ADDED, b.get(j++)));
            }
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
