package org.civicledger.query.minutes;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civicledger.query.minutes.Minutes.Person;

/**
 * How the minutes name people. Alders are "Ald. Palm" in motions and "Palm" in a vote's roll, everyone else by
 * full name; two alders sharing a last name are both given their full names, so no line is ambiguous. Lists of
 * names are sorted by last name with a locale-free comparison, so the same facts always give the same text.
 */
final class MemberNames {

    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

    private final Map<String, Person> people;
    private final Map<String, Integer> lastNameCounts = new HashMap<>();

    MemberNames(Map<String, Person> people) {
        this.people = people;
        people.values().stream().filter(Person::alder)
                .forEach(p -> lastNameCounts.merge(key(lastName(full(p))), 1, Integer::sum));
    }

    /** "Ald. Palm" for an alder, else the full name: how a mover or seconder is named. */
    String inMotion(String personId) {
        return isAlder(personId) ? "Ald. " + shortName(personId) : full(personId);
    }

    /** "Ald. David Ahrens" for an alder, else the full name: how an arrival or departure is named. */
    String titled(String personId) {
        return isAlder(personId) ? "Ald. " + full(personId) : full(personId);
    }

    /** "Palm" for an alder, else the full name: how a voter is named in a roll. */
    String inRoll(String personId) {
        return isAlder(personId) ? shortName(personId) : full(personId);
    }

    String full(String personId) {
        Person person = people.get(personId);
        // A person the roster does not know yet is still named, by id, rather than left out.
        return person == null ? personId : full(person);
    }

    /** The ids sorted by last name, then full name, then id. */
    List<String> sorted(Collection<String> personIds) {
        return personIds.stream().sorted(Comparator.comparing((String id) -> key(lastName(full(id))))
                .thenComparing(id -> key(full(id))).thenComparing(Comparator.naturalOrder())).toList();
    }

    /** The last word of a name, passing over a generational suffix: "Martin Luther King Jr." is "King". */
    static String lastName(String fullName) {
        List<String> words = Arrays.stream(fullName.trim().split("\\s+"))
                .map(w -> w.endsWith(",") ? w.substring(0, w.length() - 1) : w).filter(w -> !w.isEmpty()).toList();
        int last = words.size() - 1;
        while (last > 0 && SUFFIXES.contains(key(words.get(last)))) {
            last--;
        }
        return last < 0 ? fullName : words.get(last);
    }

    private boolean isAlder(String personId) {
        Person person = people.get(personId);
        return person != null && person.alder();
    }

    private String shortName(String personId) {
        String full = full(personId);
        String last = lastName(full);
        return lastNameCounts.getOrDefault(key(last), 0) > 1 ? full : last;
    }

    private static String full(Person person) {
        return MinutesComposer.clean(person.name());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
