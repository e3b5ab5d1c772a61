package org.civicledger.query.feed;

import java.util.Locale;
import org.civicledger.query.history.History.HistoryItem;

/** The words of a feed entry: a readable title from the event type, and a summary with both times and the clerk. */
final class EntryText {

    private EntryText() {
    }

    /** {@code CosponsorAdded} → {@code Cosponsor added}. */
    static String title(HistoryItem item) {
        String words = item.type().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        String title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        String number = item.data().path("fileNumber").asText("");
        return number.isEmpty() ? title : title + " — " + number;
    }

    static String summary(HistoryItem item) {
        StringBuilder text = new StringBuilder();
        String subject = item.data().path("title").asText("");
        if (!subject.isEmpty()) {
            text.append(subject).append(". ");
        }
        if (item.reason() != null) {
            text.append("Reason: ").append(item.reason()).append(". ");
        }
        if (item.result() != null) {
            text.append("Result: ").append(item.result()).append(". ");
        }
        return text.append("Council action at ").append(item.occurredAt()).append("; recorded at ")
                .append(item.recordedAt()).append(" by ").append(item.recordedBy()).append(" (position ")
                .append(item.position()).append(").").toString();
    }
}
