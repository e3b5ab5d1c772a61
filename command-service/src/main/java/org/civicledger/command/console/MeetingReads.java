package org.civicledger.command.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the meetings screens show, read from the public record and shaped for the templates: times in the city's
 * wall clock in the clerk's language, bodies and people by name, the record's own text as recorded.
 */
@Component
class MeetingReads {

    /** A choice in a select or a radio group: the value sent and the words shown. */
    record Choice(String value, String label) {
    }

    record Row(String meetingId, String body, String startsAt, String location, String status, boolean upcoming) {
    }

    /** A draft item with the orders that moving it up or down would make (empty when it cannot move that way). */
    record Item(String itemId, String fileNumber, String title, boolean consent, List<String> up, List<String> down) {
    }

    record Published(int number, String fileNumber, String title, boolean consent) {
    }

    record Version(int version, String publishedAt, List<Published> items) {
    }

    record Meeting(String meetingId, String body, String startsAt, String startsAtInput, String location,
                   String status, String cancelReason, List<Item> draft, List<String> order,
                   List<Version> versions) {

        public boolean scheduled() {
            return "SCHEDULED".equals(status);
        }

        public boolean agendaOpen() {
            return "SCHEDULED".equals(status) || "IN_PROGRESS".equals(status);
        }
    }

    record Approval(String approvingMeetingId, String approvingMeeting, String motionId, String approvedAt) {
    }

    record Minutes(String status, String text, String sha256, Approval approval) {

        public boolean approved() {
            return approval != null;
        }
    }

    /** A passed ADOPT motion on a plain item: what minutes can be approved by. */
    record Motion(String motionId, String item, String mover, String madeAt) {
    }

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final PublicRecord record;
    private final MessageSource messages;
    private final ZoneId city;

    MeetingReads(PublicRecord record, MessageSource messages, @Value("${civic.time-zone}") String cityZone) {
        this.record = record;
        this.messages = messages;
        this.city = ZoneId.of(cityZone);
    }

    ZoneId city() {
        return city;
    }

    /**
     * Every meeting: those still to come or under way first, soonest first (a scheduled one stays there for 12 hours
     * past its start, the time a late call to order may take); then the others, latest first.
     */
    List<Row> meetings(long after) {
        Map<String, String> bodies = names(record.read(0, "/api/bodies"), "bodyId");
        Instant now = Instant.now();
        List<Row> upcoming = new ArrayList<>();
        List<Row> earlier = new ArrayList<>();
        for (JsonNode m : record.read(after, "/api/meetings").path("items")) {
            OffsetDateTime startsAt = OffsetDateTime.parse(m.path("startsAt").asText());
            String status = m.path("status").asText();
            boolean ahead = status.equals("IN_PROGRESS")
                    || status.equals("SCHEDULED") && !startsAt.toInstant().isBefore(now.minus(12, ChronoUnit.HOURS));
            Row row = new Row(m.path("meetingId").asText(), bodies.getOrDefault(m.path("body").asText(),
                    m.path("body").asText()), when(startsAt.toInstant()), m.path("location").asText(), status, ahead);
            (ahead ? upcoming : earlier).add(row);
        }
        Collections.reverse(earlier);
        upcoming.addAll(earlier);
        return upcoming;
    }

    List<Choice> bodies(long after) {
        List<Choice> choices = new ArrayList<>();
        for (JsonNode b : record.read(after, "/api/bodies").path("items")) {
            choices.add(new Choice(b.path("bodyId").asText(), b.path("name").asText()));
        }
        return choices;
    }

    List<Choice> files() {
        List<Choice> choices = new ArrayList<>();
        for (JsonNode f : record.read(0, "/api/files").path("items")) {
            choices.add(new Choice(f.path("fileId").asText(),
                    f.path("fileNumber").asText() + " · " + f.path("title").asText()));
        }
        return choices;
    }

    Meeting meeting(String meetingId, long after) {
        JsonNode m = record.read(after, "/api/meetings/{id}", meetingId);
        Map<String, String> bodies = names(record.read(0, "/api/bodies"), "bodyId");
        Instant startsAt = OffsetDateTime.parse(m.path("startsAt").asText()).toInstant();
        // An item that names a file and no title of its own is shown with the file's title.
        Map<String, String> fileTitles = new HashMap<>();
        record.read(0, "/api/files").path("items")
                .forEach(f -> fileTitles.put(f.path("fileId").asText(), f.path("title").asText()));
        List<String> order = new ArrayList<>();
        m.path("draftAgenda").forEach(i -> order.add(i.path("itemId").asText()));
        List<Item> draft = new ArrayList<>();
        int place = 0;
        for (JsonNode i : m.path("draftAgenda")) {
            draft.add(new Item(i.path("itemId").asText(), text(i, "fileNumber"), title(i, fileTitles),
                    i.path("consent").asBoolean(), moved(order, place, -1), moved(order, place, +1)));
            place++;
        }
        List<Version> versions = new ArrayList<>();
        for (JsonNode v : m.path("agendaVersions")) {
            List<Published> items = new ArrayList<>();
            v.path("items").forEach(i -> items.add(new Published(i.path("number").asInt(), text(i, "fileNumber"),
                    title(i, fileTitles), i.path("consent").asBoolean())));
            versions.add(new Version(v.path("version").asInt(), when(Instant.parse(v.path("publishedAt").asText())),
                    items));
        }
        versions.sort(Comparator.comparingInt(Version::version).reversed());
        String body = m.path("body").asText();
        return new Meeting(m.path("meetingId").asText(), bodies.getOrDefault(body, body), when(startsAt),
                LocalDateTime.ofInstant(startsAt, city).format(INPUT), m.path("location").asText(),
                m.path("status").asText(), text(m, "cancelReason"), draft, order, versions);
    }

