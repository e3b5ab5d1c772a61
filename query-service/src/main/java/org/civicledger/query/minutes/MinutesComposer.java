package org.civicledger.query.minutes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.query.minutes.Minutes.AttendanceChange;
import org.civicledger.query.minutes.Minutes.Ballot;
import org.civicledger.query.minutes.Minutes.Correction;
import org.civicledger.query.minutes.Minutes.Item;
import org.civicledger.query.minutes.Minutes.Motion;
import org.civicledger.query.minutes.Minutes.Vote;
import org.civicledger.query.minutes.MinutesDocument.Entry;
import org.civicledger.query.minutes.MinutesDocument.Section;

/**
 * Words the facts of a meeting in the plain style of council minutes. Times are in the meeting's time zone, on a
 * 12-hour clock. Day, month and AM/PM names are spelled here rather than taken from locale data, so a JDK upgrade
 * cannot change the text whose SHA-256 an approval freezes.
 */
final class MinutesComposer {

    // Control characters and line separators in recorded text would break the minutes' line structure.
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

    private final Minutes minutes;
    private final MemberNames names;
    private final LocalDate meetingDate;

    private MinutesComposer(Minutes minutes) {
        this.minutes = minutes;
        this.names = new MemberNames(minutes.people());
        this.meetingDate = minutes.startsAt().toLocalDate();
    }

    static MinutesDocument compose(Minutes minutes) {
        return new MinutesComposer(minutes).document();
    }

    static String clean(String text) {
        return text == null ? null : BREAKS.matcher(text).replaceAll(" ").strip();
    }

    private MinutesDocument document() {
        return new MinutesDocument(heading(), switch (minutes.status()) {
            case CANCELLED -> List.of(paragraph(cancelled()));
            case SCHEDULED -> List.of(paragraph("The meeting has not been held."));
            case IN_PROGRESS, ADJOURNED -> List.of(callToOrder(), items(), adjournment());
        });
    }

    private List<String> heading() {
        String body = clean(minutes.bodyName()).toUpperCase(Locale.ROOT);
        String city = clean(minutes.city());
        List<String> lines = new ArrayList<>();
        lines.add(city == null || city.isEmpty() ? body : city.toUpperCase(Locale.ROOT) + " — " + body);
        lines.add("MINUTES (DRAFT)");
        ZonedDateTime startsAt = minutes.startsAt();
        lines.add("Meeting of " + date(startsAt.toLocalDate()) + ", " + clock(startsAt) + " (" + startsAt.getZone()
                + ")");
        String location = clean(minutes.location());
        if (location != null && !location.isEmpty()) {
            lines.add(location);
        }
        return lines;
    }

    private String cancelled() {
        String reason = clean(minutes.cancelReason());
        if (reason == null || reason.isEmpty()) {
            return "The meeting was cancelled.";
        }
        return "The meeting was cancelled: " + reason + (reason.matches(".*[.!?]") ? "" : ".");
    }

    private Section callToOrder() {
        List<String> lines = new ArrayList<>();
        if (minutes.calledToOrderAt() != null) {
            lines.add("The meeting was called to order at " + time(minutes.calledToOrderAt()) + ".");
        }
        if (minutes.rollCall() == null) {
            lines.add("The roll has not been called.");
        } else {
            lines.add(count("Present", minutes.rollCall().present(), names::full));
            lines.add(count("Absent", minutes.rollCall().absent(), names::full));
            lines.add(count("Excused", minutes.rollCall().excused(), names::full));
        }
        for (AttendanceChange change : minutes.attendance()) {
            lines.add(names.titled(change.person()) + (change.arrived() ? " arrived at " : " left at ")
                    + time(change.at()) + ".");
        }
        return new Section("CALL TO ORDER AND ROLL CALL", lines, List.of());
    }

    private Section items() {
        if (minutes.items().isEmpty()) {
            return new Section("ITEMS", List.of("No items were on the agenda."), List.of());
        }
        List<Entry> entries = new ArrayList<>();
        for (Item item : minutes.items()) {
            List<String> lines = new ArrayList<>();
            item.motions().forEach(motion -> lines.addAll(motion(motion)));
            entries.add(new Entry(item.number(), itemTitle(item), lines));
        }
        return new Section("ITEMS", List.of(), entries);
    }

    private Section adjournment() {
        String line = minutes.adjournedAt() == null ? "The meeting has not adjourned."
                : "The meeting adjourned at " + time(minutes.adjournedAt()) + ".";
        return new Section("ADJOURNMENT", List.of(line), List.of());
    }

    private static String itemTitle(Item item) {
        String title = clean(item.title());
        String text = item.fileNumber() == null ? (title == null || title.isEmpty() ? "Untitled item" : title)
                : title == null || title.isEmpty() ? item.fileNumber() : item.fileNumber() + " " + title;
        return item.onAgenda() ? text : text + " (not on the agenda)";
    }

