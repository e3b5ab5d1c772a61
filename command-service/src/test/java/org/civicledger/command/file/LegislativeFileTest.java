package org.civicledger.command.file;

import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.civicledger.command.ledger.Refused;
import org.civicledger.command.roster.KnownRoster;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.AmendmentRejected;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActionCorrected;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LegislativeFileTest {

    private static final String FILE = "5c1f6a3e-6d53-4a8e-9d6b-1f0e2d3c4b5a";
    private static final Instant INTRODUCED = Instant.parse("2017-01-24T15:00:00Z");
    private static final Instant LATER = Instant.parse("2017-01-26T15:00:00Z");
    private static final FileIntroduced INTRODUCTION = new FileIntroduced(FILE, "RES-17-00001", FileType.RESOLUTION,
            "Safe haven", "Be it resolved", "shiva-bidar", INTRODUCED);

    private FixtureConfiguration<LegislativeFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LegislativeFile.class);
        fixture.registerInjectableResource(new KnownRoster(Set.of("shiva-bidar", "larry-palm", "tim-gruber"),
                Set.of("common-council")));
        FileNumbers numbers = (type, at) -> type.prefix() + "-17-00001";
        fixture.registerInjectableResource(numbers);
    }

    @Test
    void givenNothing_whenIntroduceFile_thenFileIntroducedWithAssignedNumber() {
        fixture.givenNoPriorActivity()
                .when(new IntroduceFile(FILE, FileType.RESOLUTION, "Safe haven", "Be it resolved", "shiva-bidar",
                        INTRODUCED))
                .expectEvents(INTRODUCTION)
                .expectResultMessagePayload("RES-17-00001");
    }

    @Test
    void givenNothing_whenSponsorNotRegistered_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new IntroduceFile(FILE, FileType.RESOLUTION, "Safe haven", "Be it resolved", "nobody",
                        INTRODUCED))
                .expectException(Refused.by("person-not-registered"))
                .expectNoEvents();
    }

    @Test
    void givenFile_whenAddCosponsor_thenCosponsorAdded() {
        fixture.given(INTRODUCTION)
                .when(new AddCosponsor(FILE, "larry-palm", LATER))
                .expectEvents(new CosponsorAdded(FILE, "larry-palm", LATER));
    }

    @Test
    void givenFile_whenCosponsorNotRegistered_thenRefused() {
        fixture.given(INTRODUCTION)
                .when(new AddCosponsor(FILE, "nobody", LATER))
                .expectException(Refused.by("person-not-registered"))
                .expectNoEvents();
    }

    @Test
    void givenCosponsor_whenAddedAgain_thenRefusedAsDuplicate() {
        fixture.given(INTRODUCTION, new CosponsorAdded(FILE, "larry-palm", LATER))
                .when(new AddCosponsor(FILE, "larry-palm", LATER))
                .expectException(Refused.by("already-cosponsor"))
                .expectNoEvents();
    }

    @Test
    void givenFile_whenPrimarySponsorCosponsors_thenRefused() {
        fixture.given(INTRODUCTION)
                .when(new AddCosponsor(FILE, "shiva-bidar", LATER))
                .expectException(Refused.by("sponsor-cannot-cosponsor"))
                .expectNoEvents();
    }

    @Test
    void givenCosponsor_whenWithdraw_thenCosponsorWithdrawn() {
        fixture.given(INTRODUCTION, new CosponsorAdded(FILE, "larry-palm", LATER))
                .when(new WithdrawCosponsor(FILE, "larry-palm", LATER))
                .expectEvents(new CosponsorWithdrawn(FILE, "larry-palm", LATER));
    }

    @Test
    void givenNotACosponsor_whenWithdraw_thenRefused() {
        fixture.given(INTRODUCTION)
                .when(new WithdrawCosponsor(FILE, "tim-gruber", LATER))
                .expectException(Refused.by("not-a-cosponsor"))
                .expectNoEvents();
    }

    @Test
    void givenWithdrawnCosponsor_whenSignsAgain_thenCosponsorAdded() {
        fixture.given(INTRODUCTION, new CosponsorAdded(FILE, "larry-palm", LATER),
                        new CosponsorWithdrawn(FILE, "larry-palm", LATER))
                .when(new AddCosponsor(FILE, "larry-palm", LATER))
                .expectEvents(new CosponsorAdded(FILE, "larry-palm", LATER));
    }

    @Test
    void givenFile_whenReferredToRegisteredBody_thenFileReferred() {
        fixture.given(INTRODUCTION)
                .when(new ReferFile(FILE, "common-council", LATER))
                .expectEvents(new FileReferred(FILE, "common-council", LATER));
    }

    @Test
    void givenFile_whenReferredToUnknownBody_thenRefused() {
        fixture.given(INTRODUCTION)
                .when(new ReferFile(FILE, "no-such-committee", LATER))
                .expectException(Refused.by("body-not-registered"))
                .expectNoEvents();
    }

    @Test
    void givenReferred_whenReferredToSameBodyAgain_thenRefused() {
        fixture.given(INTRODUCTION, new FileReferred(FILE, "common-council", LATER))
                .when(new ReferFile(FILE, "common-council", LATER))
                .expectException(Refused.by("already-referred"))
                .expectNoEvents();
    }

    @Test
    void givenFile_whenVoteAdoptsIt_thenFileActedOnAsAdopted() {
        fixture.given(INTRODUCTION)
                .when(new RecordFileAction(FILE, FileActedOn.Action.ADOPTED, "meeting-1", "motion-1", LATER))
                .expectEvents(new FileActedOn(FILE, FileActedOn.Action.ADOPTED, "meeting-1", "motion-1", LATER));
    }

    @Test
    void givenAdoptedFile_whenAnotherActionRecorded_thenRefusedAsClosed() {
        fixture.given(INTRODUCTION, new FileActedOn(FILE, FileActedOn.Action.ADOPTED, "meeting-1", "motion-1", LATER))
                .when(new RecordFileAction(FILE, FileActedOn.Action.PLACED_ON_FILE, "meeting-2", "motion-2", LATER))
                .expectException(Refused.by("file-closed"))
                .expectNoEvents();
    }

    private static final AmendmentProposed FIRST = new AmendmentProposed(FILE, "a1", "Substitute text", "larry-palm",
            null, LATER);
    private static final AmendmentProposed SECOND = new AmendmentProposed(FILE, "a2", "Better substitute",
            "tim-gruber", "a1", LATER);

    @Test
    void givenFile_whenAmendmentProposed_thenAmendmentProposed() {
        fixture.given(INTRODUCTION)
                .when(new ProposeAmendment(FILE, "a1", "Substitute text", "larry-palm", null, LATER))
                .expectEvents(FIRST);
    }

    @Test
    void givenPendingAmendment_whenAmendedInTheSecondDegree_thenAmendmentProposed() {
        fixture.given(INTRODUCTION, FIRST)
                .when(new ProposeAmendment(FILE, "a2", "Better substitute", "tim-gruber", "a1", LATER))
                .expectEvents(SECOND);
    }

    @Test
    void givenSecondDegreeAmendment_whenAmendedAgain_thenRefusedAsThirdDegree() {
        fixture.given(INTRODUCTION, FIRST, SECOND)
                .when(new ProposeAmendment(FILE, "a3", "Even better", "larry-palm", "a2", LATER))
                .expectException(Refused.by("third-degree-amendment"))
                .expectNoEvents();
    }

    @Test
    void givenFile_whenAmendingAnUnknownAmendment_thenRefused() {
        fixture.given(INTRODUCTION)
                .when(new ProposeAmendment(FILE, "a3", "Text", "larry-palm", "nope", LATER))
                .expectException(Refused.by("amendment-not-pending"))
                .expectNoEvents();
    }

    @Test
    void givenPendingAmendment_whenAdopted_thenNextTextVersion() {
        fixture.given(INTRODUCTION, FIRST)
                .when(new DecideAmendment(FILE, "a1", true, "m", "mo", LATER))
                .expectEvents(new AmendmentAdopted(FILE, "a1", null, 2, "Substitute text", "m", "mo", LATER));
    }

    @Test
    void givenSecondDegreeAdopted_whenFirstAdopted_thenVersionCarriesTheAmendedText() {
        fixture.given(INTRODUCTION, FIRST, SECOND,
                        new AmendmentAdopted(FILE, "a2", "a1", null, "Better substitute", "m", "mo1", LATER))
                .when(new DecideAmendment(FILE, "a1", true, "m", "mo2", LATER))
                .expectEvents(new AmendmentAdopted(FILE, "a1", null, 2, "Better substitute", "m", "mo2", LATER));
    }

    @Test
    void givenPendingAmendment_whenVoteFails_thenAmendmentRejected() {
        fixture.given(INTRODUCTION, FIRST)
                .when(new DecideAmendment(FILE, "a1", false, "m", "mo", LATER))
                .expectEvents(new AmendmentRejected(FILE, "a1", "m", "mo", LATER));
    }

    @Test
    void givenAdoptedFile_whenCorrectedVoteFailsIt_thenFileActionCorrected() {
        fixture.given(INTRODUCTION, new FileActedOn(FILE, FileActedOn.Action.ADOPTED, "m", "mo", LATER))
                .when(new CorrectFileAction(FILE, FileActedOn.Action.FAILED, "m", "mo", "c1", "Clerk error", LATER))
                .expectEvents(new FileActionCorrected(FILE, FileActedOn.Action.FAILED, "m", "mo", "c1",
                        "Clerk error", LATER));
    }

    @Test
    void givenAdoptedFile_whenCorrectionKeepsItAdopted_thenNothingChanges() {
        fixture.given(INTRODUCTION, new FileActedOn(FILE, FileActedOn.Action.ADOPTED, "m", "mo", LATER))
                .when(new CorrectFileAction(FILE, FileActedOn.Action.ADOPTED, "m", "mo", "c1", "Clerk error", LATER))
                .expectNoEvents();
    }
}
