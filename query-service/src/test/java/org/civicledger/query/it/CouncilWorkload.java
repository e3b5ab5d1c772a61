package org.civicledger.query.it;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.AgendaItemAdded;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.MeetingAdjourned;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MemberArrived;
import org.civicledger.events.meeting.MinutesApproved;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.RollCallTaken;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Tally;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.SeatRole;
import org.civicledger.events.roster.VoteThreshold;

/**
 * A council's record as the command side would write it, for rebuild tests and the rebuild benchmark: 20 members,
 * then meeting cycles of 111 events each — ten resolutions introduced, cosponsored (one withdrawn, half of those
 * signed again), referred, put on a published agenda, nine of them moved, voted by roll call and adopted, the meeting
 * adjourned (which acts on the tenth's referral), the tenth referred again, and the previous meeting's minutes
 * approved.
 */
final class CouncilWorkload {

    private static final String TEXT = """
            WHEREAS the City of Madison maintains public parks, libraries and shelters for the people it serves; and
            WHEREAS the Common Council finds that the hours of operation should follow the needs of the residents,
            including those who work evenings and weekends; NOW, THEREFORE, BE IT RESOLVED that the Mayor and the
            City Clerk are authorized to extend the hours of the facilities named in this resolution, and to report
            to the Council on the cost and the use of the extended hours within six months.""";

    private CouncilWorkload() {
    }

    /** At least {@code events} events, every id prefixed by {@code slug}. */
    static List<CivicEvent> of(String slug, int events) {
        List<CivicEvent> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-05T15:00:00Z");
        String body = slug + "-council";
        List<String> members = new ArrayList<>();
        out.add(new BodyCreated(body, "Common Council " + slug, BodyKind.COUNCIL, 20, t));
        out.add(new QuorumRuleSet(body, QuorumRule.MAJORITY_SEATS, t));
        for (int i = 0; i < 20; i++) {
            String person = slug + "-member-" + i;
            members.add(person);
            out.add(new PersonRegistered(person, "Member " + i + " of " + slug, t));
            out.add(new SeatAssigned(body, person, i == 0 ? SeatRole.PRESIDENT : SeatRole.MEMBER,
                    LocalDate.of(2025, 4, 15), null, t));
        }
        String previousMeeting = null;
        for (int cycle = 0; out.size() < events; cycle++) {
            Instant day = t.plusSeconds(86_400L * cycle);
            String meeting = slug + "-meeting-" + cycle;
            List<String> files = new ArrayList<>();
            for (int f = 0; f < 10; f++) {
                String file = slug + "-file-" + cycle + "-" + f;
                files.add(file);
                out.add(new FileIntroduced(file, "RES-" + slug + "-" + cycle + "-" + f, FileType.RESOLUTION,
                        "Extending the hours of city facilities, part " + cycle + "." + f, TEXT,
                        members.get(f), day));
                for (int c = 1; c <= 3; c++) {
                    out.add(new CosponsorAdded(file, members.get((f + c) % 20), day.plusSeconds(c)));
                }
                out.add(new CosponsorWithdrawn(file, members.get((f + 2) % 20), day.plusSeconds(5)));
                if (f % 2 == 0) {
                    // Signed again: the withdrawal must come between the two signatures in every batch.
                    out.add(new CosponsorAdded(file, members.get((f + 2) % 20), day.plusSeconds(6)));
                }
                out.add(new FileReferred(file, body, day.plusSeconds(6)));
            }
            out.add(new MeetingScheduled(meeting, body, OffsetDateTime.ofInstant(day.plusSeconds(7 * 86_400L),
                    ZoneOffset.ofHours(-6)), "America/Chicago", "Room 201, City-County Building", day));
            List<AgendaPublished.Item> items = new ArrayList<>();
            for (int f = 0; f < 10; f++) {
                out.add(new AgendaItemAdded(meeting, "item-" + f, files.get(f), null, f > 5, day.plusSeconds(10)));
                items.add(new AgendaPublished.Item(f + 1, "item-" + f, files.get(f), null, f > 5));
            }
            out.add(new AgendaPublished(meeting, 1, items, day.plusSeconds(20)));
            Instant held = day.plusSeconds(7 * 86_400L);
            out.add(new MeetingCalledToOrder(meeting, held));
            out.add(new RollCallTaken(meeting, members.subList(0, 17), List.of(members.get(17)),
                    List.of(members.get(18)), held.plusSeconds(60)));
            out.add(new MemberArrived(meeting, members.get(19), held.plusSeconds(120)));
            for (int f = 0; f < 9; f++) {
                String motion = "motion-" + f;
                Instant at = held.plusSeconds(300L + 60L * f);
                out.add(new MotionMade(meeting, motion, "item-" + f, files.get(f), MotionKind.ADOPT,
                        members.get(1), members.get(2), null, null, null, at));
                List<MemberVote> votes = new ArrayList<>();
                for (int m = 0; m < 20; m++) {
                    votes.add(new MemberVote(members.get(m), m == 17 ? VoteChoice.ABSENT : m == 18
                            ? VoteChoice.EXCUSED : m % 7 == 3 ? VoteChoice.NO : VoteChoice.AYE));
                }
                out.add(new VoteRecorded(meeting, motion, files.get(f), MotionKind.ADOPT,
                        VoteRecorded.Method.ROLL_CALL, votes, VoteRecorded.Result.PASSED, VoteThreshold.MAJORITY_CAST,
                        new Tally(15, 3, 0, 0, 1, 1), 10, 18, 20, at.plusSeconds(30)));
                out.add(new FileActedOn(files.get(f), FileActedOn.Action.ADOPTED, meeting, motion, at.plusSeconds(30)));
            }
            if (previousMeeting != null) {
                out.add(new MinutesApproved(previousMeeting, "Minutes of " + previousMeeting
                        + ": the council adopted the ten resolutions on its agenda.", "0".repeat(64), meeting,
                        "minutes-motion", held.plusSeconds(1_000)));
            }
            out.add(new MeetingAdjourned(meeting, held.plusSeconds(1_200)));
            // Pending again after the adjournment acted on its referral: in every batch, the adjournment's update
            // must come before this referral's insert.
            out.add(new FileReferred(files.get(9), body, held.plusSeconds(1_300)));
            previousMeeting = meeting;
        }
        return out;
    }
}
