package org.civicledger.command.roster;

/** A body's aggregate id in the event store: the slug, prefixed so it never collides with a person's slug. */
public record BodyId(String slug) {

    @Override
    public String toString() {
        return "body:" + slug;
    }
}
