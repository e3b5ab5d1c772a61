package org.civicledger.command.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.events.roster.QuorumRule;

/** The public record's people and bodies (query-service's JSON) as the roster screens show them. */
final class RosterViews {

    private RosterViews() {
    }

    record Person(String id, String name) {
    }

    record BodySummary(String id, String name, String kind, int seats, String quorum) {

        static BodySummary of(JsonNode body) {
            return new BodySummary(body.path("bodyId").asText(), body.path("name").asText(),
                    body.path("kind").asText(), body.path("seats").asInt(), body.path("quorum").asText());
        }
    }

    /** A seat held for a term; {@code to} null while it has no end. */
    record Member(String personId, String name, String role, LocalDate from, LocalDate to, boolean current) {
    }

    record Body(BodySummary summary, int quorumRequired, List<Member> members, Map<String, String> thresholds) {
    }

    static List<Person> people(JsonNode list) {
        List<Person> people = new ArrayList<>();
        list.path("items").forEach(p -> people.add(new Person(p.path("personId").asText(), p.path("name").asText())));
        return people;
    }

    static List<BodySummary> bodies(JsonNode list) {
        List<BodySummary> bodies = new ArrayList<>();
        list.path("items").forEach(b -> bodies.add(BodySummary.of(b)));
        return bodies;
    }

    static Map<String, String> names(List<Person> people) {
        Map<String, String> names = new LinkedHashMap<>();
        people.forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    static Body body(JsonNode body, Map<String, String> names, LocalDate today) {
        BodySummary summary = BodySummary.of(body);
        List<Member> members = new ArrayList<>();
        body.path("members").forEach(m -> {
            String person = m.path("person").asText();
            LocalDate from = date(m.path("from"));
            LocalDate to = date(m.path("to"));
            members.add(new Member(person, names.getOrDefault(person, person), m.path("role").asText(), from, to,
                    !from.isAfter(today) && (to == null || !to.isBefore(today))));
        });
        Map<String, String> thresholds = new LinkedHashMap<>();
        body.path("thresholds").fields().forEachRemaining(t -> thresholds.put(t.getKey(), t.getValue().asText()));
        int required = QuorumRule.valueOf(summary.quorum()).required(summary.seats());
        return new Body(summary, required, members, thresholds);
    }

    /** A seat's date as the API writes it ("2015-04-21", or a timestamp at that day's start); null when absent. */
    private static LocalDate date(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong()).atZone(ZoneId.systemDefault()).toLocalDate();
        }
        return value.isTextual() ? LocalDate.parse(value.asText().substring(0, Math.min(10, value.asText().length())))
                : null;
    }
}
