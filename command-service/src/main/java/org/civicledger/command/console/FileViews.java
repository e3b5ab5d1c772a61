package org.civicledger.command.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.web.LineDiff;

/** The public record's legislative files (query-service's JSON) as the files screens show them, in city time. */
final class FileViews {

    private FileViews() {
    }

    record Summary(String id, String number, String type, String title, String status, String sponsor,
                   ZonedDateTime introducedAt) {
    }

    record Referral(String body, String bodyName, ZonedDateTime referredAt) {
    }

    /** An amendment; for a pending one, its text against what it would replace ({@code against}). */
    record Amendment(int number, String id, String proposedBy, String amends, int amendsNumber, String status,
                     String text, List<LineDiff.Line> diff) {

        public boolean pending() {
            return "PENDING".equals(status);
        }

        public boolean secondDegree() {
            return amends != null;
        }
    }

    record File(Summary summary, String text, int version, List<String> cosponsors,
                Map<String, ZonedDateTime> signedAt, List<Referral> referrals, List<Amendment> amendments) {

        /** Pending amendments of the first degree: the ones a second-degree amendment may amend. */
        public List<Amendment> amendable() {
            return amendments.stream().filter(a -> a.pending() && !a.secondDegree()).toList();
        }
    }

    static List<Summary> list(JsonNode list, ZoneId city) {
        List<Summary> files = new ArrayList<>();
        list.path("items").forEach(f -> files.add(summary(f, city)));
        return files;
    }

    /** {@code history}: the file's history (/api/files/{id}/history), for when each cosponsor signed. */
    static File file(JsonNode file, JsonNode history, Map<String, String> bodyNames, ZoneId city) {
        String text = file.path("text").asText();
        List<String> cosponsors = new ArrayList<>();
        file.path("cosponsors").forEach(c -> cosponsors.add(c.asText()));
        List<Referral> referrals = new ArrayList<>();
        file.path("referrals").forEach(r -> {
            String body = r.path("body").asText();
            referrals.add(new Referral(body, bodyNames.getOrDefault(body, body), at(r.path("referredAt"), city)));
        });
        List<Amendment> amendments = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        file.path("amendments").forEach(a -> {
            texts.put(a.path("amendmentId").asText(), a.path("text").asText());
            numbers.put(a.path("amendmentId").asText(), numbers.size() + 1);
        });
        file.path("amendments").forEach(a -> {
            String amends = a.path("amends").isTextual() ? a.path("amends").asText() : null;
            String status = a.path("status").asText();
            String proposed = a.path("text").asText();
            // A second-degree amendment changes the amendment it amends; a first-degree one, the file's text.
            String against = amends == null ? text : texts.getOrDefault(amends, text);
            String id = a.path("amendmentId").asText();
            amendments.add(new Amendment(numbers.get(id), id, a.path("proposedBy").asText(), amends,
                    amends == null ? 0 : numbers.getOrDefault(amends, 0), status, proposed,
                    "PENDING".equals(status) ? diff(against, proposed) : List.of()));
        });
        return new File(summary(file, city), text, file.path("version").asInt(), cosponsors, signedAt(history, city),
                referrals, amendments);
    }

    /** When each member now cosponsoring signed (their latest signature: a withdrawal ends the one before). */
    private static Map<String, ZonedDateTime> signedAt(JsonNode history, ZoneId city) {
        Map<String, ZonedDateTime> signed = new HashMap<>();
        history.path("items").forEach(item -> {
            String person = item.path("data").path("person").asText();
            switch (item.path("type").asText()) {
                case "CosponsorAdded" -> signed.put(person, at(item.path("occurredAt"), city));
                case "CosponsorWithdrawn" -> signed.remove(person);
                default -> { }
            }
        });
        return signed;
    }

    private static Summary summary(JsonNode f, ZoneId city) {
        return new Summary(f.path("fileId").asText(), f.path("fileNumber").asText(), f.path("type").asText(),
                f.path("title").asText(), f.path("status").asText(), f.path("sponsor").asText(),
                at(f.path("introducedAt"), city));
    }

    private static ZonedDateTime at(JsonNode instant, ZoneId city) {
        return instant.isTextual() ? Instant.parse(instant.asText()).atZone(city) : null;
    }

    /** The proposed text against what it would replace; past the diff's bound, all of one then all of the other. */
    private static List<LineDiff.Line> diff(String against, String proposed) {
        try {
            return LineDiff.of(against, proposed);
        } catch (LineDiff.TooLarge e) {
            List<LineDiff.Line> lines = new ArrayList<>();
            against.lines().forEach(text -> lines.add(new LineDiff.Line(LineDiff.Op.REMOVED, text)));
            proposed.lines().forEach(text -> lines.add(new LineDiff.Line(LineDiff.Op.ADDED, text)));
            return lines;
        }
    }
}
