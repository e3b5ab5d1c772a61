package org.civicledger.query.minutes;

import org.civicledger.events.Sha256;
import org.civicledger.query.minutes.MinutesDocument.Entry;
import org.civicledger.query.minutes.MinutesDocument.Section;

/**
 * Draft minutes as plain text and as HTML, both written from the same {@link MinutesDocument}. The text is the
 * record: its lines end in LF, it ends with one, and its SHA-256 is what an approval will freeze.
 */
final class MinutesRenderer {

    private static final String INDENT = "   ";

    private MinutesRenderer() {
    }

    static String text(Minutes minutes) {
        MinutesDocument document = MinutesComposer.compose(minutes);
        StringBuilder out = new StringBuilder();
        document.heading().forEach(line -> out.append(line).append('\n'));
        for (Section section : document.sections()) {
            out.append('\n');
            if (section.title() != null) {
                out.append(section.title()).append('\n');
            }
            section.paragraphs().forEach(line -> out.append(line).append('\n'));
            for (Entry entry : section.entries()) {
                out.append(entry.number()).append(". ").append(entry.title()).append('\n');
                entry.lines().forEach(line -> out.append(INDENT).append(line).append('\n'));
            }
        }
        return out.toString();
    }

    /** A standalone page: no scripts, no styles, no external assets. */
    static String html(Minutes minutes) {
        MinutesDocument document = MinutesComposer.compose(minutes);
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        out.append("<meta charset=\"utf-8\">\n");
        out.append("<title>").append(escape(document.heading().get(0) + " — " + document.heading().get(1)))
                .append("</title>\n</head>\n<body>\n");
        out.append("<h1>").append(escape(document.heading().get(0))).append("</h1>\n");
        document.heading().stream().skip(1).forEach(line -> out.append("<p>").append(escape(line)).append("</p>\n"));
        for (Section section : document.sections()) {
            if (section.title() != null) {
                out.append("<h2>").append(escape(section.title())).append("</h2>\n");
            }
            section.paragraphs().forEach(line -> out.append("<p>").append(escape(line)).append("</p>\n"));
            if (!section.entries().isEmpty()) {
                out.append("<ol>\n");
                for (Entry entry : section.entries()) {
                    // The agenda's own numbers, which need not run 1, 2, 3 once items are added after publication.
                    out.append("<li value=\"").append(entry.number()).append("\"><p>").append(escape(entry.title()))
                            .append("</p>");
                    entry.lines().forEach(line -> out.append("\n<p>").append(escape(line)).append("</p>"));
                    out.append("</li>\n");
                }
                out.append("</ol>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
