package org.civicledger.query.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.query.minutes.Minutes.AttendanceChange;
import org.civicledger.query.minutes.Minutes.Ballot;
import org.civicledger.query.minutes.Minutes.Correction;
import org.civicledger.query.minutes.Minutes.Item;
import org.civicledger.query.minutes.Minutes.Motion;
import org.civicledger.query.minutes.Minutes.Person;
import org.civicledger.query.minutes.Minutes.RollCall;
import org.civicledger.query.minutes.Minutes.Status;
import org.civicledger.query.minutes.Minutes.Vote;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

class MinutesRendererTest {

    private static final MinutesHtml HTML = TemplatesForTests.minutesHtml();

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZonedDateTime STARTS = ZonedDateTime.of(2017, 2, 7, 18, 30, 0, 0, CHICAGO);
    private static final String LOCATION = "City County Building, 210 Martin Luther King Jr. Boulevard";

    private static Instant at(int hour, int minute) {
        return STARTS.withHour(hour).withMinute(minute).toInstant();
    }

    private static final Map<String, Person> PEOPLE = people(
            new Person("shiva-bidar", "Shiva Bidar", true),
            new Person("larry-palm", "Larry Palm", true),
            new Person("marsha-rummel", "Marsha A. Rummel", true),
            new Person("sara-eskrich", "Sara Eskrich", true),
            new Person("mark-clear", "Mark Clear", true),
            new Person("david-ahrens", "David Ahrens", true),
            new Person("mike-verveer", "Mike Verveer", true),
            new Person("paul-skidmore", "Paul E. Skidmore", true),
            new Person("jane-citizen", "Jane Q. Citizen", false));

    private static Map<String, Person> people(Person... people) {
        Map<String, Person> byId = new LinkedHashMap<>();
        for (Person person : people) {
            byId.put(person.id(), person);
        }
        return byId;
    }

