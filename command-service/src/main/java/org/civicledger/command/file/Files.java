package org.civicledger.command.file;

/** Which legislative files exist, for rules outside the file itself. */
public interface Files {

    boolean exists(String fileId);
}
