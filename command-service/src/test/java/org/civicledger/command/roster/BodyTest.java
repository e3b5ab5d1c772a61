package org.civicledger.command.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.civicledger.command.ledger.Refused;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.events.roster.VoteThresholdSet;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.SeatRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyTest {

    private static final Instant AT = Instant.parse("2017-01-20T12:00:00Z");
    private static final BodyId COUNCIL = new BodyId("common-council");
    private static final LocalDate TERM = LocalDate.parse("2015-04-21");
    private static final BodyCreated TWO_SEATS =
            new BodyCreated("common-council", "Common Council", BodyKind.COUNCIL, 2, AT);

    private FixtureConfiguration<Body> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Body.class);
        fixture.registerInjectableResource(KnownRoster.withPeople("shiva-bidar", "larry-palm", "tim-gruber"));
    }

    private static SeatAssigned seated(String person, SeatRole role, LocalDate from, LocalDate to) {
        return new SeatAssigned("common-council", person, role, from, to, AT);
    }

    private static void expectRule(RuleViolation e, String rule) {
        assertThat(e.rule()).isEqualTo(rule);
    }

    @Test
    void givenNothing_whenCreateBody_thenBodyCreated() {
        fixture.givenNoPriorActivity()
                .when(new CreateBody("common-council", "Common Council", BodyKind.COUNCIL, 2, AT))
                .expectEvents(TWO_SEATS);
    }

    @Test
    void givenBodyIdTaken_whenCreateBody_thenRefused() {
        var taken = new AggregateTestFixture<>(Body.class);
        taken.registerInjectableResource(new KnownRoster(Set.of(), Set.of("common-council")));
        taken.givenNoPriorActivity()
                .when(new CreateBody("common-council", "Common Council", BodyKind.COUNCIL, 2, AT))
                .expectException(Refused.by("body-already-exists"))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenCreateBodyWithoutSeats_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateBody("empty", "Empty", BodyKind.BOARD, 0, AT))
                .expectException(Refused.by("body-needs-seats"))
                .expectNoEvents();
    }

    @Test
    void givenBody_whenAssignSeat_thenSeatAssigned() {
        fixture.given(TWO_SEATS)
                .when(new AssignSeat(COUNCIL, "shiva-bidar", SeatRole.MEMBER, TERM, null, AT))
                .expectEvents(seated("shiva-bidar", SeatRole.MEMBER, TERM, null));
    }

    @Test
    void givenBody_whenSeatForUnregisteredPerson_thenRefused() {
        fixture.given(TWO_SEATS)
                .when(new AssignSeat(COUNCIL, "nobody", SeatRole.MEMBER, TERM, null, AT))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void givenBody_whenSeatEndsBeforeItStarts_thenRefused() {
        fixture.given(TWO_SEATS)
                .when(new AssignSeat(COUNCIL, "shiva-bidar", SeatRole.MEMBER, TERM, TERM.minusDays(1), AT))
                .expectException(Refused.by("seat-ends-before-it-starts"))
                .expectNoEvents();
    }

    @Test
    void givenPersonSeated_whenSeatedAgainInOverlappingPeriod_thenRefused() {
        fixture.given(TWO_SEATS, seated("shiva-bidar", SeatRole.MEMBER, TERM, null))
                .when(new AssignSeat(COUNCIL, "shiva-bidar", SeatRole.MEMBER, TERM.plusYears(2), null, AT))
                .expectException(Refused.by("seat-already-held"))
                .expectNoEvents();
    }

    @Test
    void givenSeatEnded_whenSamePersonSeatedAfterwards_thenSeatAssigned() {
        LocalDate end = TERM.plusYears(2).minusDays(1);
        fixture.given(TWO_SEATS, seated("shiva-bidar", SeatRole.MEMBER, TERM, end))
                .when(new AssignSeat(COUNCIL, "shiva-bidar", SeatRole.MEMBER, end.plusDays(1), null, AT))
                .expectEvents(seated("shiva-bidar", SeatRole.MEMBER, end.plusDays(1), null));
    }

    @Test
    void givenAllSeatsHeld_whenAnotherSeatOverlaps_thenRefusedAsFull() {
        fixture.given(TWO_SEATS, seated("shiva-bidar", SeatRole.MEMBER, TERM, null),
                        seated("larry-palm", SeatRole.MEMBER, TERM.plusYears(1), null))
                .when(new AssignSeat(COUNCIL, "tim-gruber", SeatRole.MEMBER, TERM, TERM.plusYears(2), AT))
                .expectException(Refused.by("body-seats-full"))
                .expectNoEvents();
    }

    @Test
    void givenAllSeatsHeldUntilADate_whenSeatStartsAfterIt_thenSeatAssigned() {
        LocalDate end = TERM.plusYears(2);
        fixture.given(TWO_SEATS, seated("shiva-bidar", SeatRole.MEMBER, TERM, end),
                        seated("larry-palm", SeatRole.MEMBER, TERM, null))
                .when(new AssignSeat(COUNCIL, "tim-gruber", SeatRole.MEMBER, end.plusDays(1), null, AT))
                .expectEvents(seated("tim-gruber", SeatRole.MEMBER, end.plusDays(1), null));
    }

    @Test
    void givenPresidentSeated_whenAnotherPresidentOverlaps_thenRefused() {
        fixture.given(TWO_SEATS, seated("shiva-bidar", SeatRole.PRESIDENT, TERM, null))
                .when(new AssignSeat(COUNCIL, "larry-palm", SeatRole.PRESIDENT, TERM.plusYears(1), null, AT))
                .expectException(Refused.by("role-already-filled"))
                .expectNoEvents();
    }

    @Test
    void givenBody_whenQuorumRuleSetToTwoThirds_thenQuorumRuleSet() {
        fixture.given(TWO_SEATS)
                .when(new SetQuorumRule(COUNCIL, QuorumRule.TWO_THIRDS_SEATS, AT))
                .expectEvents(new QuorumRuleSet("common-council", QuorumRule.TWO_THIRDS_SEATS, AT));
    }

    @Test
    void givenBodyWithDefaultRule_whenSameRuleSet_thenRefusedAsUnchanged() {
        fixture.given(TWO_SEATS)
                .when(new SetQuorumRule(COUNCIL, QuorumRule.MAJORITY_SEATS, AT))
                .expectException(Refused.by("quorum-rule-unchanged"))
                .expectNoEvents();
    }

    @Test
    void givenBody_whenThresholdSetForAMotionKind_thenVoteThresholdSet() {
        fixture.given(TWO_SEATS)
                .when(new SetVoteThreshold(COUNCIL, MotionKind.ADOPT_UNDER_SUSPENSION, VoteThreshold.TWO_THIRDS_PRESENT,
                        AT))
                .expectEvents(new VoteThresholdSet("common-council", MotionKind.ADOPT_UNDER_SUSPENSION,
                        VoteThreshold.TWO_THIRDS_PRESENT, AT));
    }

    @Test
    void givenThresholdSet_whenSameThresholdSetAgain_thenRefusedAsUnchanged() {
        fixture.given(TWO_SEATS, new VoteThresholdSet("common-council", MotionKind.ADOPT,
                        VoteThreshold.THREE_QUARTERS_SEATS, AT))
                .when(new SetVoteThreshold(COUNCIL, MotionKind.ADOPT, VoteThreshold.THREE_QUARTERS_SEATS, AT))
                .expectException(Refused.by("threshold-unchanged"))
                .expectNoEvents();
    }

    @Test
    void givenNoThresholdSet_whenDefaultMajorityCastSet_thenRefusedAsUnchanged() {
        fixture.given(TWO_SEATS)
                .when(new SetVoteThreshold(COUNCIL, MotionKind.TABLE, VoteThreshold.MAJORITY_CAST, AT))
                .expectException(Refused.by("threshold-unchanged"))
                .expectNoEvents();
    }
}
