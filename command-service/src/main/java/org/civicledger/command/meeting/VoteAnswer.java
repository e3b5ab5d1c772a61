package org.civicledger.command.meeting;

import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.meeting.VoteRecorded.Tally;
import org.civicledger.events.roster.VoteThreshold;

/** What a clerk is told after a vote or its correction: the result and the arithmetic behind it. */
public record VoteAnswer(Result result, VoteThreshold rule, Tally tally, Integer needed, int present, int seats,
                         long position, String eventId) {
}
