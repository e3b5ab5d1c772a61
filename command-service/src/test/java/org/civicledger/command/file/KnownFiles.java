package org.civicledger.command.file;

import java.util.Map;
import java.util.Set;

/** The files lookup as aggregate tests need it: files by sponsor, some of them closed. */
public record KnownFiles(Map<String, String> sponsors, Set<String> closed, Set<String> pendingAmendments)
        implements Files {

    public KnownFiles(Map<String, String> sponsors, Set<String> closed) {
        this(sponsors, closed, Set.of());
    }

    public static KnownFiles of(String fileId, String sponsor) {
        return new KnownFiles(Map.of(fileId, sponsor), Set.of());
    }

    @Override
    public boolean isPendingAmendment(String fileId, String amendmentId) {
        return sponsors.containsKey(fileId) && pendingAmendments.contains(amendmentId);
    }

    @Override
    public boolean exists(String fileId) {
        return sponsors.containsKey(fileId);
    }

    @Override
    public String sponsorOf(String fileId) {
        return sponsors.get(fileId);
    }

    @Override
    public boolean isClosed(String fileId) {
        return closed.contains(fileId);
    }
}
