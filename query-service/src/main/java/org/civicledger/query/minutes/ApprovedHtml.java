package org.civicledger.query.minutes;

import java.util.List;

/** Approved minutes as HTML: the frozen text exactly as approved, then any later corrections, apart. */
final class ApprovedHtml {

    private ApprovedHtml() {
    }

    static String of(ApprovedMinutes.Approval approval, List<ApprovedMinutes.LaterCorrection> corrections) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<title>Minutes (approved)</title></head>\n<body>\n<article>\n<pre>")
                .append(MinutesRenderer.escape(approval.text()))
                .append("</pre>\n<p>Approved ").append(approval.approvedAt()).append("; SHA-256 <code>")
                .append(approval.sha256()).append("</code>.</p>\n</article>\n");
        if (!corrections.isEmpty()) {
            html.append("<section>\n<h2>Corrections since approval</h2>\n<ul>\n");
            for (ApprovedMinutes.LaterCorrection c : corrections) {
                html.append("<li>").append(c.recordedAt()).append(" by ").append(MinutesRenderer.escape(c.recordedBy()))
                        .append(": ").append(MinutesRenderer.escape(String.valueOf(c.reason())))
                        .append(" (event <code>").append(c.eventId()).append("</code>)</li>\n");
            }
            html.append("</ul>\n</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }
}
