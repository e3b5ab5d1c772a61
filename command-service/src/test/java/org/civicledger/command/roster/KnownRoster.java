package org.civicledger.command.roster;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.civicledger.events.roster.QuorumRule;

/** The roster lookup as aggregate tests need it: a fixed set of people and bodies. */
public record KnownRoster(Set<String> people, Set<String> bodies, BodyRules rules) implements Roster {

    public KnownRoster(Set<String> people, Set<String> bodies) {
        this(people, bodies, new BodyRules(people.size(), QuorumRule.MAJORITY_SEATS, Map.of()));
    }

    public static KnownRoster withPeople(String... people) {
        return new KnownRoster(Set.of(people), Set.of());
    }

    @Override
    public boolean isPersonRegistered(String personId) {
        return people.contains(personId);
    }

    @Override
    public boolean isBodyCreated(String bodyId) {
        return bodies.contains(bodyId);
    }

    @Override
    public BodyRules rulesOf(String bodyId) {
        return rules;
    }

    /** Every known person sits on every known body, whatever the date. */
    @Override
    public Set<String> seatedOn(String bodyId, LocalDate date) {
        return bodies.contains(bodyId) ? people : Set.of();
    }
}
