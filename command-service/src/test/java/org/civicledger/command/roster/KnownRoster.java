package org.civicledger.command.roster;

import java.time.LocalDate;
import java.util.Set;

/** The roster lookup as aggregate tests need it: a fixed set of people and bodies. */
public record KnownRoster(Set<String> people, Set<String> bodies) implements Roster {

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

    /** Every known person sits on every known body, whatever the date. */
    @Override
    public Set<String> seatedOn(String bodyId, LocalDate date) {
        return bodies.contains(bodyId) ? people : Set.of();
    }
}