    private static Vote rollCall(Result result, VoteThreshold threshold, int needed, int present, int seats,
                                 Object... personAndChoice) {
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < personAndChoice.length; i += 2) {
            ballots.add(new Ballot((String) personAndChoice[i], (VoteChoice) personAndChoice[i + 1]));
        }
        return new Vote(Method.ROLL_CALL, result, threshold, needed, present, seats, ballots);
    }

    private static final Vote ADOPTED = rollCall(Result.PASSED, VoteThreshold.MAJORITY_CAST, 3, 6, 8,
            "shiva-bidar", VoteChoice.AYE, "larry-palm", VoteChoice.AYE, "marsha-rummel", VoteChoice.AYE,
            "sara-eskrich", VoteChoice.NO, "mark-clear", VoteChoice.ABSTAIN, "david-ahrens", VoteChoice.RECUSED,
            "mike-verveer", VoteChoice.ABSENT, "paul-skidmore", VoteChoice.EXCUSED);

    private static Minutes meeting(Status status, List<Item> items) {
        return new Minutes("City of Madison", "Common Council", "m-1", status, STARTS, LOCATION, null, at(18, 31),
                new RollCall(List.of("shiva-bidar", "larry-palm", "marsha-rummel", "sara-eskrich", "mark-clear",
                        "mike-verveer"), List.of("david-ahrens"), List.of("paul-skidmore")),
                List.of(new AttendanceChange("david-ahrens", true, at(18, 52)),
                        new AttendanceChange("mike-verveer", false, at(21, 10))),
                items, status == Status.ADJOURNED ? at(22, 25) : null, PEOPLE);
    }

    private static Minutes adjourned(Motion... motions) {
        return meeting(Status.ADJOURNED, List.of(new Item(1, null, "Roll call", true, List.of()),
                new Item(2, "RES-17-00001", "Codifying Madison as a safe haven", true, List.of(motions)),
                new Item(3, null, "Public comment", true, List.of())));
    }

    private static Motion adopt(Vote... votes) {
        return new Motion(MotionKind.ADOPT, "larry-palm", "marsha-rummel", null, List.of(votes));
    }

    @Test
    void anAdjournedMeetingReadsAsCouncilMinutesWithTimesInTheMeetingsZone() {
        assertThat(MinutesRenderer.text(adjourned(adopt(ADOPTED)))).isEqualTo("""
                CITY OF MADISON — COMMON COUNCIL
                MINUTES (DRAFT)
                Meeting of Tuesday, February 7, 2017, 6:30 PM (America/Chicago)
                City County Building, 210 Martin Luther King Jr. Boulevard

                CALL TO ORDER AND ROLL CALL
                The meeting was called to order at 6:31 PM.
                Present: 6 - Shiva Bidar, Mark Clear, Sara Eskrich, Larry Palm, Marsha A. Rummel, Mike Verveer
                Absent: 1 - David Ahrens
                Excused: 1 - Paul E. Skidmore
                Ald. David Ahrens arrived at 6:52 PM.
                Ald. Mike Verveer left at 9:10 PM.

                ITEMS
                1. Roll call
                2. RES-17-00001 Codifying Madison as a safe haven
                   A motion was made by Ald. Palm, seconded by Ald. Rummel, to Adopt. The motion passed by the following vote:
                   Ayes: 3 - Bidar, Palm, Rummel
                   Noes: 1 - Eskrich
                   Abstentions: 1 - Clear
                   Recused: 1 - Ahrens
                   Absent: 1 - Verveer
                   Excused: 1 - Skidmore
                   (MAJORITY_CAST: 3 ayes needed of 4 cast.)
                3. Public comment

                ADJOURNMENT
                The meeting adjourned at 10:25 PM.
                """);
    }

    @Test
    void theSameFactsGiveByteIdenticalTextAndTheSameHash() {
        String first = MinutesRenderer.text(adjourned(adopt(ADOPTED)));
        String second = MinutesRenderer.text(adjourned(adopt(ADOPTED)));

        assertThat(second).isEqualTo(first);
        assertThat(MinutesRenderer.sha256(second)).isEqualTo(MinutesRenderer.sha256(first)).hasSize(64)
                .matches("[0-9a-f]{64}");
        assertThat(MinutesRenderer.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void noonMidnightAndTimesPastMidnightAreOnATwelveHourClockWithTheDateWhenItChanges() {
        Minutes late = new Minutes(null, "Common Council", "m-1", Status.ADJOURNED,
                STARTS.withHour(12).withMinute(0), null, null, at(12, 5), null, List.of(), List.of(),
                STARTS.plusDays(1).withHour(0).withMinute(15).toInstant(), PEOPLE);

        String text = MinutesRenderer.text(late);

        assertThat(text).startsWith("COMMON COUNCIL\nMINUTES (DRAFT)\n"
                + "Meeting of Tuesday, February 7, 2017, 12:00 PM (America/Chicago)\n\n");
        assertThat(text).contains("The meeting was called to order at 12:05 PM.\nThe roll has not been called.\n");
        assertThat(text).contains("No items were on the agenda.");
        assertThat(text).endsWith("The meeting adjourned at 12:15 AM on Wednesday, February 8, 2017.\n");
    }

    @Test
    void timesAreShownInTheMeetingsOwnZoneNotUtc() {
        ZonedDateTime denver = ZonedDateTime.of(2017, 7, 4, 9, 0, 0, 0, ZoneId.of("America/Denver"));
        Minutes minutes = new Minutes(null, "Board", "m-2", Status.IN_PROGRESS, denver, null, null,
                Instant.parse("2017-07-04T15:02:00Z"), null, List.of(), List.of(), null, PEOPLE);

        assertThat(MinutesRenderer.text(minutes))
                .contains("Meeting of Tuesday, July 4, 2017, 9:00 AM (America/Denver)")
                .contains("called to order at 9:02 AM.")
                .endsWith("ADJOURNMENT\nThe meeting has not adjourned.\n");
    }

    @Test
    void aCorrectedVoteIsStatedAsRecordedThenAsCorrectedWithDateClerkAndReasonThenTheCorrectedTally() {
        Vote recount = rollCall(Result.PASSED, VoteThreshold.MAJORITY_CAST, 4, 6, 8,
                "shiva-bidar", VoteChoice.AYE, "larry-palm", VoteChoice.AYE, "marsha-rummel", VoteChoice.AYE,
                "sara-eskrich", VoteChoice.AYE, "mark-clear", VoteChoice.ABSTAIN, "david-ahrens", VoteChoice.RECUSED,
                "mike-verveer", VoteChoice.ABSENT, "paul-skidmore", VoteChoice.EXCUSED);
        Vote corrected = new Vote(ADOPTED.method(), ADOPTED.result(), ADOPTED.threshold(), ADOPTED.needed(),
                ADOPTED.present(), ADOPTED.seats(), ADOPTED.ballots(), List.of(
                        new Correction(STARTS.plusDays(2).toInstant(), "jdoe", "Ald. Eskrich voted aye", recount),
                        new Correction(STARTS.plusDays(3).toInstant(), "asmith", null, recount)));

        String text = MinutesRenderer.text(adjourned(adopt(corrected)));

        assertThat(text).contains("""
                   A motion was made by Ald. Palm, seconded by Ald. Rummel, to Adopt. The motion passed by the following vote:
                   Ayes: 3 - Bidar, Palm, Rummel
                   Noes: 1 - Eskrich
                   Abstentions: 1 - Clear
                   Recused: 1 - Ahrens
                   Absent: 1 - Verveer
                   Excused: 1 - Skidmore
                   (MAJORITY_CAST: 3 ayes needed of 4 cast.)
                   The vote was corrected on Thursday, February 9, 2017 by jdoe: Ald. Eskrich voted aye. The motion passed by the corrected vote:
                   Ayes: 4 - Bidar, Eskrich, Palm, Rummel
                   Noes: 0
                   Abstentions: 1 - Clear
                   Recused: 1 - Ahrens
                   Absent: 1 - Verveer
                   Excused: 1 - Skidmore
                   (MAJORITY_CAST: 4 ayes needed of 4 cast.)
                   The vote was corrected on Friday, February 10, 2017 by asmith. The motion passed by the corrected vote:
                   Ayes: 4 - Bidar, Eskrich, Palm, Rummel
                """);
        assertThat(HTML.draft(adjourned(adopt(corrected)))).contains("<p>The vote was corrected on "
                + "Thursday, February 9, 2017 by jdoe: Ald. Eskrich voted aye. The motion passed by the corrected "
                + "vote:</p>\n<p>Ayes: 4 - Bidar, Eskrich, Palm, Rummel</p>");
    }

    @Test
    void aVoiceVoteStatesOnlyTheDeclaredResult() {
        Motion passed = new Motion(MotionKind.PLACE_ON_FILE, "sara-eskrich", "mark-clear", null,
                List.of(new Vote(Method.VOICE, Result.PASSED, VoteThreshold.MAJORITY_CAST, null, 6, 8, List.of())));
        Motion failed = new Motion(MotionKind.ADOPT_UNDER_SUSPENSION, "shiva-bidar", "larry-palm", null,
                List.of(new Vote(Method.VOICE, Result.FAILED, VoteThreshold.MAJORITY_CAST, null, 6, 8, List.of())));

        String text = MinutesRenderer.text(adjourned(passed, failed));

        assertThat(text).contains("""
                   A motion was made by Ald. Eskrich, seconded by Ald. Clear, to Place on File. \
                The motion passed by voice vote.
                   A motion was made by Ald. Bidar, seconded by Ald. Palm, to Adopt Under Suspension of the Rules. \
                The motion failed by voice vote.
                3. Public comment""");
        assertThat(text).doesNotContain("Ayes:", "needed");
    }

    @Test
    void aMotionNotYetVotedOnIsPendingAndAReferralNamesTheBody() {
        Motion refer = new Motion(MotionKind.REFER, "shiva-bidar", "larry-palm", "Finance Committee", List.of());

        assertThat(MinutesRenderer.text(adjourned(refer))).contains("   A motion was made by Ald. Bidar, seconded by "
                + "Ald. Palm, to Refer to the Finance Committee. The motion is pending.\n");
    }

    @Test
    void everyMotionKindIsInWords() {
        Map<MotionKind, String> words = new LinkedHashMap<>();
        words.put(MotionKind.ADOPT, "Adopt");
        words.put(MotionKind.ADOPT_UNDER_SUSPENSION, "Adopt Under Suspension of the Rules");
        words.put(MotionKind.REFER, "Refer to the Common Council");
        words.put(MotionKind.PLACE_ON_FILE, "Place on File");
        words.put(MotionKind.WITHDRAW, "Withdraw");
        words.put(MotionKind.AMEND, "Amend");
        words.put(MotionKind.TABLE, "Table");
        words.put(MotionKind.TAKE_FROM_TABLE, "Take from the Table");
        words.put(MotionKind.RECONSIDER, "Reconsider");
        assertThat(words).containsOnlyKeys(MotionKind.values());

        words.forEach((kind, expected) -> assertThat(MinutesRenderer.text(adjourned(
                new Motion(kind, "larry-palm", "shiva-bidar", "Common Council", List.of()))))
                .contains("seconded by Ald. Bidar, to " + expected + ". The motion is pending."));
    }

    @Test
    void aFailedRollCallStatesTheRuleAndTheNumbersItWasMeasuredAgainst() {
        Vote failed = rollCall(Result.FAILED, VoteThreshold.THREE_QUARTERS_SEATS, 6, 6, 8,
                "shiva-bidar", VoteChoice.AYE, "larry-palm", VoteChoice.AYE, "marsha-rummel", VoteChoice.AYE,
                "sara-eskrich", VoteChoice.AYE, "mark-clear", VoteChoice.AYE, "mike-verveer", VoteChoice.NO);
        Vote twoThirdsPresent = rollCall(Result.PASSED, VoteThreshold.TWO_THIRDS_PRESENT, 1, 1, 8,
                "shiva-bidar", VoteChoice.AYE);

        assertThat(MinutesRenderer.text(adjourned(adopt(failed)))).contains(
                "The motion failed by the following vote:\n",
                "   Ayes: 5 - Bidar, Clear, Eskrich, Palm, Rummel\n   Noes: 1 - Verveer\n   Abstentions: 0\n"
                        + "   Recused: 0\n   Absent: 0\n   Excused: 0\n",
                "   (THREE_QUARTERS_SEATS: 6 ayes needed of 8 seats.)\n");
        assertThat(MinutesRenderer.text(adjourned(adopt(twoThirdsPresent))))
                .contains("   (TWO_THIRDS_PRESENT: 1 aye needed of 1 present.)\n");
    }

    @Test
    void aMotionVotedOnAgainRecordsEachVoteInOrder() {
        Vote voice = new Vote(Method.VOICE, Result.FAILED, VoteThreshold.MAJORITY_CAST, null, 6, 8, List.of());

        assertThat(MinutesRenderer.text(adjourned(adopt(voice, ADOPTED)))).contains(
                "to Adopt. The motion failed by voice vote.\n   On a further vote, the motion passed by the "
                        + "following vote:\n   Ayes: 3 - ");
    }

    @Test
    void alderSharingALastNameAreNamedInFullAndOthersByFullNameWithoutTitle() {
        Map<String, Person> people = new LinkedHashMap<>(PEOPLE);
        people.put("tim-palm", new Person("tim-palm", "Tim Palm", true));
        MemberNames names = new MemberNames(people);

        assertThat(names.inMotion("larry-palm")).isEqualTo("Ald. Larry Palm");
        assertThat(names.inRoll("tim-palm")).isEqualTo("Tim Palm");
        assertThat(names.inMotion("marsha-rummel")).isEqualTo("Ald. Rummel");
        assertThat(names.inMotion("jane-citizen")).isEqualTo("Jane Q. Citizen");
        assertThat(names.titled("jane-citizen")).isEqualTo("Jane Q. Citizen");
        assertThat(names.inRoll("jane-citizen")).isEqualTo("Jane Q. Citizen");
        assertThat(names.inMotion("not-registered")).as("named by id rather than left out").isEqualTo("not-registered");
        assertThat(names.sorted(List.of("tim-palm", "jane-citizen", "larry-palm", "shiva-bidar")))
                .containsExactly("shiva-bidar", "jane-citizen", "larry-palm", "tim-palm");
    }

    @Test
    void aLastNamePassesOverGenerationalSuffixes() {
        assertThat(MemberNames.lastName("Martin Luther King Jr.")).isEqualTo("King");
        assertThat(MemberNames.lastName("John Smith, III")).isEqualTo("Smith");
        assertThat(MemberNames.lastName("Cher")).isEqualTo("Cher");
        assertThat(MemberNames.lastName("Marsha A. Rummel")).isEqualTo("Rummel");
    }

    @Test
    void aCancelledMeetingIsOneParagraphWithTheReason() {
        Minutes cancelled = new Minutes("City of Madison", "Common Council", "m-1", Status.CANCELLED, STARTS,
                LOCATION, "Snow emergency", null, null, List.of(), List.of(), null, PEOPLE);

        assertThat(MinutesRenderer.text(cancelled)).isEqualTo("""
                CITY OF MADISON — COMMON COUNCIL
                MINUTES (DRAFT)
                Meeting of Tuesday, February 7, 2017, 6:30 PM (America/Chicago)
                City County Building, 210 Martin Luther King Jr. Boulevard

                The meeting was cancelled: Snow emergency.
                """);
    }

    @Test
    void aMeetingNotYetHeldSaysSo() {
        Minutes scheduled = new Minutes(null, "Common Council", "m-1", Status.SCHEDULED, STARTS, null, null, null,
                null, List.of(), List.of(), null, PEOPLE);

        assertThat(MinutesRenderer.text(scheduled)).endsWith(
                "(America/Chicago)\n\nThe meeting has not been held.\n");
    }

    @Test
    void anItemMotionsWereMadeOnOffTheAgendaIsMarked() {
        Minutes minutes = meeting(Status.IN_PROGRESS, List.of(new Item(1, null, "Roll call", true, List.of()),
                new Item(2, "RES-17-00002", "Late addition", false, List.of(adopt()))));

        assertThat(MinutesRenderer.text(minutes)).contains("2. RES-17-00002 Late addition (not on the agenda)\n"
                + "   A motion was made by Ald. Palm");
    }

    @Test
    void lineBreaksInRecordedTextCannotBreakTheLineStructure() {
        Minutes minutes = meeting(Status.ADJOURNED, List.of(
                new Item(1, null, "Public\ncomment\r\nand\u2028more", true, List.of())));

        assertThat(MinutesRenderer.text(minutes)).contains("\n1. Public comment and more\n");
    }

    @Test
    void htmlStatesTheSameFactsEscapedWithoutScriptsOrExternalAssets() {
        Map<String, Person> people = new LinkedHashMap<>(PEOPLE);
        people.put("larry-palm", new Person("larry-palm", "Larry <b>\"Palm\"</b> & Co's", true));
        Minutes minutes = new Minutes("City of Madison", "Common Council", "m-1", Status.ADJOURNED, STARTS,
                "Room <script>alert(1)</script>", null, at(18, 31), null, List.of(),
                List.of(new Item(1, "RES-17-00001", "Tom & Jerry <i>Act</i>", true, List.of(adopt(ADOPTED)))),
                at(22, 25), people);

        String html = HTML.draft(minutes);

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>CITY OF MADISON — COMMON COUNCIL — MINUTES (DRAFT)</title>");
        assertThat(html).contains("<h1>CITY OF MADISON — COMMON COUNCIL</h1>",
                "<p>Meeting of Tuesday, February 7, 2017, 6:30 PM (America/Chicago)</p>",
                "<p>Room &lt;script&gt;alert(1)&lt;/script&gt;</p>",
                "<h2>CALL TO ORDER AND ROLL CALL</h2>", "<h2>ITEMS</h2>", "<ol>",
                "<li value=\"1\"><p>RES-17-00001 Tom &amp; Jerry &lt;i&gt;Act&lt;/i&gt;</p>",
                "A motion was made by Ald. Co&#39;s, seconded by Ald. Rummel",
                "<p>Ayes: 3 - Bidar, Co&#39;s, Rummel</p>",
                "<h2>ADJOURNMENT</h2>\n<p>The meeting adjourned at 10:25 PM.</p>");
        assertThat(html).doesNotContain("<script", "<b>", "<i>", "src=", "href=", "style", "\"Palm\"");
        assertThat(html).endsWith("</body>\n</html>\n");
    }

    @Test
    void everyLineOfTheTextAppearsInTheHtml() {
        Minutes minutes = adjourned(adopt(ADOPTED));
        String html = HTML.draft(minutes);

        for (String line : MinutesRenderer.text(minutes).split("\n")) {
            assertThat(html).contains(HtmlUtils.htmlEscape(line.strip().replaceFirst("^\\d+\\. ", ""), "UTF-8"));
        }
    }
}
