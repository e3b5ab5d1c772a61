package org.civicledger.command.file;

/** Which legislative files exist, for rules outside the file itself. */
public interface Files {

    boolean exists(String fileId);

    /** The primary sponsor; null for a file that does not exist. */
    String sponsorOf(String fileId);

    /** Adopted, failed, placed on file or withdrawn: no more motions but reconsideration. */
    boolean isClosed(String fileId);

    boolean isPendingAmendment(String fileId, String amendmentId);
}