    /** The meetings that could approve this one's minutes: any other that was not cancelled. */
    List<Choice> approvers(String meetingId) {
        Map<String, String> bodies = names(record.read(0, "/api/bodies"), "bodyId");
        List<Choice> choices = new ArrayList<>();
        for (JsonNode m : record.read(0, "/api/meetings").path("items")) {
            if (!m.path("meetingId").asText().equals(meetingId) && !m.path("status").asText().equals("CANCELLED")) {
                choices.add(new Choice(m.path("meetingId").asText(), label(m, bodies)));
            }
        }
        return choices;
    }

    Minutes minutes(String meetingId, long after) {
        JsonNode m = record.read(after, "/api/meetings/{id}/minutes.json", meetingId);
        JsonNode a = m.path("approval");
        Approval approval = null;
        if (a.isObject()) {
            String approver = a.path("approvingMeetingId").asText();
            approval = new Approval(approver, label(record.read(0, "/api/meetings/{id}", approver),
                    names(record.read(0, "/api/bodies"), "bodyId")), a.path("motionId").asText(),
                    when(Instant.parse(a.path("approvedAt").asText())));
        }
        return new Minutes(m.path("status").asText(), m.path("text").asText(), m.path("sha256").asText(), approval);
    }

    /** The passed ADOPT motions on plain (file-less) items of {@code meetingId}, oldest first. */
    List<Motion> adoptedMotions(String meetingId) {
        JsonNode meeting = record.read(0, "/api/meetings/{id}", meetingId);
        Map<String, String> items = new HashMap<>();
        meeting.path("draftAgenda").forEach(i -> items.put(i.path("itemId").asText(), text(i, "title")));
        meeting.path("agendaVersions").forEach(v -> v.path("items")
                .forEach(i -> items.putIfAbsent(i.path("itemId").asText(), text(i, "title"))));
        Map<String, String> people = names(record.read(0, "/api/people"), "personId");
        List<Motion> motions = new ArrayList<>();
        for (JsonNode m : record.read(0, "/api/meetings/{id}/motions", meetingId).path("items")) {
            if (m.path("kind").asText().equals("ADOPT") && text(m, "fileId") == null
                    && m.path("vote").path("result").asText().equals("PASSED")) {
                String item = m.path("itemId").asText();
                String mover = m.path("mover").asText();
                motions.add(new Motion(m.path("motionId").asText(), items.getOrDefault(item, item),
                        people.getOrDefault(mover, mover), when(Instant.parse(m.path("madeAt").asText()))));
            }
        }
        return motions;
    }

    /** An instant on the city's wall clock, in the words of the clerk's language. */
    String when(Instant instant) {
        String pattern = messages.getMessage("console.meetings.dateTime", null, LocaleContextHolder.getLocale());
        return DateTimeFormatter.ofPattern(pattern, LocaleContextHolder.getLocale()).format(instant.atZone(city));
    }

    private String label(JsonNode meeting, Map<String, String> bodies) {
        String body = meeting.path("body").asText();
        return bodies.getOrDefault(body, body) + " · "
                + when(OffsetDateTime.parse(meeting.path("startsAt").asText()).toInstant());
    }

    private static List<String> moved(List<String> order, int place, int by) {
        int to = place + by;
        if (to < 0 || to >= order.size()) {
            return List.of();
        }
        List<String> moved = new ArrayList<>(order);
        moved.set(to, order.get(place));
        moved.set(place, order.get(to));
        return moved;
    }

    private static Map<String, String> names(JsonNode list, String idField) {
        Map<String, String> names = new HashMap<>();
        list.path("items").forEach(i -> names.put(i.path(idField).asText(), i.path("name").asText()));
        return names;
    }

    private static String title(JsonNode item, Map<String, String> fileTitles) {
        String own = text(item, "title");
        return own != null ? own : fileTitles.get(item.path("fileId").asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
