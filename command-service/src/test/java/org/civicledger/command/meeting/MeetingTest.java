package org.civicledger.command.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.civicledger.command.file.KnownFiles;
import org.civicledger.command.ledger.Refused;
import org.civicledger.command.meeting.MeetingCommands.AddAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.AdjournMeeting;
import org.civicledger.command.meeting.MeetingCommands.CallToOrder;
import org.civicledger.command.meeting.MeetingCommands.CancelMeeting;
import org.civicledger.command.meeting.MeetingCommands.PublishAgenda;
import org.civicledger.command.meeting.MeetingCommands.RecordArrival;
import org.civicledger.command.meeting.MeetingCommands.RecordDeparture;
import org.civicledger.command.meeting.MeetingCommands.RemoveAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.ReorderAgenda;
import org.civicledger.command.meeting.MeetingCommands.RescheduleMeeting;
import org.civicledger.command.meeting.MeetingCommands.ScheduleMeeting;
import org.civicledger.command.meeting.MeetingCommands.TakeRollCall;
import org.civicledger.command.roster.KnownRoster;
import org.civicledger.events.Sha256;
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
import org.civicledger.events.meeting.RollCallTaken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingTest {

    private static final String M = "7d3c2a10-0b1e-4c55-9a57-1f2e3d4c5b6a";
    private static final String FILE = "5c1f6a3e-6d53-4a8e-9d6b-1f0e2d3c4b5a";
    private static final OffsetDateTime FEB_7 = OffsetDateTime.parse("2017-02-07T18:30:00-06:00");
    private static final Instant AT = Instant.parse("2017-02-08T00:30:00Z");
    private static final String CCB = "City County Building, 210 Martin Luther King Jr. Boulevard";
    private static final MeetingScheduled SCHEDULED =
            new MeetingScheduled(M, "common-council", FEB_7, "America/Chicago", CCB, AT);
    private static final AgendaItemAdded RESOLUTION_ITEM = new AgendaItemAdded(M, "i1", FILE, null, false, AT);
    private static final AgendaItemAdded ROLL_CALL_ITEM = new AgendaItemAdded(M, "i0", null, "Roll call", false, AT);
    private static final MeetingCalledToOrder CALLED = new MeetingCalledToOrder(M, AT);
    private static final RollCallTaken ROLL = new RollCallTaken(M, List.of("shiva-bidar", "larry-palm"),
            List.of("tim-gruber"), List.of(), AT);

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(new KnownRoster(Set.of("shiva-bidar", "larry-palm", "tim-gruber"),
                Set.of("common-council")));
        fixture.registerInjectableResource(KnownFiles.of(FILE, "shiva-bidar"));
    }

    @Test
    void givenNothing_whenScheduleForRegisteredBody_thenMeetingScheduled() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(M, "common-council", FEB_7, "America/Chicago", CCB, AT))
                .expectEvents(SCHEDULED);
    }

    @Test
    void givenNothing_whenScheduleForUnknownBody_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(M, "no-such-body", FEB_7, "America/Chicago", CCB, AT))
                .expectException(Refused.by("body-not-registered")).expectNoEvents();
    }

    @Test
    void givenScheduled_whenRescheduled_thenMeetingRescheduled() {
        fixture.given(SCHEDULED).when(new RescheduleMeeting(M, FEB_7.plusDays(7), CCB, AT))
                .expectEvents(new MeetingRescheduled(M, FEB_7.plusDays(7), CCB, AT));
    }

    @Test
    void givenCalledToOrder_whenRescheduled_thenRefused() {
        fixture.given(SCHEDULED, CALLED).when(new RescheduleMeeting(M, FEB_7.plusDays(7), CCB, AT))
                .expectException(Refused.by("meeting-in-progress")).expectNoEvents();
    }

    @Test
    void givenScheduled_whenCancelled_thenMeetingCancelledWithReason() {
        fixture.given(SCHEDULED).when(new CancelMeeting(M, "Snow emergency", AT))
                .expectEvents(new MeetingCancelled(M, "Snow emergency", AT));
    }

    @Test
    void givenCancelled_whenAgendaChanged_thenRefusedAsCancelled() {
        fixture.given(SCHEDULED, new MeetingCancelled(M, "Snow emergency", AT))
                .when(new AddAgendaItem(M, "i9", null, "Public comment", false, AT))
                .expectException(Refused.by("meeting-cancelled")).expectNoEvents();
    }

    @Test
    void givenCancelled_whenCalledToOrder_thenRefusedAsCancelled() {
        fixture.given(SCHEDULED, new MeetingCancelled(M, "Snow emergency", AT))
                .when(new CallToOrder(M, AT))
                .expectException(Refused.by("meeting-cancelled")).expectNoEvents();
    }

    @Test
    void givenScheduled_whenItemHasNeitherFileNorTitle_thenRefused() {
        fixture.given(SCHEDULED).when(new AddAgendaItem(M, "i9", null, null, false, AT))
                .expectException(Refused.by("agenda-item-needs-file-or-title"))
                .expectNoEvents();
    }

    @Test
    void givenScheduled_whenItemNamesUnknownFile_thenRefused() {
        fixture.given(SCHEDULED).when(new AddAgendaItem(M, "i9", "no-such-file", null, false, AT))
                .expectException(Refused.by("file-not-registered")).expectNoEvents();
    }

    @Test
    void givenFileOnAgenda_whenAddedAgain_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION_ITEM).when(new AddAgendaItem(M, "i9", FILE, null, true, AT))
                .expectException(Refused.by("file-already-on-agenda")).expectNoEvents();
    }

    @Test
    void givenItems_whenUnknownItemRemoved_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION_ITEM).when(new RemoveAgendaItem(M, "nope", AT))
                .expectException(Refused.by("agenda-item-not-found")).expectNoEvents();
    }

    @Test
    void givenItems_whenReorderedCompletely_thenAgendaReordered() {
        fixture.given(SCHEDULED, RESOLUTION_ITEM, ROLL_CALL_ITEM)
                .when(new ReorderAgenda(M, List.of("i0", "i1"), AT))
                .expectEvents(new AgendaReordered(M, List.of("i0", "i1"), AT));
    }

    @Test
    void givenItems_whenReorderLeavesOneOut_thenRefused() {
        fixture.given(SCHEDULED, RESOLUTION_ITEM, ROLL_CALL_ITEM).when(new ReorderAgenda(M, List.of("i0"), AT))
                .expectException(Refused.by("agenda-order-mismatch"))
                .expectNoEvents();
    }

    @Test
    void givenEmptyAgenda_whenPublished_thenRefused() {
        fixture.given(SCHEDULED).when(new PublishAgenda(M, AT))
                .expectException(Refused.by("agenda-empty")).expectNoEvents();
    }

    @Test
    void givenItems_whenPublished_thenVersionOneNumberedInOrder() {
        fixture.given(SCHEDULED, ROLL_CALL_ITEM, RESOLUTION_ITEM).when(new PublishAgenda(M, AT))
                .expectEvents(new AgendaPublished(M, 1, List.of(
                        new AgendaPublished.Item(1, "i0", null, "Roll call", false),
                        new AgendaPublished.Item(2, "i1", FILE, null, false)), AT))
                .expectResultMessagePayload(1);
    }

    @Test
    void givenPublished_whenPublishedAgainUnchanged_thenRefused() {
        fixture.given(SCHEDULED, ROLL_CALL_ITEM, new AgendaPublished(M, 1,
                        List.of(new AgendaPublished.Item(1, "i0", null, "Roll call", false)), AT))
                .when(new PublishAgenda(M, AT))
                .expectException(Refused.by("agenda-unchanged"))
                .expectNoEvents();
    }

    @Test
    void givenPublishedThenChanged_whenPublished_thenAmendedAgendaVersionTwo() {
        fixture.given(SCHEDULED, ROLL_CALL_ITEM, new AgendaPublished(M, 1,
                        List.of(new AgendaPublished.Item(1, "i0", null, "Roll call", false)), AT),
                        new AgendaItemRemoved(M, "i0", AT), RESOLUTION_ITEM)
                .when(new PublishAgenda(M, AT))
                .expectEvents(new AgendaPublished(M, 2, List.of(new AgendaPublished.Item(1, "i1", FILE, null, false)),
                        AT));
    }

    @Test
    void givenCalledToOrder_whenCalledAgain_thenRefused() {
        fixture.given(SCHEDULED, CALLED).when(new CallToOrder(M, AT))
                .expectException(Refused.by("meeting-in-progress")).expectNoEvents();
    }

    @Test
    void givenScheduledAndItsStartHasCome_whenRollCalled_thenCalledToOrderAtTheRollCallThenRollCallTaken() {
        Instant rollCall = AT.plusSeconds(120);
        fixture.given(SCHEDULED)
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm"), List.of("tim-gruber"), List.of(),
                        rollCall))
                .expectEvents(new MeetingCalledToOrder(M, rollCall), new RollCallTaken(M,
                        List.of("shiva-bidar", "larry-palm"), List.of("tim-gruber"), List.of(), rollCall));
    }

    @Test
    void givenScheduled_whenRollCalledAtTheScheduledStartExactly_thenCalledToOrder() {
        fixture.given(SCHEDULED)
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm"), List.of("tim-gruber"), List.of(), AT))
                .expectEvents(new MeetingCalledToOrder(M, AT), ROLL);
    }

    @Test
    void givenScheduled_whenRollCalledBeforeTheScheduledStart_thenRefusedUntilCalledToOrder() {
        fixture.given(SCHEDULED).when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm", "tim-gruber"),
                        List.of(), List.of(), AT.minusSeconds(60)))
                .expectException(Refused.by("meeting-not-in-progress"))
                .expectNoEvents();
    }

    @Test
    void givenCalledToOrderEarly_whenRollCalledBeforeTheScheduledStart_thenRollCallTaken() {
        Instant early = AT.minusSeconds(600);
        fixture.given(SCHEDULED, new MeetingCalledToOrder(M, early))
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm"), List.of("tim-gruber"), List.of(),
                        early))
                .expectEvents(new RollCallTaken(M, List.of("shiva-bidar", "larry-palm"), List.of("tim-gruber"),
                        List.of(), early));
    }

    @Test
    void givenRescheduledAWeekLater_whenRollCalledAtTheOriginalStart_thenRefused() {
        fixture.given(SCHEDULED, new MeetingRescheduled(M, FEB_7.plusDays(7), CCB, AT))
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm", "tim-gruber"), List.of(), List.of(),
                        AT))
                .expectException(Refused.by("meeting-not-in-progress"))
                .expectNoEvents();
    }

    @Test
    void givenScheduledAndItsStartHasCome_whenRollCallIncomplete_thenRefusedAndNotCalledToOrder() {
        fixture.given(SCHEDULED)
                .when(new TakeRollCall(M, List.of("shiva-bidar"), List.of(), List.of("larry-palm"), AT))
                .expectException(Refused.by("roll-call-incomplete")).expectNoEvents();
    }

    @Test
    void givenCancelled_whenRollCalledAfterTheStart_thenRefusedAsCancelled() {
        fixture.given(SCHEDULED, new MeetingCancelled(M, "Snow emergency", AT))
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm", "tim-gruber"), List.of(), List.of(),
                        AT.plusSeconds(60)))
                .expectException(Refused.by("meeting-cancelled")).expectNoEvents();
    }

    @Test
    void givenAdjournedWithoutARollCall_whenRollCalled_thenRefusedAsAdjourned() {
        fixture.given(SCHEDULED, CALLED, new MeetingAdjourned(M, AT))
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm", "tim-gruber"), List.of(), List.of(),
                        AT.plusSeconds(60)))
                .expectException(Refused.by("meeting-adjourned")).expectNoEvents();
    }

    @Test
    void givenInProgress_whenEverySeatedMemberListedOnce_thenRollCallTaken() {
        fixture.given(SCHEDULED, CALLED)
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm"), List.of("tim-gruber"), List.of(), AT))
                .expectEvents(ROLL);
    }

    @Test
    void givenInProgress_whenRollCallMissesAMember_thenRefused() {
        fixture.given(SCHEDULED, CALLED)
                .when(new TakeRollCall(M, List.of("shiva-bidar"), List.of(), List.of("larry-palm"), AT))
                .expectException(Refused.by("roll-call-incomplete")).expectNoEvents();
    }

    @Test
    void givenInProgress_whenRollCallNamesSomeoneNotSeated_thenRefused() {
        fixture.given(SCHEDULED, CALLED)
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm", "tim-gruber", "paul-soglin"),
                        List.of(), List.of(), AT))
                .expectException(Refused.by("not-seated"))
                .expectNoEvents();
    }

    @Test
    void givenInProgress_whenRollCallListsSomeoneTwice_thenRefused() {
        fixture.given(SCHEDULED, CALLED)
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm"), List.of("tim-gruber", "larry-palm"),
                        List.of(), AT))
                .expectException(Refused.by("person-listed-twice")).expectNoEvents();
    }

    @Test
    void givenRollCalled_whenRollCalledAgain_thenRefused() {
        fixture.given(SCHEDULED, CALLED, ROLL)
                .when(new TakeRollCall(M, List.of("shiva-bidar", "larry-palm", "tim-gruber"), List.of(), List.of(),
                        AT))
                .expectException(Refused.by("roll-call-already-taken"))
                .expectNoEvents();
    }

    @Test
    void givenInProgressWithoutRoll_whenArrival_thenRefused() {
        fixture.given(SCHEDULED, CALLED).when(new RecordArrival(M, "tim-gruber", AT))
                .expectException(Refused.by("roll-call-not-taken")).expectNoEvents();
    }

    @Test
    void givenAbsentMember_whenArrives_thenMemberArrived() {
        fixture.given(SCHEDULED, CALLED, ROLL).when(new RecordArrival(M, "tim-gruber", AT))
                .expectEvents(new MemberArrived(M, "tim-gruber", AT));
    }

    @Test
    void givenPresentMember_whenArrivesAgain_thenRefused() {
        fixture.given(SCHEDULED, CALLED, ROLL).when(new RecordArrival(M, "shiva-bidar", AT))
                .expectException(Refused.by("already-present")).expectNoEvents();
    }

    @Test
    void givenRollCalled_whenSomeoneNotSeatedArrives_thenRefused() {
        fixture.given(SCHEDULED, CALLED, ROLL).when(new RecordArrival(M, "paul-soglin", AT))
                .expectException(Refused.by("not-seated"))
                .expectNoEvents();
    }

    @Test
    void givenPresentMember_whenDeparts_thenMemberDeparted() {
        fixture.given(SCHEDULED, CALLED, ROLL).when(new RecordDeparture(M, "larry-palm", AT))
                .expectEvents(new MemberDeparted(M, "larry-palm", AT));
    }

    @Test
    void givenAbsentMember_whenDeparts_thenRefused() {
        fixture.given(SCHEDULED, CALLED, ROLL).when(new RecordDeparture(M, "tim-gruber", AT))
                .expectException(Refused.by("not-present")).expectNoEvents();
    }

    @Test
    void givenInProgress_whenAdjourned_thenMeetingAdjourned() {
        fixture.given(SCHEDULED, CALLED, ROLL).when(new AdjournMeeting(M, AT))
                .expectEvents(new MeetingAdjourned(M, AT));
    }

    @Test
    void givenScheduled_whenAdjournedWithoutBeingHeld_thenRefused() {
        fixture.given(SCHEDULED).when(new AdjournMeeting(M, AT))
                .expectException(Refused.by("meeting-not-in-progress")).expectNoEvents();
    }

    @Test
    void givenAdjourned_whenArrival_thenRefusedAsAdjourned() {
        fixture.given(SCHEDULED, CALLED, ROLL, new MeetingAdjourned(M, AT))
                .when(new RecordArrival(M, "tim-gruber", AT))
                .expectException(Refused.by("meeting-adjourned")).expectNoEvents();
    }

    @Test
    void givenAdjourned_whenAgendaChanged_thenRefusedAsAdjourned() {
        fixture.given(SCHEDULED, CALLED, ROLL, new MeetingAdjourned(M, AT))
                .when(new AddAgendaItem(M, "i9", null, "Late item", false, AT))
                .expectException(Refused.by("meeting-adjourned")).expectNoEvents();
    }

    private static final String MINUTES = "MINUTES\nThe meeting adjourned at 10:25 PM.\n";
    private static final String MINUTES_SHA = Sha256.hex(MINUTES);

    private void approvingMotion(String meeting, String motion) {
        Motions decided = (m, id) -> m.equals(meeting) && id.equals(motion);
        fixture.registerAnnotatedCommandHandler(new MinutesApproval(fixture::getRepository, decided));
    }

    @Test
    void givenAdjourned_whenMinutesApprovedByAPassedMotionElsewhere_thenTextAndHashFrozen() {
        approvingMotion("later-meeting", "approve");
        fixture.given(SCHEDULED, CALLED, ROLL, new MeetingAdjourned(M, AT))
                .when(new MeetingCommands.ApproveMinutes(M, MINUTES, MINUTES_SHA, "later-meeting", "approve", AT))
                .expectEvents(new MinutesApproved(M, MINUTES, MINUTES_SHA, "later-meeting", "approve", AT));
    }

    @Test
    void givenAdjourned_whenHashDoesNotMatchText_thenRefused() {
        approvingMotion("later-meeting", "approve");
        fixture.given(SCHEDULED, CALLED, ROLL, new MeetingAdjourned(M, AT))
                .when(new MeetingCommands.ApproveMinutes(M, MINUTES + "edited", MINUTES_SHA, "later-meeting",
                        "approve", AT))
                .expectException(Refused.by("minutes-hash-mismatch")).expectNoEvents();
    }

    @Test
    void givenAdjourned_whenMotionDidNotPass_thenRefused() {
        approvingMotion("later-meeting", "approve");
        fixture.given(SCHEDULED, CALLED, ROLL, new MeetingAdjourned(M, AT))
                .when(new MeetingCommands.ApproveMinutes(M, MINUTES, MINUTES_SHA, "later-meeting", "other", AT))
                .expectException(org.civicledger.command.ledger.RuleViolation.class).expectNoEvents();
    }

    @Test
    void givenInProgress_whenMinutesApproved_thenRefused() {
        approvingMotion("later-meeting", "approve");
        fixture.given(SCHEDULED, CALLED)
                .when(new MeetingCommands.ApproveMinutes(M, MINUTES, MINUTES_SHA, "later-meeting", "approve", AT))
                .expectException(Refused.by("meeting-in-progress")).expectNoEvents();
    }

    @Test
    void givenApproved_whenApprovedAgain_thenRefused() {
        approvingMotion("later-meeting", "approve");
        fixture.given(SCHEDULED, CALLED, ROLL, new MeetingAdjourned(M, AT),
                        new MinutesApproved(M, MINUTES, MINUTES_SHA, "later-meeting", "approve", AT))
                .when(new MeetingCommands.ApproveMinutes(M, MINUTES, MINUTES_SHA, "later-meeting", "approve", AT))
                .expectException(Refused.by("minutes-already-approved"))
                .expectNoEvents();
    }
}
