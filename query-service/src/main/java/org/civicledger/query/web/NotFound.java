package org.civicledger.query.web;

/** A public record that does not exist (or has not reached this projection yet). */
public class NotFound extends RuntimeException {

    private final String rule;

    private NotFound(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public static NotFound of(String what, String id) {
        return new NotFound(what + "-not-found", "There is no " + what + " '" + id + "'.");
    }

    public static NotFound file(String fileId) {
        return new NotFound("file-not-found", "There is no legislative file '" + fileId + "'.");
    }

    public static NotFound version(String fileId, int version) {
        return new NotFound("version-not-found", "Legislative file '" + fileId + "' has no text version " + version
                + ".");
    }

    public String rule() {
        return rule;
    }
}
