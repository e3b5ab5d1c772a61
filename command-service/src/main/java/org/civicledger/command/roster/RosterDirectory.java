package org.civicledger.command.roster;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.PersonRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's lookup of registered people and bodies. A subscribing processor fills it in the same
 * transaction that stores the event, so a rule that asks it never sees a half-recorded roster.
 */
@Component
@ProcessingGroup(RosterDirectory.GROUP)
public class RosterDirectory implements Roster {

    public static final String GROUP = "roster-directory";

    private final JdbcTemplate jdbc;

    public RosterDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(PersonRegistered event) {
        insert("PERSON", event.personId());
    }

    @EventHandler
    @DisallowReplay
    void on(BodyCreated event) {
        insert("BODY", event.bodyId());
    }

    private void insert(String kind, String id) {
        jdbc.update("INSERT INTO roster_entry (kind, id) VALUES (?, ?)", kind, id);
    }

    @Override
    public boolean isPersonRegistered(String personId) {
        return exists("PERSON", personId);
    }

    @Override
    public boolean isBodyCreated(String bodyId) {
        return exists("BODY", bodyId);
    }

    private boolean exists(String kind, String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM roster_entry WHERE kind = ? AND id = ?)", Boolean.class, kind, id));
    }
}
