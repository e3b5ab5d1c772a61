package org.civicledger.command.roster;

/** A person's aggregate id in the event store: the slug, prefixed so it never collides with a body's slug. */
public record PersonId(String slug) {

    @Override
    public String toString() {
        return "person:" + slug;
    }
}
