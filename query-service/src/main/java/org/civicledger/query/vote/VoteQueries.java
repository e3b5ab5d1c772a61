package org.civicledger.query.vote;

import java.util.Map;
import org.civicledger.query.file.FileProjection;
import org.civicledger.query.meeting.MeetingProjection;
import org.civicledger.query.roster.RosterProjection;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Each answer reads one snapshot, so a vote and its ballots never disagree. */
@RestController
public class VoteQueries {

    private final VoteProjection votes;
    private final MeetingProjection meetings;
    private final FileProjection files;
    private final RosterProjection roster;

    VoteQueries(VoteProjection votes, MeetingProjection meetings, FileProjection files, RosterProjection roster) {
        this.votes = votes;
        this.meetings = meetings;
        this.files = files;
        this.roster = roster;
    }

    @GetMapping("/api/meetings/{meetingId}/motions")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> motions(@PathVariable String meetingId) {
        meetings.requireMeeting(meetingId);
        return Map.of("items", votes.motionsOf(meetingId));
    }

    @GetMapping("/api/files/{fileId}/votes")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> fileVotes(@PathVariable String fileId) {
        files.requireFile(fileId);
        return Map.of("fileId", fileId, "items", votes.votesOn(fileId));
    }

    @GetMapping("/api/people/{personId}/votes")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> personVotes(@PathVariable String personId) {
        roster.requirePerson(personId);
        return Map.of("personId", personId, "items", votes.recordOf(personId));
    }
}
