package org.civicledger.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.AmendmentRejected;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActionCorrected;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileReopened;
import org.civicledger.events.meeting.AgendaItemAdded;
import org.civicledger.events.meeting.AgendaItemRemoved;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.AgendaReordered;
import org.civicledger.events.meeting.MeetingAdjourned;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingCancelled;
import org.civicledger.events.meeting.MeetingRescheduled;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MemberArrived;
import org.civicledger.events.meeting.MemberDeparted;
import org.civicledger.events.meeting.MinutesApproved;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.RollCallTaken;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.VoteThresholdSet;

/** The published event types by their wire name (the record's simple name). */
public final class EventTypes {

    private static final List<Class<? extends CivicEvent>> ALL = List.of(
            PersonRegistered.class, BodyCreated.class, SeatAssigned.class, QuorumRuleSet.class,
            VoteThresholdSet.class,
            FileIntroduced.class, CosponsorAdded.class, CosponsorWithdrawn.class, FileReferred.class,
            MeetingScheduled.class, MeetingRescheduled.class, MeetingCancelled.class,
            AgendaItemAdded.class, AgendaItemRemoved.class, AgendaReordered.class, AgendaPublished.class,
            MeetingCalledToOrder.class, RollCallTaken.class, MemberArrived.class, MemberDeparted.class,
            MeetingAdjourned.class, MotionMade.class, VoteRecorded.class, FileActedOn.class,
            AmendmentProposed.class, AmendmentAdopted.class, AmendmentRejected.class, VoteCorrected.class,
            FileActionCorrected.class, MinutesApproved.class, FileReopened.class);

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