    private List<String> motion(Motion motion) {
        String made = "A motion was made by " + names.inMotion(motion.mover()) + ", seconded by "
                + names.inMotion(motion.seconder()) + ", to " + kind(motion) + ".";
        if (motion.votes().isEmpty()) {
            return List.of(made + " The motion is pending.");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < motion.votes().size(); i++) {
            Vote vote = motion.votes().get(i);
            String outcome = (vote.result() == Result.PASSED ? "passed" : "failed")
                    + (vote.method() == Method.VOICE ? " by voice vote." : " by the following vote:");
            // A reconsidered motion is voted on again; each vote is recorded where it happened.
            String sentence = i == 0 ? made + " The motion " + outcome : "On a further vote, the motion " + outcome;
            lines.add(sentence);
            if (vote.method() == Method.ROLL_CALL) {
                lines.addAll(roll(vote));
            }
            vote.corrections().forEach(correction -> lines.addAll(corrected(correction)));
        }
        return lines;
    }

    /** A correction is stated where the vote is, after it, never merged into it silently. */
    private List<String> corrected(Correction correction) {
        String reason = clean(correction.reason());
        String clerk = clean(correction.recordedBy());
        Vote vote = correction.vote();
        List<String> lines = new ArrayList<>();
        lines.add("The vote was corrected on " + date(correction.correctedAt().atZone(minutes.startsAt().getZone())
                .toLocalDate()) + " by " + clerk + (reason == null || reason.isEmpty() ? "."
                : ": " + reason + (reason.matches(".*[.!?]") ? "" : ".")) + " The motion "
                + (vote.result() == Result.PASSED ? "passed" : "failed") + " by the corrected vote:");
        lines.addAll(roll(vote));
        return lines;
    }

    private String kind(Motion motion) {
        return switch (motion.kind()) {
            case ADOPT -> "Adopt";
            case ADOPT_UNDER_SUSPENSION -> "Adopt Under Suspension of the Rules";
            case REFER -> motion.referTo() == null ? "Refer" : "Refer to the " + clean(motion.referTo());
            case PLACE_ON_FILE -> "Place on File";
            case WITHDRAW -> "Withdraw";
            case AMEND -> "Amend";
            case TABLE -> "Table";
            case TAKE_FROM_TABLE -> "Take from the Table";
            case RECONSIDER -> "Reconsider";
        };
    }

    private List<String> roll(Vote vote) {
        List<String> lines = new ArrayList<>();
        lines.add(count("Ayes", voters(vote, VoteChoice.AYE), names::inRoll));
        lines.add(count("Noes", voters(vote, VoteChoice.NO), names::inRoll));
        lines.add(count("Abstentions", voters(vote, VoteChoice.ABSTAIN), names::inRoll));
        lines.add(count("Recused", voters(vote, VoteChoice.RECUSED), names::inRoll));
        lines.add(count("Absent", voters(vote, VoteChoice.ABSENT), names::inRoll));
        lines.add(count("Excused", voters(vote, VoteChoice.EXCUSED), names::inRoll));
        if (vote.threshold() != null && vote.needed() != null) {
            int cast = voters(vote, VoteChoice.AYE).size() + voters(vote, VoteChoice.NO).size();
            String of = switch (vote.threshold()) {
                case MAJORITY_CAST -> cast + " cast";
                case TWO_THIRDS_PRESENT -> vote.present() + " present";
                case MAJORITY_SEATS, TWO_THIRDS_SEATS, THREE_QUARTERS_SEATS -> vote.seats() + " seats";
            };
            lines.add("(" + vote.threshold().name() + ": " + vote.needed() + (vote.needed() == 1 ? " aye" : " ayes")
                    + " needed of " + of + ".)");
        }
        return lines;
    }

    private static List<String> voters(Vote vote, VoteChoice choice) {
        return vote.ballots().stream().filter(b -> b.choice() == choice).map(Ballot::person).toList();
    }

    /** "Ayes: 3 - Bidar, Palm, Rummel", or "Recused: 0". */
    private String count(String label, List<String> personIds, Function<String, String> name) {
        if (personIds.isEmpty()) {
            return label + ": 0";
        }
        return label + ": " + personIds.size() + " - "
                + String.join(", ", names.sorted(personIds).stream().map(name).toList());
    }

    private static Section paragraph(String text) {
        return new Section(null, List.of(text), List.of());
    }

    /** "6:31 PM", with the date when it falls on another day than the meeting's ("12:10 AM on Wednesday, …"). */
    private String time(Instant instant) {
        ZonedDateTime local = instant.atZone(minutes.startsAt().getZone());
        String clock = clock(local);
        return local.toLocalDate().equals(meetingDate) ? clock : clock + " on " + date(local.toLocalDate());
    }

    static String clock(ZonedDateTime time) {
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minute = (time.getMinute() < 10 ? "0" : "") + time.getMinute();
        return hour + ":" + minute + (time.getHour() < 12 ? " AM" : " PM");
    }

    /** "Tuesday, February 7, 2017". */
    static String date(LocalDate date) {
        return capitalized(date.getDayOfWeek().name()) + ", " + capitalized(date.getMonth().name()) + " "
                + date.getDayOfMonth() + ", " + date.getYear();
    }

    private static String capitalized(String enumName) {
        return enumName.charAt(0) + enumName.substring(1).toLowerCase(Locale.ROOT);
    }
}
