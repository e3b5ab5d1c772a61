package org.civicledger.query.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.civicledger.query.minutes.ApprovedMinutes.Approval;
import org.civicledger.query.minutes.ApprovedMinutes.LaterCorrection;
import org.civicledger.query.minutes.Minutes.Item;
import org.civicledger.query.minutes.Minutes.Status;
import org.junit.jupiter.api.Test;

class MinutesHtmlTest {

    private static final MinutesHtml HTML = TemplatesForTests.minutesHtml();
    private static final String HOSTILE = "<script>alert(1)</script> \"'&";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;";
    private static final ZonedDateTime STARTS = ZonedDateTime.of(2017, 2, 7, 18, 30, 0, 0,
            ZoneId.of("America/Chicago"));

    @Test
    void recordedTextInTheDraftIsEscaped() {
        Minutes minutes = new Minutes(null, "Common Council", "m-1", Status.ADJOURNED, STARTS, HOSTILE, null,
                STARTS.toInstant(), null, List.of(), List.of(new Item(7, "RES-17-00001", HOSTILE, true, List.of())),
                STARTS.plusHours(2).toInstant(), Map.of());

        String html = HTML.draft(minutes);

        assertThat(html).contains("<p>" + ESCAPED + "</p>", "<li value=\"7\"><p>RES-17-00001 " + ESCAPED + "</p></li>");
        assertThat(html).doesNotContain("<script", "src=", "href=", "style");
    }

    @Test
    void theApprovedTextAndTheCorrectionsSinceAreEscaped() {
        Approval approval = new Approval("MINUTES\n" + HOSTILE + "\n", "ab".repeat(32), "m-2", "motion-1",
                Instant.parse("2017-02-21T00:31:00Z"), 42);
        List<LaterCorrection> corrections = List.of(
                new LaterCorrection("e-1", "VoteCorrected", Instant.parse("2017-03-01T16:00:00Z"), HOSTILE, HOSTILE),
                new LaterCorrection("e-2", "VoteCorrected", Instant.parse("2017-03-02T16:00:00Z"), "asmith", null));

        String html = HTML.approved(approval, corrections);

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n")
                .contains("<pre>MINUTES\n" + ESCAPED + "\n</pre>",
                        "<p>Approved 2017-02-21T00:31:00Z; SHA-256 <code>" + "ab".repeat(32) + "</code>.</p>",
                        "<h2>Corrections since approval</h2>",
                        "<li>2017-03-01T16:00:00Z by " + ESCAPED + ": " + ESCAPED + " (event <code>e-1</code>)</li>",
                        "<li>2017-03-02T16:00:00Z by asmith (event <code>e-2</code>)</li>")
                .endsWith("</body>\n</html>\n");
        assertThat(html).doesNotContain("<script", "null", "src=", "href=", "style");
    }

    @Test
    void approvedMinutesWithoutLaterCorrectionsHaveNoCorrectionsSection() {
        Approval approval = new Approval("MINUTES\n", "ab".repeat(32), "m-2", "motion-1",
                Instant.parse("2017-02-21T00:31:00Z"), 42);

        assertThat(HTML.approved(approval, List.of())).doesNotContain("<section", "Corrections");
    }
}
