package org.civicledger.query.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A search snippet as plain text and the spans that matched, as UTF-16 offsets into it ({@code [start, end)}, the
 * indices of a JavaScript or Java string). No markup is ever in the text: a page escapes the text and wraps the spans
 * in {@code <mark>} itself, so nothing in the record can become HTML.
 */
record Snippet(String text, List<Span> highlights) {

    record Span(int start, int end) {
    }

    /** From ts_headline's output with the private-use marks the document never contains. */
    static Snippet of(String marked) {
        if (marked == null) {
            return new Snippet("", List.of());
        }
        StringBuilder text = new StringBuilder(marked.length());
        List<Span> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == SearchProjection.MARK_START.charAt(0)) {
                start = text.length();
            } else if (c == SearchProjection.MARK_END.charAt(0)) {
                if (start >= 0 && text.length() > start) {
                    spans.add(new Span(start, text.length()));
                }
                start = -1;
            } else {
                text.append(c);
            }
        }
        return new Snippet(text.toString(), spans);
    }
}
