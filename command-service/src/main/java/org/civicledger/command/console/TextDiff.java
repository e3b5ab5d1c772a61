package org.civicledger.command.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A proposed text against the text it would replace, line by line (longest common subsequence), as the file screen
 * shows an amendment. The common head and tail are trimmed first, so the table stays small for a file's text.
 */
final class TextDiff {

    enum Op { SAME, ADDED, REMOVED }

    record Line(Op op, String text) {

        /** The op's name in lower case, for the template's class and the message key. */
        public String kind() {
            return op.name().toLowerCase(Locale.ROOT);
        }

        /** The diff's usual mark; screen readers hear the op's words instead. */
        public String mark() {
            return switch (op) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "−";
            };
        }
    }

    private TextDiff() {
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

    /** Past this many cells the changed middle is shown as removed then added (the table would cost too much). */
    private static final long MAX_CELLS = 4_000_000;

    /** Removals before additions where lines changed, as people read a diff. */
    private static List<Line> middle(List<String> a, List<String> b) {
        if ((long) a.size() * b.size() > MAX_CELLS) {
            List<Line> lines = new ArrayList<>();
            a.forEach(text -> lines.add(new Line(Op.REMOVED, text)));
            b.forEach(text -> lines.add(new Line(Op.ADDED, text)));
            return lines;
        }
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
}
