package org.civicledger.query.minutes;

import java.util.List;

/**
 * Minutes as lines of wording in headed sections, before they are written out: the text and the HTML are both
 * written from one document, so they always state the same facts in the same words.
 *
 * @param heading the heading's lines, the first of them the title
 */
record MinutesDocument(List<String> heading, List<Section> sections) {

    /** {@code title} is null for a section that is a bare paragraph (a meeting cancelled or not yet held). */
    record Section(String title, List<String> paragraphs, List<Entry> entries) {
    }

    /** A numbered agenda item: its title line, then the lines recording what was done on it. */
    record Entry(int number, String title, List<String> lines) {
    }
}
