package org.civicledger.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.SeatAssigned;

/** The published event types by their wire name (the record's simple name). */
public final class EventTypes {

    private static final List<Class<? extends CivicEvent>> ALL = List.of(
            PersonRegistered.class, BodyCreated.class, SeatAssigned.class,
            FileIntroduced.class, CosponsorAdded.class, CosponsorWithdrawn.class);

    private static final Map<String, Class<? extends CivicEvent>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static List<Class<? extends CivicEvent>> all() {
        return ALL;
    }

    /** Empty for a type this build does not know, e.g. one published by a newer command-service. */
    public static Optional<Class<? extends CivicEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }
}
