package org.civicledger.query.minutes;

import org.civicledger.events.Sha256;
import org.civicledger.query.minutes.MinutesDocument.Entry;
import org.civicledger.query.minutes.MinutesDocument.Section;

/**
 * Draft minutes as plain text, written from the {@link MinutesDocument} that {@link MinutesHtml} also writes from. The
 * text is the record: its lines end in LF, it ends with one, and its SHA-256 is what an approval will freeze.
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

    static String sha256(String text) {
        return Sha256.hex(text);
    }
}
