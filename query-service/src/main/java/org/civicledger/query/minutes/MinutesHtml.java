package org.civicledger.query.minutes;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Minutes as standalone HTML (no scripts, no styles, no external assets), written by the Thymeleaf engine of the
 * public pages from {@code templates/minutes/}, so every recorded value is escaped ({@code th:text}). Always
 * {@code lang="en"}: minutes are the record in the language they were taken, whatever language the pages are read in.
 */
@Component
class MinutesHtml {

    private final ITemplateEngine templates;

    MinutesHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The draft, from the same {@link MinutesDocument} as the text, so both state the same facts in the same words. */
    String draft(Minutes minutes) {
        MinutesDocument document = MinutesComposer.compose(minutes);
        return render("minutes/draft", Map.of("heading", document.heading(), "sections", document.sections()));
    }

    /** The frozen text exactly as approved, then any later corrections, apart. */
    String approved(ApprovedMinutes.Approval approval, List<ApprovedMinutes.LaterCorrection> corrections) {
        return render("minutes/approved", Map.of("approval", approval, "corrections", corrections));
    }

    private String render(String template, Map<String, Object> variables) {
        return templates.process(template, new Context(Locale.ENGLISH, variables));
    }
}
