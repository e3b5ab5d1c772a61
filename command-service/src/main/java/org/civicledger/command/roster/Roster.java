package org.civicledger.command.roster;

import java.time.LocalDate;
import java.util.Set;

/** Who and what is registered, for rules that span aggregates ("people must be registered"). */
public interface Roster {

    boolean isPersonRegistered(String personId);

    boolean isBodyCreated(String bodyId);

    /** Everyone holding a seat on the body on that date. */
    Set<String> seatedOn(String bodyId, LocalDate date);

    BodyRules rulesOf(String bodyId);
}
