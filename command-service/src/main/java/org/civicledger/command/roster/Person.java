package org.civicledger.command.roster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.events.roster.PersonRegistered;

@Aggregate
public class Person {

    @AggregateIdentifier
    private PersonId id;

    protected Person() {
    }

    @CommandHandler
    public Person(RegisterPerson command, Roster roster) {
        if (roster.isPersonRegistered(command.personId())) {
            throw RuleViolation.conflict("person-already-registered",
                    "A person with id '" + command.personId() + "' is already registered.");
        }
        apply(new PersonRegistered(command.personId(), command.name(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        id = new PersonId(event.personId());
    }
}
