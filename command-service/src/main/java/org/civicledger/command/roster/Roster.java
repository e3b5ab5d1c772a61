package org.civicledger.command.roster;

/** Who and what is registered, for rules that span aggregates ("people must be registered"). */
public interface Roster {

    boolean isPersonRegistered(String personId);

    boolean isBodyCreated(String bodyId);
}
