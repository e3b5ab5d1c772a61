package org.civicledger.command.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.VoteThreshold;

/**
 * The live meeting screen's state, read from the public record: the members seated that day and where each is, the
 * quorum, the agenda with the current item, the motion on the floor, and the motions that fit the current item.
 * Everything the screen offers comes from here, so it never offers what the record would refuse for its state.
 */
public record LiveMeetingView(JsonNode meeting, String bodyName, List<Member> members, JsonNode quorum,
                              List<Item> items, Item current, List<Motion> motions, Motion onTheFloor,
                              List<MotionKind> kinds, List<JsonNode> pendingAmendments, List<JsonNode> bodies,
                              Map<String, String> names, List<Integer> needed, String threshold) {

    /** A seated member: {@code status} PRESENT, ABSENT, EXCUSED or DEPARTED, null before the roll call. */
    public record Member(String person, String name, String status) {
        public boolean present() {
            return "PRESENT".equals(status);
        }
    }

    public record Item(int number, String itemId, String fileId, String fileNumber, String title, boolean consent,
                boolean tabled, boolean decided) {
    }

    public record Motion(JsonNode json, String motionId, String itemId, String kind, String mover, String seconder,
                  JsonNode vote) {
        public boolean pending() {
            return vote == null || vote.isNull();
        }

        public boolean passed() {
            return !pending() && "PASSED".equals(vote.path("result").asText());
        }

        public boolean rollCall() {
            return !pending() && vote.path("tally").isObject();
        }

        /** The vote record a correction replaces: the latest correction, else the vote as recorded. */
        public String currentRecord() {
            JsonNode corrections = vote.path("corrections");
            return corrections.isArray() && !corrections.isEmpty()
                    ? corrections.get(corrections.size() - 1).path("eventId").asText()
                    : vote.path("eventId").asText();
        }
    }

    /** Motions that decide an item: once one passes, only reconsideration is left. */
    private static final Set<MotionKind> FINAL = EnumSet.of(MotionKind.ADOPT, MotionKind.ADOPT_UNDER_SUSPENSION,
            MotionKind.REFER, MotionKind.PLACE_ON_FILE, MotionKind.WITHDRAW);

    static LiveMeetingView of(PublicRecord record, long after, String meetingId, String wantedItem, ZoneId city) {
        JsonNode meeting = record.read(after, "/api/meetings/{id}", meetingId);
        String bodyId = meeting.path("body").asText();
        JsonNode body = record.read(after, "/api/bodies/{id}", bodyId);
        Map<String, String> names = new HashMap<>();
        record.read(after, "/api/people").path("items")
                .forEach(p -> names.put(p.path("personId").asText(), p.path("name").asText()));
        List<Motion> motions = new ArrayList<>();
        record.read(after, "/api/meetings/{id}/motions", meetingId).path("items")
                .forEach(m -> motions.add(new Motion(m, m.path("motionId").asText(), m.path("itemId").asText(),
                        m.path("kind").asText(), m.path("mover").asText(), m.path("seconder").asText(),
                        m.get("vote"))));
        List<Member> members = seated(meeting, body, names, city);
        List<Item> items = items(meeting, motions);
        Motion floor = motions.stream().filter(Motion::pending).findFirst().orElse(null);
        Item current = current(items, floor, wantedItem);
        JsonNode file = current == null || current.fileId() == null ? null
                : record.read(after, "/api/files/{id}", current.fileId());
        List<JsonNode> pending = new ArrayList<>();
        if (file != null) {
            file.path("amendments").forEach(a -> {
                if ("PENDING".equals(a.path("status").asText())) {
                    pending.add(a);
                }
            });
        }
        List<JsonNode> bodies = new ArrayList<>();
        record.read(after, "/api/bodies").path("items").forEach(bodies::add);
        String threshold = floor == null ? null : body.path("thresholds").path(floor.kind())
                .asText(VoteThreshold.MAJORITY_CAST.name());
        return new LiveMeetingView(meeting, body.path("name").asText(bodyId), members, meeting.path("quorum"),
                items, current, motions, floor, kinds(current, file, motions, members, bodies, pending), pending,
                bodies, names, needed(threshold, meeting.path("quorum")), threshold);
    }

    /** Members seated on the meeting's date, in seat order, with where each is now. */
    private static List<Member> seated(JsonNode meeting, JsonNode body, Map<String, String> names, ZoneId city) {
        ZoneId zone = meeting.hasNonNull("timeZone") ? ZoneId.of(meeting.path("timeZone").asText()) : city;
        LocalDate day = OffsetDateTime.parse(meeting.path("startsAt").asText()).atZoneSameInstant(zone).toLocalDate();
        Map<String, String> status = new HashMap<>();
        meeting.path("attendance").path("members")
                .forEach(m -> status.put(m.path("person").asText(), m.path("status").asText()));
        Map<String, Member> members = new LinkedHashMap<>();
        for (JsonNode seat : body.path("members")) {
            LocalDate from = LocalDate.parse(seat.path("from").asText());
            LocalDate to = seat.hasNonNull("to") ? LocalDate.parse(seat.path("to").asText()) : null;
            String person = seat.path("person").asText();
            if (!from.isAfter(day) && (to == null || !to.isBefore(day))) {
                members.putIfAbsent(person, new Member(person, names.getOrDefault(person, person),
                        status.get(person)));
            }
        }
        return List.copyOf(members.values());
    }

    /** The latest published agenda (the draft before any), each item with whether it is tabled or decided. */
    private static List<Item> items(JsonNode meeting, List<Motion> motions) {
        JsonNode agenda = meeting.path("agenda").path("items");
        if (!agenda.isArray() || agenda.isEmpty()) {
            agenda = meeting.path("draftAgenda");
        }
        List<Item> items = new ArrayList<>();
        int n = 0;
        for (JsonNode item : agenda) {
            String itemId = item.path("itemId").asText();
            boolean tabled = false;
            boolean decided = false;
            for (Motion motion : motions) {
                if (motion.itemId().equals(itemId) && motion.passed()) {
                    switch (MotionKind.valueOf(motion.kind())) {
                        case TABLE -> tabled = true;
                        case TAKE_FROM_TABLE -> tabled = false;
                        case RECONSIDER -> decided = false;
                        default -> decided = decided || FINAL.contains(MotionKind.valueOf(motion.kind()));
                    }
                }
            }
            n++;
            items.add(new Item(item.path("number").asInt(n), itemId, text(item, "fileId"), text(item, "fileNumber"),
                    text(item, "title"), item.path("consent").asBoolean(), tabled, decided));
        }
        return items;
    }

    /** The item asked for, else the one with the motion on the floor, else the first not yet decided. */
    private static Item current(List<Item> items, Motion floor, String wanted) {
        String id = floor != null ? floor.itemId() : wanted;
        return items.stream().filter(i -> i.itemId().equals(id)).findFirst()
                .or(() -> items.stream().filter(i -> !i.decided()).findFirst())
                .orElse(items.isEmpty() ? null : items.get(0));
    }

    /** The motions that make sense for the item now; the record's rules still decide (and say why they refuse). */
    private static List<MotionKind> kinds(Item item, JsonNode file, List<Motion> motions, List<Member> members,
                                          List<JsonNode> bodies, List<JsonNode> pendingAmendments) {
        if (item == null) {
            return List.of();
        }
        if (item.tabled()) {
            return List.of(MotionKind.TAKE_FROM_TABLE);
        }
        boolean reconsiderable = motions.stream().anyMatch(m -> m.itemId().equals(item.itemId())
                && m.kind().equals("ADOPT") && m.rollCall());
        if (item.decided()) {
            return reconsiderable && file != null ? List.of(MotionKind.RECONSIDER) : List.of();
        }
        List<MotionKind> kinds = new ArrayList<>(List.of(MotionKind.ADOPT));
        if (file != null) {
            kinds.add(MotionKind.ADOPT_UNDER_SUSPENSION);
            if (!pendingAmendments.isEmpty()) {
                kinds.add(MotionKind.AMEND);
            }
            if (!bodies.isEmpty()) {
                kinds.add(MotionKind.REFER);
            }
            kinds.add(MotionKind.PLACE_ON_FILE);
            String sponsor = file.path("sponsor").asText();
            if (members.stream().anyMatch(m -> m.present() && m.person().equals(sponsor))) {
                kinds.add(MotionKind.WITHDRAW);
            }
        }
        kinds.add(MotionKind.TABLE);
        return kinds;
    }

    /** Ayes needed for each number of votes cast (0 to those present): the grid's tally has no rules of its own. */
    private static List<Integer> needed(String threshold, JsonNode quorum) {
        if (threshold == null) {
            return List.of();
        }
        VoteThreshold rule = VoteThreshold.valueOf(threshold);
        int present = quorum.path("present").asInt();
        int seats = quorum.path("seats").asInt();
        List<Integer> needed = new ArrayList<>();
        for (int cast = 0; cast <= present; cast++) {
            needed.add(rule.needed(cast, present, seats));
        }
        return needed;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    public List<Member> present() {
        return members.stream().filter(Member::present).toList();
    }

    public boolean rollCallTaken() {
        return members.stream().anyMatch(m -> m.status() != null);
    }

    public String status() {
        return meeting.path("status").asText();
    }

    /** Whether the motion form offers {@code kind} (the template asks by name). */
    public boolean offers(String kind) {
        return kinds.stream().anyMatch(k -> k.name().equals(kind));
    }

    public String name(String person) {
        return names.getOrDefault(person, person);
    }
}
