package org.civicledger.command.meeting;

/** Motions decided at any meeting, for rules that look across meetings (approving another meeting's minutes). */
public interface Motions {

    /** True if the motion was made at that meeting, is an ADOPT on an item without a file, and its vote passed. */
    boolean passedPlainAdopt(String meetingId, String motionId);
}
