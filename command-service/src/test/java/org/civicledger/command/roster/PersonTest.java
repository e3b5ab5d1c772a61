package org.civicledger.command.roster;

import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.command.ledger.Refused;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.events.roster.PersonRegistered;
import org.junit.jupiter.api.Test;

class PersonTest {

    private static final Instant AT = Instant.parse("2017-01-20T12:00:00Z");

    @Test
    void givenNobody_whenRegisterPerson_thenPersonRegistered() {
        var fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(KnownRoster.withPeople());
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("shiva-bidar", "Shiva Bidar", AT))
                .expectEvents(new PersonRegistered("shiva-bidar", "Shiva Bidar", AT));
    }

    @Test
    void givenPersonRegistered_whenRegisteredAgain_thenRefusedAsAlreadyRegistered() {
        var fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(new KnownRoster(Set.of("shiva-bidar"), Set.of()));
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("shiva-bidar", "Shiva Bidar", AT))
                .expectException(RuleViolation.class)
                .expectException(Refused.by("person-already-registered"))
                .expectNoEvents();
    }
}
